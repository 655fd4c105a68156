import type { MailStatus, Mailer, OutgoingMail } from '@/lib/domain/context';
import { and, eq, sql } from 'drizzle-orm';
import { Resend } from 'resend';
import type { Db } from '@/db/client';
import { mailOutbox, type MailOutboxEntry } from '@/db/schema';

export const defaultFromAddress = () => process.env.MAIL_FROM ?? 'bandeja <no-reply@bandeja.local>';

type Delivery = { status: 'sent' | 'failed'; providerMessageId: string | null; error: string | null };

// One call to Resend for an outbox row. The SDK reports HTTP errors as `error` (never throws for
// them), but a bug or a network layer may still throw: either way the row ends up failed, with why.
const deliver = async (apiKey: string, entry: MailOutboxEntry): Promise<Delivery> => {
  try {
    const { data, error } = await new Resend(apiKey).emails.send({
      from: entry.fromAddress,
      to: entry.toAddresses,
      subject: entry.subject,
      html: entry.html,
      text: entry.text,
      headers: Object.keys(entry.headers).length ? entry.headers : undefined,
    });
    if (error) return { status: 'failed', providerMessageId: null, error: error.message || error.name || 'send failed' };
    return { status: 'sent', providerMessageId: data?.id ?? null, error: null };
  } catch (error) {
    return { status: 'failed', providerMessageId: null, error: error instanceof Error ? error.message : String(error) };
  }
};

// Records the outcome of an attempt on the row (attempts counts every attempt, first and retries).
const record = async (db: Db, id: number, delivery: Delivery): Promise<void> => {
  await db
    .update(mailOutbox)
    .set({
      status: delivery.status,
      providerMessageId: delivery.providerMessageId,
      error: delivery.error,
      attempts: sql`${mailOutbox.attempts} + 1`,
      sentAt: delivery.status === 'sent' ? new Date() : null,
    })
    .where(eq(mailOutbox.id, id));
};

// Records every mail in the outbox, then sends it through Resend when RESEND_API_KEY is set
// (the SDK honours RESEND_BASE_URL). Without a key the outbox is where mail goes (status stored).
// `retry` sends a failed row again; RESEND_API_KEY is read at each call when not given.
export const createMailer = (apiKey?: string): Required<Mailer> => {
  const keyNow = () => apiKey ?? process.env.RESEND_API_KEY;
  return {
    send: async ({ db }, mail: OutgoingMail) => {
      const key = keyNow();
      const [entry] = await db
        .insert(mailOutbox)
        .values({
          accountId: mail.accountId,
          kind: mail.kind,
          fromAddress: mail.from ?? defaultFromAddress(),
          toAddresses: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          headers: mail.headers ?? {},
          status: key ? 'queued' : 'stored',
          sentByUserId: mail.sentByUserId ?? null,
        })
        .returning();
      if (!key) return { outboxId: entry.id, status: 'stored' };

      const delivery = await deliver(key, entry);
      await record(db, entry.id, delivery);
      return { outboxId: entry.id, status: delivery.status };
    },

    retry: async ({ db }, outboxId): Promise<{ status: MailStatus } | null> => {
      const key = keyNow();
      // Claims the row: of two retries at once, only one finds it failed and sends it.
      const [entry] = await db
        .update(mailOutbox)
        .set({ status: key ? 'queued' : 'stored', error: key ? sql`${mailOutbox.error}` : null })
        .where(and(eq(mailOutbox.id, outboxId), eq(mailOutbox.status, 'failed')))
        .returning();
      if (!entry) return null;
      // The key was removed since the failure: the mail now waits in the outbox like any other.
      if (!key) return { status: 'stored' };

      const delivery = await deliver(key, entry);
      await record(db, entry.id, delivery);
      return { status: delivery.status };
    },
  };
};

const globalForMail = globalThis as unknown as { bandejaMailer?: Required<Mailer> };

export const getMailer = (): Required<Mailer> => (globalForMail.bandejaMailer ??= createMailer());
