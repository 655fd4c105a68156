import { dateTimeFormat } from '@/lib/format/intl-formats';
import type { CustomerVisibleMessage } from '../messages/customer-visible-messages';

export type TranscriptLocale = 'es' | 'en';

export type RenderTranscriptOptions = {
  displayId: number;
  accountName: string;
  contactName: string;
  locale: TranscriptLocale;
  timeZone: string;
  // The absolute link a customer can open for an attachment (signed: they do not sign in).
  attachmentUrl: (attachmentId: number) => string;
  messages: CustomerVisibleMessage[];
};

export type RenderedTranscript = { subject: string; html: string; text: string };

const WORDS = {
  es: {
    subject: (id: number) => `Transcripción de la conversación #${id}`,
    customer: 'Cliente',
    attachment: 'Adjunto',
    empty: 'Esta conversación no tiene mensajes.',
    footer: (account: string) => `Enviado por ${account}.`,
  },
  en: {
    subject: (id: number) => `Conversation transcript #${id}`,
    customer: 'Customer',
    attachment: 'Attachment',
    empty: 'This conversation has no messages.',
    footer: (account: string) => `Sent by ${account}.`,
  },
} as const;

// Every user string goes through this before it is HTML: names, message text, file names. Message
// HTML (e.g. an email's) is never used, so no user markup ever reaches the mail.
const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);

// An unknown zone (a bad accounts.time_zone) must not stop the mail: UTC then.
const timeFormatter = (locale: TranscriptLocale, timeZone: string): Intl.DateTimeFormat => {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return dateTimeFormat(locale, { ...options, timeZone });
  } catch {
    return dateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  }
};

// Who wrote a line as the customer should read it: the agent's or the contact's name; automated
// and outside-platform messages speak for the account.
const senderOf = (message: CustomerVisibleMessage, options: RenderTranscriptOptions): string => {
  if (message.senderName) return message.senderName;
  if (message.messageType === 'incoming') return options.contactName || WORDS[options.locale].customer;
  return options.accountName;
};

// C4: the customer-visible history as an email, subject, HTML and plain text, in the account's
// language with times in its zone. Pure: the caller chooses the messages (never private notes or
// activity: customerVisibleMessages) and sends the result.
export const renderTranscript = (options: RenderTranscriptOptions): RenderedTranscript => {
  const words = WORDS[options.locale];
  const when = timeFormatter(options.locale, options.timeZone);
  const subject = words.subject(options.displayId);
  const lines = options.messages.map((message) => ({
    sender: senderOf(message, options),
    time: when.format(message.createdAt),
    outgoing: message.messageType !== 'incoming',
    content: message.content ?? '',
    files: message.attachments.map((file) => ({ name: file.fileName, url: options.attachmentUrl(file.id) })),
  }));

  const text = [
    subject,
    '',
    ...(lines.length ? [] : [words.empty, '']),
    ...lines.flatMap((line) => [
      `[${line.time}] ${line.sender}:`,
      ...(line.content ? [line.content] : []),
      ...line.files.map((file) => `${words.attachment}: ${file.name} <${file.url}>`),
      '',
    ]),
    words.footer(options.accountName),
  ].join('\n');

  const htmlLines = lines.map((line) => {
    const files = line.files
      .map((file) => `<div style="margin-top:4px">${words.attachment}: <a href="${escapeHtml(file.url)}">${escapeHtml(file.name)}</a></div>`)
      .join('');
    const body = line.content ? `<div style="white-space:pre-wrap">${escapeHtml(line.content)}</div>` : '';
    const background = line.outgoing ? '#e8f3ff' : '#f4f5f7';
    return (
      `<div style="margin:0 0 12px;padding:8px 12px;border-radius:8px;background:${background}">` +
      `<div style="font-size:12px;color:#555"><strong>${escapeHtml(line.sender)}</strong> · ${escapeHtml(line.time)}</div>` +
      `${body}${files}</div>`
    );
  });
  const html =
    `<!doctype html><html lang="${options.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:14px;color:#1f2d3d;max-width:640px;margin:0 auto;padding:16px">` +
    `<h1 style="font-size:18px">${escapeHtml(subject)}</h1>` +
    (htmlLines.length ? htmlLines.join('') : `<p>${words.empty}</p>`) +
    `<p style="font-size:12px;color:#777">${escapeHtml(words.footer(options.accountName))}</p>` +
    `</body></html>`;

  return { subject, html, text };
};
