import type { OutgoingMail } from '../context';

type InvitationMailOptions = {
  accountId: number;
  accountName: string;
  inviterName: string;
  to: string;
  name: string;
  locale: 'es' | 'en';
  link: string;
};

const WORDS = {
  es: {
    subject: (account: string) => `Te invitaron a ${account} en bandeja`,
    body: (name: string, inviter: string, account: string) => `Hola ${name}: ${inviter} te invitó a atender conversaciones de ${account}.`,
    action: 'Elige tu contraseña',
    expiry: 'El enlace funciona una sola vez y caduca en 7 días.',
  },
  en: {
    subject: (account: string) => `You were invited to ${account} on bandeja`,
    body: (name: string, inviter: string, account: string) => `Hi ${name}: ${inviter} invited you to handle ${account}'s conversations.`,
    action: 'Choose your password',
    expiry: 'The link works once and expires in 7 days.',
  },
} as const;

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);

// The invitation mail with its set-password link, in the account's language.
export const invitationMail = (options: InvitationMailOptions): OutgoingMail => {
  const words = WORDS[options.locale];
  const body = words.body(options.name, options.inviterName, options.accountName);
  return {
    accountId: options.accountId,
    kind: 'invitation',
    to: [options.to],
    subject: words.subject(options.accountName),
    text: `${body}\n\n${words.action}: ${options.link}\n\n${words.expiry}\n`,
    html: `<p>${escapeHtml(body)}</p><p><a href="${escapeHtml(options.link)}">${escapeHtml(words.action)}</a></p><p>${escapeHtml(words.expiry)}</p>`,
  };
};
