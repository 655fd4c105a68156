import PostalMime, { type Address } from 'postal-mime';
import type { InboundAttachment } from '../channels/inbound/store-inbound-files';
import { DomainError } from '../errors';
import { sanitizeEmailHtml, textFromHtml } from './sanitize-email-html';

export type ParsedEmail = {
  from: { name: string; address: string } | null;
  to: string[];
  subject: string;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  // The plain text (or a text version of HTML-only mail): the message content.
  text: string;
  // Sanitised HTML, when the mail had HTML.
  html: string | null;
  attachments: InboundAttachment[];
  // Written by a machine, not a person (isAutoReply): an out-of-office answer, a bounce, a list.
  autoReply: boolean;
};

// RFC 3834: `Auto-Submitted` other than `no` (auto-replied, auto-generated, auto-notified); and the
// older `Precedence: bulk | junk | list` that vacation responders and lists still send.
export const isAutoReply = (header: (name: string) => string | null | undefined): boolean => {
  const autoSubmitted = header('auto-submitted')?.trim().toLowerCase();
  const precedence = header('precedence')?.trim().toLowerCase();
  return Boolean(autoSubmitted && !autoSubmitted.startsWith('no')) || ['bulk', 'junk', 'list'].includes(precedence ?? '');
};

// Message-IDs as stored: with their angle brackets, e.g. "<abc@mail.example>".
const MESSAGE_ID = /<[^<>\s]+>/g;
export const messageIdsIn = (value: string | null | undefined): string[] => value?.match(MESSAGE_ID) ?? [];

const mailboxes = (addresses: Address[] | undefined): string[] =>
  (addresses ?? []).flatMap((address) => (address.group ? address.group.map((member) => member.address) : [address.address ?? ''])).filter(Boolean).map((a) => a.toLowerCase());

// NUL bytes cannot be stored in PostgreSQL text and mean nothing in a mail: they are dropped from
// every text the inbox keeps, rather than refusing a customer's message over them.
const withoutNul = (text: string): string => text.replace(/\u0000/g, '');

// A raw MIME message (RFC 5322) parsed with postal-mime into what the inbox keeps. A message
// postal-mime cannot parse (e.g. MIME nested deeper than its 256 levels) is INVALID_INPUT
// `malformed_email` (422), not a crash.
export const parseRawEmail = async (raw: Uint8Array | string): Promise<ParsedEmail> => {
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  } catch {
    throw new DomainError('INVALID_INPUT', { reason: 'malformed_email' });
  }
  const from = email.from && !email.from.group ? { name: withoutNul(email.from.name ?? ''), address: withoutNul(email.from.address ?? '').toLowerCase() } : null;
  const html = email.html ? sanitizeEmailHtml(withoutNul(email.html)) : null;
  return {
    from: from?.address ? from : null,
    to: [...mailboxes(email.to), ...mailboxes(email.cc), ...(email.deliveredTo ? [email.deliveredTo.toLowerCase()] : [])].map(withoutNul),
    subject: withoutNul(email.subject ?? ''),
    messageId: messageIdsIn(withoutNul(email.messageId ?? ''))[0] ?? null,
    inReplyTo: messageIdsIn(withoutNul(email.inReplyTo ?? ''))[0] ?? null,
    references: messageIdsIn(withoutNul(email.references ?? '')),
    text: withoutNul(email.text?.trim() || (email.html ? textFromHtml(email.html) : '')).replace(/\r\n?/g, '\n'),
    html,
    autoReply: isAutoReply((name) => email.headers.find((header) => header.key === name)?.value),
    attachments: email.attachments.map((attachment) => ({
      fileName: withoutNul(attachment.filename ?? 'attachment'),
      mimeType: attachment.mimeType,
      data: new Uint8Array(attachment.content as ArrayBuffer),
    })),
  };
};
