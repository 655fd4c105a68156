import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { inboxes } from '@/db/schema';
import { accountInboxesOfType } from '../channels/account-inboxes';
import type { Ctx, SystemCtx } from '../context';
import { DomainError } from '../errors';
import { linkSecret } from '../transcripts/send-transcript';
import { isAutoReply, parseRawEmail, type ParsedEmail } from './parse-email';
import { sanitizeEmailHtml, textFromHtml } from './sanitize-email-html';

export type EmailInbox = { id: number; accountId: number; identifier: string; channelSettings: typeof inboxes.$inferSelect.channelSettings };

const columns = { id: inboxes.id, accountId: inboxes.accountId, identifier: inboxes.identifier, channelSettings: inboxes.channelSettings };

const sameSecret = (expected: string, given: string) => {
  const [a, b] = [Buffer.from(expected), Buffer.from(given)];
  return a.length === b.length && timingSafeEqual(a, b);
};

// The token that authenticates raw-MIME posts to one email inbox: channelSettings.inboundToken, or
// one derived from AUTH_SECRET and the inbox identifier (shown to administrators in Settings).
export const emailInboundToken = (inbox: Pick<EmailInbox, 'identifier' | 'channelSettings'>): string =>
  inbox.channelSettings.inboundToken || createHmac('sha256', linkSecret()).update(`email-inbound:${inbox.identifier}`).digest('base64url');

// The email inbox a raw-MIME post names (?inbox=<identifier>), if the token is its token; any
// mismatch is NOT_FOUND, so tokens and identifiers cannot be probed apart.
export const authenticateEmailInbox = async (db: SystemCtx['db'], identifier: string, token: string): Promise<EmailInbox> => {
  const [inbox] = await db
    .select(columns)
    .from(inboxes)
    .where(and(eq(inboxes.identifier, identifier.slice(0, 200)), eq(inboxes.channelType, 'email')));
  if (!inbox || !token || !sameSecret(emailInboundToken(inbox), token)) throw new DomainError('NOT_FOUND', { entity: 'inbox' });
  return inbox;
};

// The email inbox whose address is one of the recipients (Resend delivers every address of a domain
// to one webhook).
export const emailInboxForRecipients = async (db: SystemCtx['db'], recipients: string[]): Promise<EmailInbox> => {
  const addresses = recipients.map((address) => address.toLowerCase().replace(/^.*<([^>]+)>.*$/, '$1').trim());
  for (const address of addresses) {
    const [inbox] = await db
      .select(columns)
      .from(inboxes)
      .where(and(eq(inboxes.channelType, 'email'), sql`lower(${inboxes.channelSettings}->>'emailAddress') = ${address}`))
      .limit(1);
    if (inbox) return inbox;
  }
  throw new DomainError('NOT_FOUND', { entity: 'inbox' });
};

// Resend signs its webhooks the Svix way: base64 HMAC-SHA256 of `<svix-id>.<svix-timestamp>.<body>`
// with the secret after its `whsec_` prefix (base64), in `svix-signature` as space-separated
// `v1,<signature>` entries. Refused: a wrong signature, or a timestamp more than 5 minutes away.
export const verifySvixSignature = (
  secret: string,
  { id, timestamp, signature }: { id: string | null; timestamp: string | null; signature: string | null },
  body: string,
  now: Date,
): boolean => {
  if (!id || !timestamp || !signature) return false;
  const seconds = Number(timestamp);
  if (!Number.isFinite(seconds) || Math.abs(now.getTime() / 1000 - seconds) > 300) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return signature.split(' ').some((entry) => {
    const [version, value] = entry.split(',');
    return version === 'v1' && value !== undefined && sameSecret(expected, value);
  });
};

export type ResendReceivedEvent = { type: string; data?: { email_id?: string; to?: string[]; from?: string } };

type ResendReceivedEmail = {
  from?: string;
  to?: string[];
  subject?: string;
  html?: string | null;
  text?: string | null;
  message_id?: string;
  headers?: Record<string, string>;
  raw?: { download_url?: string } | null;
};

const resendBase = () => (process.env.RESEND_BASE_URL ?? 'https://api.resend.com').replace(/\/$/, '');

// The content of a received email from Resend's Receiving API (the webhook carries metadata only):
// the original MIME when Resend offers its download (attachments included), else the JSON fields.
export const fetchResendEmail = async (emailId: string, apiKey: string): Promise<ParsedEmail> => {
  const response = await fetch(`${resendBase()}/emails/receiving/${encodeURIComponent(emailId)}`, { headers: { Authorization: `Bearer ${apiKey}` } });
  if (!response.ok) throw new Error(`resend: fetching received email ${emailId} answered ${response.status}`);
  const email = (await response.json()) as ResendReceivedEmail;
  if (email.raw?.download_url) {
    const raw = await fetch(email.raw.download_url);
    if (raw.ok) return parseRawEmail(new Uint8Array(await raw.arrayBuffer()));
  }
  const header = (name: string) => Object.entries(email.headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1] ?? null;
  const ids = (value: string | null) => value?.match(/<[^<>\s]+>/g) ?? [];
  const fromMatch = /^\s*"?([^"<]*)"?\s*<([^>]+)>\s*$/.exec(email.from ?? '');
  return {
    from: email.from ? { name: fromMatch?.[1]?.trim() ?? '', address: (fromMatch?.[2] ?? email.from).trim().toLowerCase() } : null,
    to: (email.to ?? []).map((address) => address.toLowerCase()),
    subject: email.subject ?? '',
    messageId: ids(email.message_id ?? header('message-id'))[0] ?? null,
    inReplyTo: ids(header('in-reply-to'))[0] ?? null,
    references: ids(header('references')),
    text: (email.text?.trim() || (email.html ? textFromHtml(email.html) : '')).replace(/\r\n?/g, '\n'),
    html: email.html ? sanitizeEmailHtml(email.html) : null,
    attachments: [],
    autoReply: isAutoReply(header),
  };
};

// Settings: the inbound endpoint of each email inbox of the account, with its token (administrators).
export const listEmailInboundEndpoints = async (ctx: Ctx) =>
  (await accountInboxesOfType(ctx, 'email')).map((inbox) => ({
    id: inbox.id,
    name: inbox.name,
    detail: inbox.channelSettings.emailAddress ?? null,
    path: `/api/channels/email/inbound?inbox=${encodeURIComponent(inbox.identifier)}`,
    secret: emailInboundToken(inbox),
  }));
