import { createHmac } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { contactInboxes, contacts, conversations, inboxes, type Inbox } from '@/db/schema';
import type { SystemCtx } from '../../context';
import { DomainError } from '../../errors';
import { signAttachmentLink } from '../../attachments/signed-link';
import { customerVisibleMessages } from '../../messages/customer-visible-messages';
import { MAX_MESSAGE_LENGTH } from '../../messages/send-message';
import { linkSecret } from '../../transcripts/send-transcript';
import { isUniqueViolation } from '../../transactions/is-unique-violation';
import { receiveCustomerMessage } from '../inbound/receive-customer-message';
import { isValidIdentityHash } from '../identity-hash';
import { findOrCreateContact } from '../inbound/resolve-contact';
import type { InboundAttachment } from '../inbound/store-inbound-files';
import { publishToVisitor, visitorChannel } from './visitor-channel';
import { signVisitorToken, verifyVisitorToken } from './visitor-token';

// The website widget (issue #7): a visitor of the account's site chats with its agents. The visitor
// is named by a signed token (visitor-token.ts); their messages go through receiveCustomerMessage
// like every channel's; they see their latest conversation's customer-visible messages.

export type WidgetInbox = Pick<Inbox, 'id' | 'accountId' | 'name' | 'identifier' | 'channelSettings'>;
export type Visitor = { inboxId: number; sourceId: string };

export const loadWidgetInbox = async (db: SystemCtx['db'], identifier: string): Promise<WidgetInbox> => {
  const [inbox] = await db
    .select({ id: inboxes.id, accountId: inboxes.accountId, name: inboxes.name, identifier: inboxes.identifier, channelSettings: inboxes.channelSettings })
    .from(inboxes)
    .where(and(eq(inboxes.identifier, identifier.slice(0, 200)), eq(inboxes.channelType, 'website')));
  if (!inbox) throw new DomainError('NOT_FOUND', { entity: 'inbox' });
  return inbox;
};

// The secret of identity verification: channelSettings.hmacSecret, or one derived from AUTH_SECRET
// and the inbox identifier (shown to administrators with the snippet).
export const widgetIdentitySecret = (inbox: Pick<WidgetInbox, 'identifier' | 'channelSettings'>): string =>
  inbox.channelSettings.hmacSecret || createHmac('sha256', linkSecret()).update(`website-inbox:${inbox.identifier}`).digest('hex');

const isValidIdentity = (inbox: WidgetInbox, identifier: string, hash: string | undefined) => isValidIdentityHash(widgetIdentitySecret(inbox), identifier, hash);

// The visitor the request's token names, in this inbox; UNAUTHENTICATED otherwise.
export const visitorFromToken = (inbox: WidgetInbox, token: string | null, now: Date): Visitor => {
  const visitor = verifyVisitorToken(token, now);
  if (!visitor || visitor.inboxId !== inbox.id) throw new DomainError('UNAUTHENTICATED');
  return { inboxId: visitor.inboxId, sourceId: visitor.sourceId };
};

const loadLink = async (db: SystemCtx['db'], visitor: Visitor) => {
  const [link] = await db
    .select({ id: contactInboxes.id, contactId: contactInboxes.contactId, verified: contactInboxes.hmacVerified, name: contacts.name, email: contacts.email })
    .from(contactInboxes)
    .innerJoin(contacts, eq(contacts.id, contactInboxes.contactId))
    .where(and(eq(contactInboxes.inboxId, visitor.inboxId), eq(contactInboxes.sourceId, visitor.sourceId)));
  return link ?? null;
};

export const ZWidgetSessionInput = z.strictObject({
  token: z.string().max(600).optional(),
  identifier: z.string().trim().min(1).max(255).optional(),
  identifierHash: z.string().trim().max(256).optional(),
});

// A verified identity: the account's contact with that identifier (found or created) and their
// verified link to this inbox, so the same person continues on any device.
const verifiedLink = async (ctx: SystemCtx, inbox: WidgetInbox, identifier: string): Promise<string> => {
  const at = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const person = await findOrCreateContact(tx, inbox.accountId, { sourceId: '', identifier }, at);
    const [existing] = await tx
      .select({ sourceId: contactInboxes.sourceId })
      .from(contactInboxes)
      .where(and(eq(contactInboxes.inboxId, inbox.id), eq(contactInboxes.contactId, person.id), eq(contactInboxes.hmacVerified, true)))
      .orderBy(desc(contactInboxes.id))
      .limit(1);
    if (existing) return existing.sourceId;
    const sourceId = crypto.randomUUID();
    await tx.insert(contactInboxes).values({ contactId: person.id, inboxId: inbox.id, sourceId, hmacVerified: true, createdAt: at });
    return sourceId;
  });
};

// The widget starts: the visitor's session (their token renewed, or a new visitor), and what they
// see. With `identifier` + `identifierHash` from the host page, a good hash makes them that verified
// contact; a bad or missing one is refused (FORBIDDEN) when the inbox requires verification, and
// otherwise ignored: an unverified identifier never opens another contact's conversations. A
// token of a verified session without the identity now (the host's user signed out) starts afresh.
export const startWidgetSession = async (ctx: SystemCtx, inbox: WidgetInbox, input: z.infer<typeof ZWidgetSessionInput>) => {
  const now = ctx.now();
  let sourceId: string | null = null;
  if (input.identifier) {
    if (isValidIdentity(inbox, input.identifier, input.identifierHash)) sourceId = await verifiedLink(ctx, inbox, input.identifier);
    else if (inbox.channelSettings.requireIdentityVerification) throw new DomainError('FORBIDDEN', { field: 'identifierHash' });
  }
  if (!sourceId) {
    const previous = verifyVisitorToken(input.token, now);
    if (previous && previous.inboxId === inbox.id) {
      const link = await loadLink(ctx.db, { inboxId: inbox.id, sourceId: previous.sourceId });
      if (!link?.verified) sourceId = previous.sourceId;
    }
  }
  const visitor = { inboxId: inbox.id, sourceId: sourceId ?? crypto.randomUUID() };
  return { token: signVisitorToken(visitor, now), channel: visitorChannel(visitor.sourceId), ...(await widgetView(ctx, visitor)) };
};

const ATTACHMENT_LINK_MS = 7 * 24 * 60 * 60 * 1000;

// What the visitor sees: who they are (as far as they told), their latest conversation in this
// inbox and its customer-visible messages (B5: never a private note, never an activity line).
export const widgetView = async (ctx: SystemCtx, visitor: Visitor) => {
  const link = await loadLink(ctx.db, visitor);
  if (!link) return { visitor: { name: null, email: null, verified: false }, conversation: null, messages: [] };
  const [conversation] = await ctx.db
    .select({ id: conversations.id, displayId: conversations.displayId, status: conversations.status })
    .from(conversations)
    .where(eq(conversations.contactInboxId, link.id))
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(1);
  const rows = conversation ? (await customerVisibleMessages(ctx.db, conversation.id)).slice(-200) : [];
  const expiresAt = new Date(ctx.now().getTime() + ATTACHMENT_LINK_MS);
  return {
    visitor: { name: link.name || null, email: link.email, verified: link.verified },
    conversation: conversation ? { id: conversation.displayId, status: conversation.status } : null,
    messages: rows.map((row) => ({
      id: row.id,
      incoming: row.messageType === 'incoming',
      // A deleted message (deleteMessage): the widget shows its own translated text instead.
      deleted: row.contentAttributes.deleted === true,
      content: row.contentAttributes.deleted === true ? null : row.content,
      senderName: row.messageType === 'incoming' ? null : row.senderName,
      createdAt: row.createdAt.toISOString(),
      attachments: row.attachments.map((file) => ({
        id: file.id,
        kind: file.kind,
        fileName: file.fileName,
        url: signAttachmentLink({ appUrl: '', attachmentId: file.id, expiresAt, secret: linkSecret() }),
      })),
    })),
  };
};
export type WidgetView = Awaited<ReturnType<typeof widgetView>>;

export const ZWidgetMessageInput = z.strictObject({
  content: z
    .string()
    .max(MAX_MESSAGE_LENGTH)
    .transform((text) => text.replace(/\r\n?/g, '\n').trim())
    .default(''),
  // The widget's id for this send: a retry with it (a lost answer, a reconnect) stores nothing new.
  echoId: z.string().trim().min(1).max(100),
});

// The visitor writes (text and/or files): through receiveCustomerMessage (routing, dedupe by the
// widget's echo id, waiting time, notifications, webhooks, agents' realtime), then the visitor's
// own other tabs hear of it on their channel.
export const postWidgetMessage = async (ctx: SystemCtx, inbox: WidgetInbox, visitor: Visitor, input: z.infer<typeof ZWidgetMessageInput>, files: InboundAttachment[] = []) => {
  if (!input.content && files.length === 0) throw new DomainError('INVALID_INPUT', { field: 'content' });
  const received = await receiveCustomerMessage(ctx, {
    inbox,
    contact: { sourceId: visitor.sourceId },
    content: input.content || null,
    attachments: files,
    sourceId: `widget:${visitor.sourceId}:${input.echoId}`,
    echoId: input.echoId,
  });
  if (!received.duplicate) await publishToVisitor(ctx, visitor.sourceId, 'message.created', { messageId: received.messageId });
  return { messageId: received.messageId, duplicate: received.duplicate };
};

export const ZWidgetContactInput = z.strictObject({
  name: z.string().trim().max(255).optional(),
  email: z
    .email()
    .max(320)
    .transform((email) => email.toLowerCase())
    .optional(),
});

// "¿Cómo te contactamos?": the visitor leaves their name and email, stored on their contact (after
// their first message; before it there is no contact: NOT_FOUND). An email another contact of the
// account already has is not moved to this one (that would claim someone else's identity): it is
// kept in the contact's custom attribute `widget_email` for the agents to judge.
export const updateWidgetContact = async (ctx: SystemCtx, visitor: Visitor, input: z.infer<typeof ZWidgetContactInput>) => {
  const link = await loadLink(ctx.db, visitor);
  if (!link) throw new DomainError('NOT_FOUND', { entity: 'contact' });
  const at = ctx.now();
  const name = input.name ? { name: input.name } : {};
  try {
    await ctx.db.update(contacts).set({ ...name, ...(input.email ? { email: input.email } : {}), updatedAt: at }).where(eq(contacts.id, link.contactId));
  } catch (error) {
    if (!isUniqueViolation(error, 'contacts_account_email_key')) throw error;
    const [current] = await ctx.db.select({ customAttributes: contacts.customAttributes }).from(contacts).where(eq(contacts.id, link.contactId));
    await ctx.db
      .update(contacts)
      .set({ ...name, customAttributes: { ...current.customAttributes, widget_email: input.email ?? null }, updatedAt: at })
      .where(eq(contacts.id, link.contactId));
  }
  return { name: input.name ?? link.name, email: input.email ?? link.email };
};
