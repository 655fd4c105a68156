import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import { accounts, attachments, contactInboxes, contacts, conversations, inboxes, messages, users, type Inbox } from '@/db/schema';
import type { Ctx, SystemCtx } from '../../context';
import { DomainError } from '../../errors';
import { inboxChannel } from '../../events/inbox-channel';
import { publishAfterCommit } from '../../events/publish';
import { MAX_MESSAGE_LENGTH } from '../../messages/send-message';
import { signAttachmentLink } from '../../attachments/signed-link';
import { MAX_UPLOAD_BYTES } from '../../attachments/store-upload';
import { appUrl, linkSecret } from '../../transcripts/send-transcript';
import { enqueueConversationWebhooks } from '../../webhooks/enqueue-webhooks';
import { nudgeDeliveries } from '../../sweeps/nudge-deliveries';
import { writeActivity } from '../../activity/write-activity';
import { changeEvents } from '../../conversations/actions/change-events';
import { normalizePhone } from '../../contacts/normalize-phone';
import { accountInboxesOfType } from '../account-inboxes';
import { createInboundConversation, receiveCustomerMessage } from '../inbound/receive-customer-message';
import { findOrCreateContact } from '../inbound/resolve-contact';
import type { InboundAttachment } from '../inbound/store-inbound-files';

// The public client API of an API inbox (Chatwoot's client API shapes). The inbox is named by its
// public identifier; a contact by its source id (the `contact_identifier` of the paths), which is
// the contact's credential: it opens that contact's own conversations in that inbox, nothing else.

const ZText = (max: number) => z.string().trim().max(max);
const ZEmail = z.email().max(320).transform((email) => email.toLowerCase());

export const ZApiContactInput = z.strictObject({
  identifier: ZText(255).min(1).optional(),
  identifier_hash: z.string().max(256).optional(),
  email: ZEmail.optional(),
  name: ZText(255).optional(),
  // E.164 as stored (K2): "+52 55 1234 5678" → "+525512345678"; a number without country code is refused.
  phone_number: z
    .string()
    .max(40)
    .transform((raw, context) => normalizePhone(raw) ?? (context.addIssue({ code: 'custom', message: 'not an international phone number' }), z.NEVER))
    .optional(),
  custom_attributes: z.record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()])).optional(),
});
export type TApiContactInput = z.infer<typeof ZApiContactInput>;

const ZContentText = z
  .string()
  .max(MAX_MESSAGE_LENGTH)
  .transform((text) => text.replace(/\r\n?/g, '\n').trim());
const ZContent = ZContentText.pipe(z.string().min(1));

export const ZApiMessageInput = z.strictObject({
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

// Links to a message's files that the contact (who never signs in) can open: signed like the
// transcripts' links, valid 7 days; every read of the messages hands out fresh ones.
const API_LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const attachmentsJson = async (ctx: SystemCtx, messageIds: number[]) => {
  const files = messageIds.length ? await ctx.db.select().from(attachments).where(inArray(attachments.messageId, messageIds)).orderBy(asc(attachments.id)) : [];
  const expiresAt = new Date(ctx.now().getTime() + API_LINK_LIFETIME_MS);
  return (messageId: number) =>
    files
      .filter((file) => file.messageId === messageId)
      .map((file) => ({
        id: file.id,
        file_type: file.kind,
        file_name: file.fileName,
        content_type: file.mimeType,
        file_size: file.size,
        data_url: signAttachmentLink({ appUrl: appUrl(), attachmentId: file.id, expiresAt, secret: linkSecret() }),
      }));
};

export const ZApiConversationInput = z.strictObject({ custom_attributes: z.record(z.string().max(100), z.unknown()).optional() }).default({});

export type ApiInbox = Pick<Inbox, 'id' | 'accountId' | 'name' | 'identifier' | 'channelSettings'>;
export type ApiContact = { contactInboxId: number; contactId: number; sourceId: string };

// A pubsub token for the contact's realtime channel (the widget's; not used by the API inbox yet):
// derived, not stored, so it never needs rotating separately from AUTH_SECRET.
export const pubsubTokenFor = (sourceId: string) => createHmac('sha256', linkSecret()).update(`pubsub:${sourceId}`).digest('base64url');

export const loadApiInbox = async (db: SystemCtx['db'], identifier: string): Promise<ApiInbox> => {
  const [inbox] = await db
    .select({ id: inboxes.id, accountId: inboxes.accountId, name: inboxes.name, identifier: inboxes.identifier, channelSettings: inboxes.channelSettings })
    .from(inboxes)
    .where(and(eq(inboxes.identifier, identifier.slice(0, 200)), eq(inboxes.channelType, 'api')));
  if (!inbox) throw new DomainError('NOT_FOUND', { entity: 'inbox' });
  return inbox;
};

export const loadApiContact = async (db: SystemCtx['db'], inbox: ApiInbox, sourceId: string): Promise<ApiContact> => {
  const [link] = await db
    .select({ contactInboxId: contactInboxes.id, contactId: contactInboxes.contactId, sourceId: contactInboxes.sourceId })
    .from(contactInboxes)
    .where(and(eq(contactInboxes.inboxId, inbox.id), eq(contactInboxes.sourceId, sourceId.slice(0, 200))));
  if (!link) throw new DomainError('NOT_FOUND', { entity: 'contact' });
  return link;
};

// The integration secret of an API inbox: channelSettings.hmacSecret, or one derived from AUTH_SECRET
// and the inbox identifier (shown to administrators in Settings › Webhooks).
export const apiInboxSecret = (inbox: Pick<ApiInbox, 'identifier' | 'channelSettings'>): string =>
  inbox.channelSettings.hmacSecret || createHmac('sha256', linkSecret()).update(`api-inbox:${inbox.identifier}`).digest('base64url');

// Whether the request carries the inbox's integration secret.
export const hasInboxSecret = (inbox: ApiInbox, given: string | null): boolean => {
  const secret = apiInboxSecret(inbox);
  if (!given) return false;
  const [a, b] = [Buffer.from(secret), Buffer.from(given)];
  return a.length === b.length && timingSafeEqual(a, b);
};

const contactJson = async (db: SystemCtx['db'], link: ApiContact) => {
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, link.contactId));
  return {
    id: contact.id,
    source_id: link.sourceId,
    name: contact.name,
    email: contact.email,
    phone_number: contact.phone,
    identifier: contact.identifier,
    custom_attributes: contact.customAttributes,
    pubsub_token: pubsubTokenFor(link.sourceId),
  };
};

// POST contacts: a new contact link with a generated source id. With an `identifier` (or email) the
// account's existing contact is reused, as in Chatwoot; a new link (source id) is made each time.
export const createApiContact = async (ctx: SystemCtx, inbox: ApiInbox, input: TApiContactInput) => {
  const at = ctx.now();
  const link = await ctx.db.transaction(async (tx) => {
    const sourceId = crypto.randomUUID();
    const person = await findOrCreateContact(tx, inbox.accountId, { sourceId, name: input.name, email: input.email, phone: input.phone_number, identifier: input.identifier }, at);
    if (input.custom_attributes && person.created) await tx.update(contacts).set({ customAttributes: input.custom_attributes }).where(eq(contacts.id, person.id));
    const [row] = await tx.insert(contactInboxes).values({ contactId: person.id, inboxId: inbox.id, sourceId, createdAt: at }).returning();
    return { contactInboxId: row.id, contactId: person.id, sourceId };
  });
  return contactJson(ctx.db, link);
};

export const getApiContact = (ctx: SystemCtx, contact: ApiContact) => contactJson(ctx.db, contact);

// PATCH contact: name, email, phone, identifier, custom attributes (merged). An email or identifier
// that another contact of the account has is CONFLICT (409), nothing changes.
export const updateApiContact = async (ctx: SystemCtx, contact: ApiContact, input: TApiContactInput) => {
  const [current] = await ctx.db.select({ customAttributes: contacts.customAttributes }).from(contacts).where(eq(contacts.id, contact.contactId));
  try {
    await ctx.db
      .update(contacts)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.phone_number !== undefined ? { phone: input.phone_number } : {}),
        ...(input.identifier !== undefined ? { identifier: input.identifier } : {}),
        ...(input.custom_attributes ? { customAttributes: { ...current.customAttributes, ...input.custom_attributes } } : {}),
        updatedAt: ctx.now(),
      })
      .where(eq(contacts.id, contact.contactId));
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === '23505' || (error as { code?: string }).code === '23505') throw new DomainError('CONFLICT', { field: 'contact' });
    throw error;
  }
  return contactJson(ctx.db, contact);
};

const conversationJson = (row: { displayId: number; uuid: string; inboxId: number; status: string; createdAt: Date }, contactId: number) => ({
  id: row.displayId,
  uuid: row.uuid,
  inbox_id: row.inboxId,
  status: row.status,
  created_at: row.createdAt.toISOString(),
  contact_id: contactId,
});

const ownConversations = (inbox: ApiInbox, contact: ApiContact) => and(eq(conversations.inboxId, inbox.id), eq(conversations.contactId, contact.contactId));

export const listApiConversations = async (ctx: SystemCtx, inbox: ApiInbox, contact: ApiContact) => {
  const rows = await ctx.db.select().from(conversations).where(ownConversations(inbox, contact)).orderBy(desc(conversations.createdAt)).limit(100);
  return rows.map((row) => conversationJson(row, contact.contactId));
};

// A conversation of this contact in this inbox by its number; any other is NOT_FOUND (never FORBIDDEN).
export const loadApiConversation = async (ctx: SystemCtx, inbox: ApiInbox, contact: ApiContact, displayId: string) => {
  const id = Number(displayId);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw new DomainError('NOT_FOUND', { entity: 'conversation' });
  const [row] = await ctx.db.select().from(conversations).where(and(ownConversations(inbox, contact), eq(conversations.displayId, id)));
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'conversation' });
  return row;
};

export const getApiConversation = async (ctx: SystemCtx, inbox: ApiInbox, contact: ApiContact, displayId: string) =>
  conversationJson(await loadApiConversation(ctx, inbox, contact, displayId), contact.contactId);

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
  return conversationJson(conversation, contact.contactId);
};

// The conversation's messages a customer may see: no private notes; activity kept (the widget shows
// "resolved" lines too). Oldest first, the latest 100, or those before `before` (a message id).
export const listApiMessages = async (ctx: SystemCtx, inbox: ApiInbox, contact: ApiContact, displayId: string, before?: number) => {
  const conversation = await loadApiConversation(ctx, inbox, contact, displayId);
  const rows = await ctx.db
    .select({ message: messages, agentName: users.name })
    .from(messages)
    .leftJoin(users, and(eq(messages.senderType, 'agent'), eq(users.id, messages.senderId)))
    .where(and(eq(messages.conversationId, conversation.id), eq(messages.private, false), before ? lt(messages.id, before) : undefined))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(100);
  const filesOf = await attachmentsJson(ctx, rows.map(({ message }) => message.id));
  return rows.reverse().map(({ message, agentName }) => ({
    id: message.id,
    content: message.content,
    message_type: message.messageType,
    content_type: 'text',
    created_at: message.createdAt.toISOString(),
    conversation_id: conversation.displayId,
    source_id: message.sourceId,
    sent_outside_platform: message.sentOutsidePlatform,
    status: message.status,
    sender: message.senderType === 'agent' ? { type: 'user', name: agentName } : message.senderType === 'contact' ? { type: 'contact', id: contact.contactId } : null,
    attachments: filesOf(message.id),
  }));
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
  const conversation = await loadApiConversation(ctx, inbox, contact, displayId);
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
  const filesOf = await attachmentsJson(ctx, [received.messageId]);
  return { ...received, echoId: input.echo_id ?? null, attachments: filesOf(received.messageId) };
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
  return conversationJson(outcome.conversation, contact.contactId);
};

// update_last_seen: the contact has read the conversation up to now (read receipts for agents).
export const markApiConversationSeen = async (ctx: SystemCtx, inbox: ApiInbox, contact: ApiContact, displayId: string) => {
  const conversation = await loadApiConversation(ctx, inbox, contact, displayId);
  const at = ctx.now();
  await ctx.db.update(conversations).set({ contactLastSeenAt: at }).where(eq(conversations.id, conversation.id));
  await publishAfterCommit(ctx, [{ channel: inboxChannel(conversation), event: 'conversation.updated', data: { conversationId: conversation.id, contactLastSeenAt: at.toISOString() } }]);
  return { contact_last_seen_at: at.toISOString() };
};

export const ZApiTypingInput = z.strictObject({ typing_status: z.enum(['on', 'off']) });

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
