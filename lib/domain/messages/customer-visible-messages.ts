import { and, asc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { attachments, contacts, messages, users, type Attachment, type Message } from '@/db/schema';
import { agentSender, contactSender, senderName } from './message-sender';

export type CustomerVisibleMessage = Pick<Message, 'id' | 'messageType' | 'senderType' | 'senderId' | 'content' | 'contentAttributes' | 'createdAt'> & {
  senderName: string | null;
  attachments: Array<Pick<Attachment, 'id' | 'kind' | 'fileName' | 'mimeType' | 'size' | 'storageKey'>>;
};

// B5: everything of a conversation that the customer may see, oldest first: what they wrote and
// what was sent to them. Never a private note, never an activity line. The one source for
// transcripts (C4) and channel deliveries, so that a private note cannot leak through either.
// Callers authorise the conversation (or act for the system); this only reads.
export const customerVisibleMessages = async (db: DbOrTx, conversationId: number): Promise<CustomerVisibleMessage[]> => {
  const visible = and(eq(messages.conversationId, conversationId), eq(messages.private, false), ne(messages.messageType, 'activity'));
  const rows = await db
    .select({
      id: messages.id,
      messageType: messages.messageType,
      senderType: messages.senderType,
      senderId: messages.senderId,
      content: messages.content,
      contentAttributes: messages.contentAttributes,
      createdAt: messages.createdAt,
      senderName: senderName(),
    })
    .from(messages)
    .leftJoin(users, agentSender)
    .leftJoin(contacts, contactSender)
    .where(visible)
    .orderBy(asc(messages.createdAt), asc(messages.id));
  if (rows.length === 0) return [];

  const files = await db
    .select({
      id: attachments.id,
      messageId: attachments.messageId,
      kind: attachments.kind,
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      size: attachments.size,
      storageKey: attachments.storageKey,
    })
    .from(attachments)
    // Joined rather than listed by id: a long conversation would make a long IN list.
    .innerJoin(messages, eq(messages.id, attachments.messageId))
    .where(visible)
    .orderBy(asc(attachments.id));
  return rows.map((row) => ({
    ...row,
    attachments: files.filter((file) => file.messageId === row.id).map(({ messageId: _, ...file }) => file),
  }));
};
