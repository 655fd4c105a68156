import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import {
  accountUsers,
  attachments,
  conversationMutes,
  conversationParticipants,
  conversations,
  inboxMembers,
  mentions,
  messages,
  notifications,
  users,
  type MessageContentAttributes,
} from '@/db/schema';
import { conversationScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { inboxChannel } from '../events/inbox-channel';
import { publishAfterCommit, type RealtimeEvent } from '../events/publish';
import { notificationCreatedEvents, userChannel } from '../notifications/notification-events';
import { shouldNotify } from '../notifications/should-notify';
import { notifyParticipants } from '../participants/notify-participants';
import { enqueuePushDeliveries } from '../push/enqueue-pushes';
import { loadChatMessages, type ChatMessage } from './load-chat-messages';
import { parseMentions, visibleText } from './parse-mentions';
import { deliverAgentMessage } from '../channels/deliver-agent-message';
import { announceMessageToVisitor } from '../channels/widget/visitor-channel';
import { enqueueMessageWebhooks } from '../webhooks/enqueue-webhooks';
import { ZDbId } from '../request-values';

export const MAX_MESSAGE_LENGTH = 10_000;
export const MAX_ATTACHMENTS_PER_MESSAGE = 20;

export const ZSendMessageInput = z
  .object({
    conversationId: ZDbId,
    // Line breaks are kept (CRLF from form posts becomes LF); only the ends are trimmed.
    content: z
      .string()
      .max(MAX_MESSAGE_LENGTH * 2)
      .default('')
      .transform((text) => text.replace(/\r\n?/g, '\n').trim())
      // The limit is on what agents see: mention tokens count as "@Name".
      .refine((text) => visibleText(text).length <= MAX_MESSAGE_LENGTH, { message: 'too_long' }),
    private: z.boolean().default(false),
    // The browser's id for this send; a retry with the same id never makes a second message (W5).
    echoId: z.string().trim().min(1).max(100).optional(),
    attachmentIds: z.array(ZDbId).max(MAX_ATTACHMENTS_PER_MESSAGE).default([]),
  })
  .refine((input) => input.content.length > 0 || input.attachmentIds.length > 0, { path: ['content'], message: 'empty' });
export type TSendMessageInput = z.input<typeof ZSendMessageInput>;

type LockedConversation = { id: number; accountId: number; inboxId: number };
type Mentioned = { userId: number; notify: boolean };

// W2 mentions that count: active agents of the account who may see the conversation's inbox
// (its members, or administrators), not the sender. With each, whether to notify them (their mute
// and preferences, read in the same query).
const loadMentioned = async (tx: Tx, ctx: Ctx, conversation: LockedConversation, userIds: number[]): Promise<Mentioned[]> => {
  const candidates = userIds.filter((id) => id !== ctx.actor.userId);
  if (candidates.length === 0) return [];
  const rows = await tx
    .select({ userId: users.id, preferences: users.preferences, mutedUntil: conversationMutes.mutedUntil })
    .from(accountUsers)
    .innerJoin(users, eq(users.id, accountUsers.userId))
    .leftJoin(inboxMembers, and(eq(inboxMembers.userId, accountUsers.userId), eq(inboxMembers.inboxId, conversation.inboxId)))
    .leftJoin(conversationMutes, and(eq(conversationMutes.userId, accountUsers.userId), eq(conversationMutes.conversationId, conversation.id)))
    .where(
      and(
        eq(accountUsers.accountId, conversation.accountId),
        eq(accountUsers.active, true),
        inArray(accountUsers.userId, candidates),
        or(eq(accountUsers.role, 'administrator'), sql`${inboxMembers.inboxId} is not null`),
      ),
    );
  const now = ctx.now();
  const byId = new Map(rows.map((row) => [row.userId, row]));
  return candidates.flatMap((userId) => {
    const row = byId.get(userId);
    if (!row) return [];
    return [{ userId, notify: shouldNotify({ type: 'conversation_mention', mutedUntil: row.mutedUntil, notifyOn: row.preferences.notifyOn, now }) }];
  });
};

// Links the uploads to the message: only the actor's own uploads to this conversation that no
// message has taken yet. Any other id makes the whole send fail (nothing is written).
const linkAttachments = async (tx: Tx, ctx: Ctx, conversation: LockedConversation, messageId: number, ids: number[]) => {
  if (ids.length === 0) return;
  const linked = await tx
    .update(attachments)
    .set({ messageId })
    .where(
      and(
        inArray(attachments.id, ids),
        isNull(attachments.messageId),
        eq(attachments.accountId, ctx.actor.accountId),
        eq(attachments.conversationId, conversation.id),
        eq(attachments.uploadedById, ctx.actor.userId),
      ),
    )
    .returning({ id: attachments.id });
  if (linked.length !== ids.length) throw new DomainError('INVALID_INPUT', { field: 'attachmentIds' });
};

// Mentions (V2), participants (P1) and notifications of a private note.
const recordMentions = async (tx: Tx, ctx: Ctx, conversation: LockedConversation, messageId: number, mentioned: Mentioned[]) => {
  if (mentioned.length === 0) return [];
  const at = ctx.now();
  await tx
    .insert(mentions)
    .values(mentioned.map(({ userId }) => ({ accountId: conversation.accountId, userId, conversationId: conversation.id, messageId, mentionedAt: at })))
    // One row per (user, conversation), moved forward: the Mentions view is newest mention first.
    .onConflictDoUpdate({ target: [mentions.userId, mentions.conversationId], set: { messageId, mentionedAt: at } });
  const notified = mentioned.filter((user) => user.notify);
  if (notified.length === 0) return [];
  const rows = await tx
    .insert(notifications)
    .values(
      notified.map(({ userId }) => ({
        accountId: conversation.accountId,
        userId,
        type: 'conversation_mention' as const,
        conversationId: conversation.id,
        messageId,
        actorId: ctx.actor.userId,
        createdAt: at,
      })),
    )
    .returning({ id: notifications.id, userId: notifications.userId });
  await enqueuePushDeliveries(tx, rows.map((row) => row.id), at);
  return rows;
};

// W1/W5, B2/B5: an agent's public reply or private note, in one transaction with everything it
// changes, then its realtime events. A public reply sets the conversation's first-reply time
// (once) and ends the customer's wait (V3); it does not change the status: a reply to a resolved
// or snoozed conversation leaves it so (as in Chatwoot; only the customer's next message reopens
// it). A private note's @mentions (W2) put the conversation in those agents' Mentions view (V2),
// make them participants and notify them, even through a mute. The sender becomes a participant;
// the other participants get a participating_message notification (P1) unless muted.
// Idempotent by echoId: the same send again returns the first message.
export const sendMessage = async (ctx: Ctx, input: TSendMessageInput): Promise<ChatMessage> => {
  const parsed = ZSendMessageInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.path[0] === 'conversationId') throw new DomainError('NOT_FOUND', { entity: 'conversation' });
    throw new DomainError('INVALID_INPUT', { field: String(issue?.path[0] ?? 'content') });
  }
  const { conversationId, content, echoId, attachmentIds } = parsed.data;
  const isNote = parsed.data.private;

  const outcome = await ctx.db.transaction(async (tx) => {
    // The lock serialises sends to one conversation: a retry waits for the first attempt and then
    // sees its message, and the first reply is recorded exactly once.
    const [conversation] = await tx
      .select({ id: conversations.id, accountId: conversations.accountId, inboxId: conversations.inboxId, firstReplyAt: conversations.firstReplyAt })
      .from(conversations)
      .where(and(eq(conversations.id, conversationId), conversationScope(ctx.actor)))
      .for('update');
    if (!conversation) throw new DomainError('NOT_FOUND', { entity: 'conversation' });

    if (echoId) {
      const [existing] = await tx
        .select({ id: messages.id })
        .from(messages)
        .where(
          and(eq(messages.conversationId, conversation.id), eq(messages.echoId, echoId), eq(messages.senderType, 'agent'), eq(messages.senderId, ctx.actor.userId)),
        )
        .limit(1);
      if (existing) return { messageId: existing.id, events: [] };
    }

    const mentioned = isNote ? await loadMentioned(tx, ctx, conversation, parseMentions(content)) : [];
    const contentAttributes: MessageContentAttributes = mentioned.length ? { mentionedUserIds: mentioned.map((user) => user.userId) } : {};
    const at = ctx.now();
    const [message] = await tx
      .insert(messages)
      .values({
        accountId: conversation.accountId,
        inboxId: conversation.inboxId,
        conversationId: conversation.id,
        messageType: 'outgoing',
        private: isNote,
        senderType: 'agent',
        senderId: ctx.actor.userId,
        content: content || null,
        contentAttributes,
        // Outgoing delivery to the customer's channel (email, widget) updates it from here.
        status: 'sent',
        echoId: echoId ?? null,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: messages.id });
    await linkAttachments(tx, ctx, conversation, message.id, attachmentIds);

    const [updated] = await tx
      .update(conversations)
      .set({
        lastActivityAt: at,
        updatedAt: at,
        // Read under the lock: two first replies at once still record the earlier one only.
        ...(isNote ? {} : { firstReplyAt: conversation.firstReplyAt ?? at, waitingSince: null }),
      })
      .where(eq(conversations.id, conversation.id))
      .returning({ lastActivityAt: conversations.lastActivityAt, firstReplyAt: conversations.firstReplyAt, waitingSince: conversations.waitingSince });

    await tx
      .insert(conversationParticipants)
      .values([ctx.actor.userId, ...mentioned.map((user) => user.userId)].map((userId) => ({ conversationId: conversation.id, userId })))
      .onConflictDoNothing();
    const notified = await recordMentions(tx, ctx, conversation, message.id, mentioned);
    // P1: the other participants hear of the message; a mentioned agent was told once already.
    const participating = await notifyParticipants(tx, {
      conversation,
      messageId: message.id,
      actorId: ctx.actor.userId,
      skipUserIds: mentioned.map((user) => user.userId),
      now: at,
    });

    // Channels (#7): the message_created webhook deliveries, written in this transaction.
    await enqueueMessageWebhooks(tx, [message.id], { event: 'message_created', at, accountIds: [conversation.accountId] });

    const channel = inboxChannel(conversation);
    const events: RealtimeEvent[] = [
      {
        channel,
        event: 'message.created',
        data: { conversationId: conversation.id, messageId: message.id, messageType: 'outgoing', private: isNote, ...(echoId ? { echoId } : {}) },
      },
      {
        channel,
        event: 'conversation.updated',
        data: {
          conversationId: conversation.id,
          lastActivityAt: updated.lastActivityAt.toISOString(),
          ...(isNote ? {} : { firstReplyAt: updated.firstReplyAt?.toISOString() ?? null, waitingSince: null }),
          updatedAt: at.toISOString(),
        },
      },
      ...mentioned.map(({ userId }) => ({
        channel: userChannel(userId),
        event: 'conversation.mentioned' as const,
        data: { conversationId: conversation.id, messageId: message.id },
      })),
      ...notificationCreatedEvents(notified, { type: 'conversation_mention', conversationId: conversation.id, messageId: message.id }),
      ...participating,
    ];
    return { messageId: message.id, events };
  });

  await publishAfterCommit(ctx, outcome.events);
  // Channels (#7): a public reply goes out on its channel (email); webhooks are sent.
  await deliverAgentMessage(ctx, outcome.messageId);
  // Website widget (#7): a public reply reaches the visitor's own channel; a private note never does.
  if (!isNote) await announceMessageToVisitor(ctx, outcome.messageId);
  const [message] = await loadChatMessages(ctx, [outcome.messageId]);
  if (!message) throw new DomainError('NOT_FOUND', { entity: 'message' });
  return message;
};
