import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { accounts, conversations } from '@/db/schema';
import type { Ctx, SystemCtx } from '../../context';
import { DomainError } from '../../errors';
import { inboxChannel } from '../../events/inbox-channel';
import { publishAfterCommit } from '../../events/publish';
import { MAX_MESSAGE_LENGTH } from '../../messages/send-message';
import { MAX_UPLOAD_BYTES } from '../../attachments/store-upload';
import { enqueueConversationWebhooks } from '../../webhooks/enqueue-webhooks';
import { nudgeDeliveries } from '../../sweeps/nudge-deliveries';
import { writeActivity } from '../../activity/write-activity';
import { changeEvents } from '../../conversations/actions/change-events';
import { accountInboxesOfType } from '../account-inboxes';
import { createInboundConversation, receiveCustomerMessage } from '../inbound/receive-customer-message';
import type { InboundAttachment } from '../inbound/store-inbound-files';
import { apiInboxSecret, hasInboxSecret, type ApiContact, type ApiInbox } from './api-inbox';
import { conversationMessagesJson, conversationsJson, messageJson } from './api-json';
import { announceMessageToContact } from './contact-channel';
import { isDbId } from '../../request-values';

// The public client API of an API inbox (Chatwoot's client API shapes). The inbox is named by its
// public identifier; a contact by its source id (the `contact_identifier` of the paths), which is
// the contact's credential: it opens that link's own conversations in that inbox, nothing else.
// Contacts: api-contact.ts; JSON: api-json.ts. Unknown keys in a body are ignored, as Chatwoot does.

const ZText = (max: number) => z.string().trim().max(max);

const ZContentText = z
  .string()
  .max(MAX_MESSAGE_LENGTH)
  .transform((text) => text.replace(/\r\n?/g, '\n').trim());
const ZContent = ZContentText.pipe(z.string().min(1));

export const ZApiMessageInput = z.object({
  content: ZContent,
  echo_id: ZText(100).min(1).optional(),
  // The integration's own id of this message: a retry with it creates nothing new.
  source_id: ZText(255).min(1).optional(),
  // B3: `outgoing` = written by the business outside the platform; needs the inbox secret.
  message_type: z.enum(['incoming', 'outgoing']).default('incoming'),
});
export type TApiMessageInput = z.infer<typeof ZApiMessageInput>;

// multipart/form-data (Chatwoot's client API with `attachments[]`): the same fields, the text
// optional when files come with it. Up to 5 files of 50 MB each (W4's cap), and at most 100 MB in
// one request (the body is read into memory, counted as it arrives, before anything is stored).
export const ZApiMultipartMessageInput = ZApiMessageInput.extend({ content: ZContentText.optional() });
export type TApiMultipartMessageInput = z.infer<typeof ZApiMultipartMessageInput>;
export const API_MESSAGE_MAX_FILES = 5;
export const API_MESSAGE_MAX_FILE_BYTES = MAX_UPLOAD_BYTES;
export const API_MESSAGE_MAX_BODY_BYTES = 2 * MAX_UPLOAD_BYTES + 64 * 1024;

export const ZApiConversationInput = z.object({ custom_attributes: z.record(z.string().max(100), z.unknown()).optional() }).default({});

// A contact's conversations are those of its link (source id), never all of the contact's: a
// contact that several links reach (a verified identity on several devices, a merge) shows each
// link only what was written through it.
const ownConversations = (inbox: ApiInbox, contact: ApiContact) => and(eq(conversations.inboxId, inbox.id), eq(conversations.contactInboxId, contact.contactInboxId));

export const listApiConversations = async (ctx: SystemCtx, inbox: ApiInbox, contact: ApiContact) => {
  const rows = await ctx.db.select().from(conversations).where(ownConversations(inbox, contact)).orderBy(desc(conversations.createdAt)).limit(100);
  return conversationsJson(ctx, rows, contact);
};

// A conversation of this link in this inbox by its number; any other is NOT_FOUND (never FORBIDDEN).
export const loadApiConversation = async (ctx: SystemCtx, inbox: ApiInbox, contact: ApiContact, displayId: string) => {
  const id = Number(displayId);
  if (!isDbId(id)) throw new DomainError('NOT_FOUND', { entity: 'conversation' });
  const [row] = await ctx.db.select().from(conversations).where(and(ownConversations(inbox, contact), eq(conversations.displayId, id)));
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'conversation' });
  return row;
};

const conversationJson = async (ctx: SystemCtx, row: Parameters<typeof conversationsJson>[1][number], contact: ApiContact) => (await conversationsJson(ctx, [row], contact))[0];

export const getApiConversation = async (ctx: SystemCtx, inbox: ApiInbox, contact: ApiContact, displayId: string) =>
  conversationJson(ctx, await loadApiConversation(ctx, inbox, contact, displayId), contact);

// POST conversations: a new, empty, open conversation (its first message comes next).
export const createApiConversation = async (ctx: SystemCtx, inbox: ApiInbox, contact: ApiContact) => {
  const at = ctx.now();
  const conversation = await ctx.db.transaction(async (tx) => {
    const created = await createInboundConversation(tx, inbox, contact, at);
    await enqueueConversationWebhooks(tx, [created.id], { event: 'conversation_created', at, accountIds: [inbox.accountId] });
    return created;
  });
  await publishAfterCommit(ctx, [{ channel: inboxChannel(conversation), event: 'conversation.created', data: { conversationId: conversation.id, assigneeId: null } }]);
  nudgeDeliveries();
  return conversationJson(ctx, conversation, contact);
};

// The conversation's messages a customer may see (never a private note, never an activity line),
// oldest first: the latest 100, or those before `before` (a message id).
export const listApiMessages = async (ctx: SystemCtx, inbox: ApiInbox, contact: ApiContact, displayId: string, before?: number) =>
  conversationMessagesJson(ctx, await loadApiConversation(ctx, inbox, contact, displayId), { before });

// The link's latest open, pending or snoozed conversation started after `conversation`, if any.
const newerConversation = async (ctx: SystemCtx, inbox: ApiInbox, contact: ApiContact, conversation: { id: number }) => {
  const [row] = await ctx.db
    .select()
    .from(conversations)
    .where(and(ownConversations(inbox, contact), gt(conversations.id, conversation.id), inArray(conversations.status, ['open', 'pending', 'snoozed'])))
    .orderBy(desc(conversations.id))
    .limit(1);
  return row;
};

// POST messages: the contact's message into this conversation (routing rules of
// receiveCustomerMessage: a resolved one reopens or, by the inbox's policy, a new one starts).
export const postApiMessage = async (
  ctx: SystemCtx,
  inbox: ApiInbox,
  contact: ApiContact,
  displayId: string,
  input: TApiMultipartMessageInput,
  { inboxSecret, attachments: files = [] }: { inboxSecret: string | null; attachments?: InboundAttachment[] },
) => {
  const named = await loadApiConversation(ctx, inbox, contact, displayId);
  // A client that kept the number of a resolved conversation after the `new` policy opened another
  // one writes on in that newer one rather than opening one per message.
  const conversation = named.status === 'resolved' && inbox.channelSettings.resolvedConversationPolicy === 'new' ? ((await newerConversation(ctx, inbox, contact, named)) ?? named) : named;
  const outgoing = input.message_type === 'outgoing';
  if (outgoing && !hasInboxSecret(inbox, inboxSecret)) throw new DomainError('FORBIDDEN', { field: 'message_type' });
  // Refused before anything is stored: too many files, an empty one, one over 50 MB (TOO_LARGE).
  if (files.length > API_MESSAGE_MAX_FILES) throw new DomainError('INVALID_INPUT', { field: 'attachments', max: API_MESSAGE_MAX_FILES });
  if (files.some((file) => file.data.length === 0)) throw new DomainError('INVALID_INPUT', { field: 'attachments' });
  if (files.some((file) => file.data.length > API_MESSAGE_MAX_FILE_BYTES)) throw new DomainError('TOO_LARGE', { maxMb: API_MESSAGE_MAX_FILE_BYTES / 1024 / 1024 });
  if (!input.content && files.length === 0) throw new DomainError('INVALID_INPUT', { field: 'content' });
  const received = await receiveCustomerMessage(ctx, {
    inbox,
    contact: { sourceId: contact.sourceId },
    content: input.content || null,
    attachments: files,
    sourceId: input.source_id ?? null,
    echoId: input.echo_id ?? null,
    conversationId: conversation.id,
    sentOutsidePlatform: outgoing,
  });
  // A source_id another link's message already has: never that message (it is not theirs).
  if (received.duplicate && received.contactInboxId !== contact.contactInboxId) throw new DomainError('CONFLICT', { field: 'source_id' });
  // The conversation it really went to: a resolved one under the inbox's `new` policy gives way to
  // a new conversation, whose number the answer's conversation_id carries.
  const message = await messageJson(ctx, { id: received.conversationId, displayId: received.displayId }, received.messageId);
  // The contact's other clients hear of it on the contact's channel.
  if (!received.duplicate) await announceMessageToContact(ctx, received.messageId);
  return { ...received, message };
};

// Settings: the client API base path of each API inbox of the account, with its integration secret.
export const listApiInboxEndpoints = async (ctx: Ctx) =>
  (await accountInboxesOfType(ctx, 'api')).map((inbox) => ({
    id: inbox.id,
    name: inbox.name,
    detail: null,
    path: `/public/api/v1/inboxes/${encodeURIComponent(inbox.identifier)}`,
    secret: apiInboxSecret(inbox),
  }));

// toggle_status: the contact ends the conversation (resolved), as Chatwoot's widget "end chat" does;
// the system's activity message records it. Already resolved: nothing changes.
export const resolveApiConversation = async (ctx: SystemCtx, inbox: ApiInbox, contact: ApiContact, displayId: string) => {
  const current = await loadApiConversation(ctx, inbox, contact, displayId);
  const at = ctx.now();
  const outcome = await ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(conversations).where(eq(conversations.id, current.id)).for('update');
    if (locked.status === 'resolved') return { conversation: locked, events: [] };
    const [resolved] = await tx.update(conversations).set({ status: 'resolved', snoozedUntil: null, updatedAt: at }).where(eq(conversations.id, locked.id)).returning();
    const [account] = await tx.select({ locale: accounts.locale, timeZone: accounts.timeZone }).from(accounts).where(eq(accounts.id, locked.accountId));
    const [activity] = await writeActivity(tx, {
      actor: null,
      account,
      at,
      entries: [{ conversation: locked, activity: { action: 'status_changed', status: 'resolved', previousStatus: locked.status } }],
    });
    await enqueueConversationWebhooks(tx, [locked.id], { event: 'conversation_status_changed', at, accountIds: [locked.accountId] });
    const changed = { status: 'resolved', previousStatus: locked.status, snoozedUntil: null };
    return { conversation: resolved, events: changeEvents(resolved, { changed, event: 'conversation.status_changed' }, activity) };
  });
  await publishAfterCommit(ctx, outcome.events);
  nudgeDeliveries();
  return conversationJson(ctx, outcome.conversation, contact);
};

// update_last_seen: the contact has read the conversation up to now (read receipts for agents).
export const markApiConversationSeen = async (ctx: SystemCtx, inbox: ApiInbox, contact: ApiContact, displayId: string) => {
  const conversation = await loadApiConversation(ctx, inbox, contact, displayId);
  const at = ctx.now();
  await ctx.db.update(conversations).set({ contactLastSeenAt: at }).where(eq(conversations.id, conversation.id));
  await publishAfterCommit(ctx, [{ channel: inboxChannel(conversation), event: 'conversation.updated', data: { conversationId: conversation.id, contactLastSeenAt: at.toISOString() } }]);
  return { contact_last_seen_at: at.toISOString() };
};

export const ZApiTypingInput = z.object({ typing_status: z.enum(['on', 'off']) });

// toggle_typing is throttled per contact, in memory (per app instance, like the rate limits): a
// repeated `on` for the same conversation within this window publishes nothing, nor does an `off`
// after an `off`. The agents' chat drops a customer's `on` after CUSTOMER_TYPING_EXPIRY_MS
// (components/realtime/conversation-presence.tsx), so a client repeats `on` every few seconds while
// the customer types.
export const TYPING_THROTTLE_MS = 2000;
type TypingState = { on: boolean; at: number; conversationId: number };
const typingStore = globalThis as unknown as { bandejaApiTyping?: Map<number, TypingState> };
const typingStates = () => (typingStore.bandejaApiTyping ??= new Map());

// The contact is typing (`on`) or stopped (`off`) in this conversation: `conversation.typing_on` /
// `conversation.typing_off` with `{ conversationId, contact: true }` on the inbox's channel, for
// the agents who have it open. Nothing is stored. Returns whether an event went out.
export const toggleApiTyping = async (ctx: SystemCtx, inbox: ApiInbox, contact: ApiContact, displayId: string, status: 'on' | 'off') => {
  const conversation = await loadApiConversation(ctx, inbox, contact, displayId);
  const states = typingStates();
  const now = ctx.now().getTime();
  const last = states.get(contact.contactInboxId);
  const on = status === 'on';
  const repeated = on ? last?.on === true && last.conversationId === conversation.id && now - last.at < TYPING_THROTTLE_MS : last?.on === false;
  if (repeated) return { typing_status: status, published: false };
  // Re-inserted, so the map's order is by last change: the oldest entry goes when it is full.
  states.delete(contact.contactInboxId);
  states.set(contact.contactInboxId, { on, at: now, conversationId: conversation.id });
  if (states.size > 10_000) states.delete(states.keys().next().value as number);
  await publishAfterCommit(ctx, [
    { channel: inboxChannel(conversation), event: on ? 'conversation.typing_on' : 'conversation.typing_off', data: { conversationId: conversation.id, contact: true } },
  ]);
  return { typing_status: status, published: true };
};
