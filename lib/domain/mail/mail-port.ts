import type { Db } from '@/db/client';
import type { Mailer, OutgoingMail } from '../context';

// Additions to the mailer port (lib/domain/context.ts) used by transcripts and the outbox. They are
// kept here, as optional extensions, so that every Mailer (the tests' recording one included)
// still fits; lib/mail/mailer.ts implements both.

export type MailStatus = 'sent' | 'failed' | 'stored';

// A mail sent on behalf of an agent: the outbox records who, so that they may see and retry it.
export type AttributedMail = OutgoingMail & { sentByUserId?: number | null };

// A mailer that can send a failed outbox row again. `retry` answers null when the row was not
// (or no longer) failed: someone else retried it first.
export type RetryingMailer = Mailer & {
  retry?: (ctx: { db: Db }, outboxId: number) => Promise<{ status: MailStatus } | null>;
};
