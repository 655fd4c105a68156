import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { accounts, attachments, contacts, conversations, messages, type ChannelSettings, type Conversation, type MessageContentAttributes } from '@/db/schema';
import { writeActivity } from '../../activity/write-activity';
import { changeEvents } from '../../conversations/actions/change-events';
import { wakeOnCustomerMessage } from '../../conversations/actions/wake-on-customer-message';
import type { SystemCtx } from '../../context';
import { DomainError } from '../../errors';
import { inboxChannel } from '../../events/inbox-channel';
import { publishAfterCommit, type RealtimeEvent } from '../../events/publish';
import { notifyParticipants } from '../../participants/notify-participants';
import { isUniqueViolation } from '../../transactions/is-unique-violation';
import { enqueueConversationWebhooks, enqueueMessageWebhooks } from '../../webhooks/enqueue-webhooks';
import { nudgeDeliveries } from '../../sweeps/nudge-deliveries';
import { resolveContactInbox, type InboundContact } from './resolve-contact';
import { deleteInboundFiles, storeInboundFiles, type InboundAttachment } from './store-inbound-files';

export type InboundInbox = { id: number; accountId: number; channelSettings: ChannelSettings };

export type ReceiveCustomerMessageInput = {
  inbox: InboundInbox;
  contact: InboundContact;
  content: string | null;
  contentAttributes?: MessageContentAttributes;
  attachments?: InboundAttachment[];
  // The channel's id of this message (email Message-ID, API source id): a second delivery with the
  // same id in this inbox returns the first message and changes nothing.
  sourceId?: string | null;
  echoId?: string | null;
  // The conversation the channel says this belongs to (client API conversation, email thread), when
  // it knows; it must be in this inbox. Otherwise the contact's latest one is found.
  conversationId?: number | null;
  // B3: written by the business on the official channel outside the platform (an API integration
  // posting `message_type: outgoing`): stored as outgoing, counts as a reply.
  sentOutsidePlatform?: boolean;
  // Force a new conversation (client API "create conversation", an email that starts a new thread).
  newConversation?: boolean;
};

export type ReceivedMessage = {
  messageId: number;
  conversationId: number;
  displayId: number;
  contactId: number;
  contactInboxId: number;
  // True when this delivery was a duplicate: nothing was written.
  duplicate: boolean;
  conversationCreated: boolean;
};

const OPEN_STATES = ['open', 'pending', 'snoozed'] as const;

// reopened: a resolved conversation reopened here (a snoozed one woken by wakeOnCustomerMessage has
// its status_changed webhook enqueued by wakeConversations).
type Routed = { conversation: Conversation; created: boolean; reopened: boolean; events: RealtimeEvent[] };

export const createInboundConversation = async (tx: Tx, inbox: InboundInbox, contact: { contactId: number; contactInboxId: number }, at: Date): Promise<Conversation> => {
  // UPDATE ... RETURNING serialises concurrent creators on the account row: no two get one number.
  const [{ displayId }] = await tx
    .update(accounts)
    .set({ lastConversationDisplayId: sql`${accounts.lastConversationDisplayId} + 1` })
    .where(eq(accounts.id, inbox.accountId))
    .returning({ displayId: accounts.lastConversationDisplayId });
  const [conversation] = await tx
    .insert(conversations)
    .values({
      accountId: inbox.accountId,
      displayId,
      inboxId: inbox.id,
      contactId: contact.contactId,
      contactInboxId: contact.contactInboxId,
      status: 'open',
      lastActivityAt: at,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  return conversation;
};

// A resolved conversation the customer writes to again: reopened by the system, with its activity.
const reopen = async (tx: Tx, conversation: Conversation, at: Date): Promise<Routed> => {
  const [reopened] = await tx.update(conversations).set({ status: 'open', snoozedUntil: null, updatedAt: at }).where(eq(conversations.id, conversation.id)).returning();
  const [account] = await tx.select({ locale: accounts.locale, timeZone: accounts.timeZone }).from(accounts).where(eq(accounts.id, conversation.accountId));
  const [activity] = await writeActivity(tx, { actor: null, account, at, entries: [{ conversation, activity: { action: 'reopened', previousStatus: 'resolved' } }] });
  const changed = { status: 'open', previousStatus: 'resolved', snoozedUntil: null };
  return { conversation: reopened, created: false, reopened: true, events: changeEvents(reopened, { changed, event: 'conversation.status_changed' }, activity) };
};

// Where a customer's message goes (the rules of issue #7 "Inbound routing"):
// - the conversation the channel named (thread, API conversation), if it is in this inbox; else
// - the contact's latest open, pending or snoozed conversation in this inbox; else
// - their latest resolved one, by the inbox's resolvedConversationPolicy: `reopen` (default) opens
//   it again, `new` starts a new conversation; else
// - a new conversation (open, unassigned, waiting for its first reply).
// A snoozed conversation wakes up (C2); a pending one stays pending (a bot or a colleague is on it).
const route = async (tx: Tx, input: ReceiveCustomerMessageInput, contact: { contactId: number; contactInboxId: number }, at: Date): Promise<Routed> => {
  const { inbox } = input;
  const fresh = async (): Promise<Routed> => ({ conversation: await createInboundConversation(tx, inbox, contact, at), created: true, reopened: false, events: [] });
  if (input.newConversation) return fresh();

  let [target] = input.conversationId
    ? await tx
        .select()
        .from(conversations)
        .where(and(eq(conversations.id, input.conversationId), eq(conversations.inboxId, inbox.id)))
        .for('update')
    : [];
  target ??= (
    await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.inboxId, inbox.id), eq(conversations.contactId, contact.contactId), inArray(conversations.status, [...OPEN_STATES])))
      .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
      .limit(1)
      .for('update')
  )[0];
  target ??= (
    await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.inboxId, inbox.id), eq(conversations.contactId, contact.contactId), eq(conversations.status, 'resolved')))
      .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
      .limit(1)
      .for('update')
  )[0];
  if (!target) return fresh();

  if (target.status === 'resolved') {
    // B3: the business writing outside the platform never reopens a resolved conversation.
    if (input.sentOutsidePlatform) return { conversation: target, created: false, reopened: false, events: [] };
    return (inbox.channelSettings.resolvedConversationPolicy ?? 'reopen') === 'new' ? fresh() : reopen(tx, target, at);
  }
  if (target.status === 'snoozed' && !input.sentOutsidePlatform) {
    const woken = await wakeOnCustomerMessage(tx, target, { now: at });
    if (woken) return { conversation: woken.conversation, created: false, reopened: false, events: woken.events };
  }
  return { conversation: target, created: false, reopened: false, events: [] };
};

const findDuplicate = async (db: SystemCtx['db'] | Tx, inboxId: number, sourceId: string) => {
  const [row] = await db
    .select({
      messageId: messages.id,
      conversationId: conversations.id,
      displayId: conversations.displayId,
      contactId: conversations.contactId,
      contactInboxId: conversations.contactInboxId,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(messages.inboxId, inboxId), eq(messages.sourceId, sourceId)));
  return row ? { ...row, contactInboxId: row.contactInboxId ?? 0, duplicate: true, conversationCreated: false } : null;
};

// A customer's message from any channel (API inbox, email, and the website widget to come), in ONE
// transaction: the contact and their link to the inbox (found or created), de-duplication by the
// channel's message id, routing (see `route`), the message and its files, the conversation's
// activity time and V3 wait (waiting_since is set when the customer writes and no agent reply came
// after; a B3 message sent outside the platform is a reply: first reply recorded, wait cleared),
// participants' notifications (P1), and the webhook deliveries (outbox). Realtime events are
// published and webhooks nudged after commit; a publish failure never loses the message.
// Duplicate deliveries, even concurrent ones, return the first message (the unique index on
// messages (inbox_id, source_id) decides between simultaneous transactions).
export const receiveCustomerMessage = async (ctx: SystemCtx, input: ReceiveCustomerMessageInput): Promise<ReceivedMessage> => {
  const { inbox } = input;
  if (!input.content?.trim() && !input.attachments?.length) throw new DomainError('INVALID_INPUT', { field: 'content' });
  const sourceId = input.sourceId?.trim() || null;
  if (sourceId) {
    const duplicate = await findDuplicate(ctx.db, inbox.id, sourceId);
    if (duplicate) return duplicate;
  }
  const at = ctx.now();
  const stored = await storeInboundFiles(ctx, inbox.accountId, input.attachments ?? [], at);

  let outcome: { result: ReceivedMessage; events: RealtimeEvent[] };
  try {
    outcome = await ctx.db.transaction(async (tx) => {
      const contact = await resolveContactInbox(tx, inbox, input.contact, at);
      // Checked again under the contact's lock: a retry that raced the first delivery sees it here.
      if (sourceId) {
        const duplicate = await findDuplicate(tx, inbox.id, sourceId);
        if (duplicate) return { result: duplicate, events: [] };
      }
      const routed = await route(tx, input, contact, at);
      const outgoing = Boolean(input.sentOutsidePlatform);
      const contentAttributes: MessageContentAttributes = {
        ...input.contentAttributes,
        ...(stored.skipped.length ? { skippedAttachments: stored.skipped } : {}),
      };
      const [message] = await tx
        .insert(messages)
        .values({
          accountId: inbox.accountId,
          inboxId: inbox.id,
          conversationId: routed.conversation.id,
          messageType: outgoing ? 'outgoing' : 'incoming',
          private: false,
          senderType: outgoing ? 'automation' : 'contact',
          senderId: outgoing ? null : contact.contactId,
          sentOutsidePlatform: outgoing,
          content: input.content || null,
          contentAttributes,
          status: 'sent',
          sourceId,
          echoId: input.echoId ?? null,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: messages.id });
      if (stored.files.length) {
        await tx.insert(attachments).values(stored.files.map((file) => ({ ...file, accountId: inbox.accountId, messageId: message.id, createdAt: at })));
      }
      const [updated] = await tx
        .update(conversations)
        .set({
          lastActivityAt: at,
          updatedAt: at,
          ...(outgoing
            ? { firstReplyAt: routed.conversation.firstReplyAt ?? at, waitingSince: null }
            : { waitingSince: routed.conversation.waitingSince ?? at }),
        })
        .where(eq(conversations.id, routed.conversation.id))
        .returning();
      await tx.update(contacts).set({ lastActivityAt: at }).where(eq(contacts.id, contact.contactId));

      const notifications = await notifyParticipants(tx, { conversation: updated, messageId: message.id, actorId: null, now: at });
      if (routed.created) await enqueueConversationWebhooks(tx, [updated.id], { event: 'conversation_created', at, accountIds: [inbox.accountId] });
      if (routed.reopened) await enqueueConversationWebhooks(tx, [updated.id], { event: 'conversation_status_changed', at, accountIds: [inbox.accountId] });
      await enqueueMessageWebhooks(tx, [message.id], { event: 'message_created', at, accountIds: [inbox.accountId] });

      const channel = inboxChannel(updated);
      const events: RealtimeEvent[] = [
        ...(routed.created ? [{ channel, event: 'conversation.created' as const, data: { conversationId: updated.id, assigneeId: null } }] : []),
        ...routed.events,
        {
          channel,
          event: 'message.created',
          data: { conversationId: updated.id, messageId: message.id, messageType: outgoing ? 'outgoing' : 'incoming', private: false, ...(input.echoId ? { echoId: input.echoId } : {}) },
        },
        {
          channel,
          event: 'conversation.updated',
          data: {
            conversationId: updated.id,
            lastActivityAt: at.toISOString(),
            firstReplyAt: updated.firstReplyAt?.toISOString() ?? null,
            waitingSince: updated.waitingSince?.toISOString() ?? null,
            updatedAt: at.toISOString(),
          },
        },
        ...notifications,
      ];
      return {
        result: {
          messageId: message.id,
          conversationId: updated.id,
          displayId: updated.displayId,
          contactId: contact.contactId,
          contactInboxId: contact.contactInboxId,
          duplicate: false,
          conversationCreated: routed.created,
        },
        events,
      };
    });
  } catch (error) {
    await deleteInboundFiles(ctx, stored.files);
    // A concurrent delivery of the same message won: this one is its duplicate.
    if (sourceId && isUniqueViolation(error, 'messages_inbox_source_id_key')) {
      const duplicate = await findDuplicate(ctx.db, inbox.id, sourceId);
      if (duplicate) return duplicate;
    }
    throw error;
  }
  if (outcome.result.duplicate) await deleteInboundFiles(ctx, stored.files);

  await publishAfterCommit(ctx, outcome.events);
  nudgeDeliveries();
  return outcome.result;
};
