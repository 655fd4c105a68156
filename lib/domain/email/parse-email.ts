import PostalMime, { type Address } from 'postal-mime';
import type { InboundAttachment } from '../channels/inbound/store-inbound-files';
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

// A raw MIME message (RFC 5322) parsed with postal-mime into what the inbox keeps.
export const parseRawEmail = async (raw: Uint8Array | string): Promise<ParsedEmail> => {
  const email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  const from = email.from && !email.from.group ? { name: email.from.name ?? '', address: (email.from.address ?? '').toLowerCase() } : null;
  const html = email.html ? sanitizeEmailHtml(email.html) : null;
  return {
    from: from?.address ? from : null,
    to: [...mailboxes(email.to), ...mailboxes(email.cc), ...(email.deliveredTo ? [email.deliveredTo.toLowerCase()] : [])],
    subject: email.subject ?? '',
    messageId: messageIdsIn(email.messageId)[0] ?? null,
    inReplyTo: messageIdsIn(email.inReplyTo)[0] ?? null,
    references: messageIdsIn(email.references),
    text: (email.text?.trim() || (email.html ? textFromHtml(email.html) : '')).replace(/\r\n?/g, '\n'),
    html,
    autoReply: isAutoReply((name) => email.headers.find((header) => header.key === name)?.value),
    attachments: email.attachments.map((attachment) => ({
      fileName: attachment.filename ?? 'attachment',
      mimeType: attachment.mimeType,
      data: new Uint8Array(attachment.content as ArrayBuffer),
    })),
  };
};
