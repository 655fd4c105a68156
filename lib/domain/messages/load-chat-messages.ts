import { and, asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { attachments, contacts, messages, users, type Attachment, type Message } from '@/db/schema';
import { inboxScope } from '../authorization/scope';
import type { Actor } from '../context';
import { agentSender, contactSender, senderName } from './message-sender';

// A message as the chat panel shows it: sender's name and attachments included.
export type ChatMessage = Pick<
  Message,
  'id' | 'messageType' | 'private' | 'senderType' | 'senderId' | 'sentOutsidePlatform' | 'content' | 'contentAttributes' | 'status' | 'createdAt'
> & {
  senderName: string | null;
  attachments: Array<Pick<Attachment, 'id' | 'kind' | 'fileName' | 'mimeType' | 'size' | 'duration' | 'isVoiceNote'>>;
};

// The given messages as ChatMessages, oldest first, in two queries whatever their number (the chat
// page, a message just sent). Messages the actor may not see are left out.
export const loadChatMessages = async (ctx: { db: DbOrTx; actor: Actor }, ids: number[]): Promise<ChatMessage[]> => {
  if (ids.length === 0) return [];
  const [rows, files] = await Promise.all([
    ctx.db
      .select({
        id: messages.id,
        messageType: messages.messageType,
        private: messages.private,
        senderType: messages.senderType,
        senderId: messages.senderId,
        sentOutsidePlatform: messages.sentOutsidePlatform,
        content: messages.content,
        contentAttributes: messages.contentAttributes,
        status: messages.status,
        createdAt: messages.createdAt,
        senderName: senderName(),
      })
      .from(messages)
      .leftJoin(users, agentSender)
      .leftJoin(contacts, contactSender)
      .where(and(inArray(messages.id, ids), inboxScope(ctx.actor, messages)))
      .orderBy(asc(messages.createdAt), asc(messages.id)),
    ctx.db
      .select({
        id: attachments.id,
        messageId: attachments.messageId,
        kind: attachments.kind,
        fileName: attachments.fileName,
        mimeType: attachments.mimeType,
        size: attachments.size,
        duration: attachments.duration,
        isVoiceNote: attachments.isVoiceNote,
      })
      .from(attachments)
      .where(inArray(attachments.messageId, ids))
      .orderBy(asc(attachments.id)),
  ]);
  return rows.map((message) => ({
    ...message,
    attachments: files.filter((file) => file.messageId === message.id).map(({ messageId: _, ...file }) => file),
  }));
};
