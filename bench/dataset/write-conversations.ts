import type postgres from 'postgres';
import { createRng, deriveSeed } from '@/db/seed/prng';
import type { BenchContact } from './contacts';
import type { ConversationHeader } from './conversation-header';
import { openCopy } from './copy';
import { buildDialogue } from './dialogue';
import type { Workspace } from './workspace';

export type ConversationCounts = {
  conversations: number;
  messages: number;
  conversationLabels: number;
  participants: number;
  mentions: number;
  reads: number;
  attachments: number;
};

// Streams every conversation with its messages, labels, participants, mentions, read state and
// attachments: seven COPYs open side by side, fed one conversation at a time, so memory stays flat
// whatever the sizes.
export const writeConversations = async (
  sql: postgres.Sql,
  options: { seed: number; workspace: Workspace; contacts: BenchContact[]; headers: ConversationHeader[]; onProgress?: (done: number) => void },
): Promise<ConversationCounts> => {
  const { seed, workspace, contacts, headers } = options;
  const { accountId } = workspace;
  const [conversationRows, messageRows, labelRows, participantRows, mentionRows, readRows, attachmentRows] = await Promise.all([
    openCopy(sql, 'conversations', [
      'id', 'account_id', 'display_id', 'uuid', 'inbox_id', 'contact_id', 'contact_inbox_id', 'status', 'snoozed_until', 'priority',
      'assignee_id', 'team_id', 'custom_attributes', 'first_reply_at', 'waiting_since', 'last_activity_at', 'contact_last_seen_at',
      'created_at', 'updated_at',
    ]),
    openCopy(sql, 'messages', [
      'id', 'account_id', 'inbox_id', 'conversation_id', 'message_type', 'private', 'sender_type', 'sender_id', 'sent_outside_platform',
      'content', 'content_attributes', 'status', 'created_at', 'updated_at',
    ]),
    openCopy(sql, 'conversation_labels', ['conversation_id', 'label_id', 'created_at']),
    openCopy(sql, 'conversation_participants', ['conversation_id', 'user_id', 'created_at']),
    openCopy(sql, 'mentions', ['id', 'account_id', 'user_id', 'conversation_id', 'message_id', 'mentioned_at']),
    openCopy(sql, 'conversation_reads', ['conversation_id', 'user_id', 'last_read_at']),
    openCopy(sql, 'attachments', [
      'account_id', 'message_id', 'kind', 'file_name', 'mime_type', 'size', 'storage_key', 'width', 'height', 'is_voice_note', 'created_at',
    ]),
  ]);

  let messageId = 0;
  let mentionId = 0;
  const counts: ConversationCounts = { conversations: 0, messages: 0, conversationLabels: 0, participants: 0, mentions: 0, reads: 0, attachments: 0 };
  for (const header of headers) {
    const rng = createRng(deriveSeed(seed, 5_000_000 + header.id));
    const dialogue = buildDialogue(seed, header, workspace, contacts);
    const conversationId = header.id;
    const contactId = header.contactIndex + 1;
    const createdAt = new Date(header.createdAt);
    const lastActivityAt = new Date(dialogue.lastActivityAt);

    await conversationRows.row([
      conversationId,
      accountId,
      header.id,
      rng.uuid(),
      header.inboxId,
      contactId,
      header.contactInboxId,
      header.status,
      header.snoozedUntil,
      header.priority,
      header.assigneeId,
      header.teamId,
      header.customAttributes,
      dialogue.firstReplyAt === null ? null : new Date(dialogue.firstReplyAt),
      dialogue.waitingSince === null ? null : new Date(dialogue.waitingSince),
      lastActivityAt,
      header.channel === 'website' ? lastActivityAt : null,
      createdAt,
      lastActivityAt,
    ]);
    counts.conversations += 1;

    const latestMention = new Map<number, { messageId: number; at: number }>();
    let lastAgentReply: number | null = null;
    for (const message of dialogue.messages) {
      messageId += 1;
      const at = new Date(message.at);
      await messageRows.row([
        messageId,
        accountId,
        header.inboxId,
        conversationId,
        message.messageType,
        message.private,
        message.senderType,
        message.senderId,
        false,
        message.content,
        message.contentAttributes,
        message.status,
        at,
        at,
      ]);
      if (message.mentionedUserId !== null) latestMention.set(message.mentionedUserId, { messageId, at: message.at });
      if (message.senderType === 'agent' && !message.private) lastAgentReply = message.at;
      if (message.attachment) {
        const width = rng.pick([1080, 1170, 1440]);
        await attachmentRows.row([
          accountId, messageId, 'image', `foto-${rng.int(1000, 9999)}.jpg`, 'image/jpeg', rng.int(80_000, 3_000_000),
          `bench/${conversationId}/${messageId}.jpg`, width, Math.round(width * 1.6), false, at,
        ]);
        counts.attachments += 1;
      }
    }
    counts.messages += dialogue.messages.length;

    for (const labelId of header.labelIds) await labelRows.row([conversationId, labelId, createdAt]);
    counts.conversationLabels += header.labelIds.length;
    for (const userId of dialogue.participantIds) await participantRows.row([conversationId, userId, createdAt]);
    counts.participants += dialogue.participantIds.length;
    for (const [userId, mention] of latestMention) {
      mentionId += 1;
      await mentionRows.row([mentionId, accountId, userId, conversationId, mention.messageId, new Date(mention.at)]);
    }
    counts.mentions += latestMention.size;

    // Read state: the assignee has read up to their last reply while the customer waits, else (mostly)
    // everything; other participants now and then.
    for (const userId of dialogue.participantIds) {
      const readAt =
        userId === header.assigneeId
          ? dialogue.waitingSince !== null
            ? lastAgentReply
            : rng.chance(0.8)
              ? dialogue.lastActivityAt
              : null
          : rng.chance(0.3)
            ? dialogue.lastActivityAt
            : null;
      if (readAt === null) continue;
      await readRows.row([conversationId, userId, new Date(readAt)]);
      counts.reads += 1;
    }
    if (counts.conversations % 10_000 === 0) options.onProgress?.(counts.conversations);
  }
  await Promise.all([conversationRows, messageRows, labelRows, participantRows, mentionRows, readRows, attachmentRows].map((writer) => writer.end()));
  return counts;
};
