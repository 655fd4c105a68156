import type { Ctx, MailStatus, Mailer } from '../context';
import { DomainError } from '../errors';
import { getOutboxEntry } from './get-outbox-entry';

// "A failed send is shown and can be retried": sends a failed outbox mail again through the mailer
// (Resend when a key is set), which updates its status, attempts and error. Administrators may
// retry any mail of the account, agents the ones they sent (NOT_FOUND otherwise). Only a failed
// mail is retried: anything else, or a retry someone else started first, is CONFLICT.
export const retryMail = async (ctx: Ctx, input: { outboxId: number | string }): Promise<{ outboxId: number; status: MailStatus }> => {
  const entry = await getOutboxEntry(ctx, input);
  if (entry.status !== 'failed') throw new DomainError('CONFLICT', { entity: 'mail', status: entry.status });
  const { retry } = ctx.mailer as Mailer;
  if (!retry) throw new Error('retryMail: this mailer cannot retry (lib/mail/mailer.ts createMailer can)');
  const result = await retry(ctx, entry.id);
  if (!result) throw new DomainError('CONFLICT', { entity: 'mail' });
  return { outboxId: entry.id, status: result.status };
};
