import { eq } from 'drizzle-orm';
import { Resend } from 'resend';
import { mailOutbox } from '@/db/schema';
import type { Mailer } from '@/lib/domain/context';

export const defaultFromAddress = () => process.env.MAIL_FROM ?? 'bandeja <no-reply@bandeja.local>';

// Records every mail in the outbox, then sends it through Resend when RESEND_API_KEY is set
// (the SDK honours RESEND_BASE_URL). Without a key the outbox is where mail goes (status stored).
export const createMailer = (apiKey = process.env.RESEND_API_KEY): Mailer => ({
  send: async ({ db }, mail) => {
    const [entry] = await db
      .insert(mailOutbox)
      .values({
        accountId: mail.accountId,
        kind: mail.kind,
        fromAddress: defaultFromAddress(),
        toAddresses: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        headers: mail.headers ?? {},
        status: apiKey ? 'queued' : 'stored',
      })
      .returning({ id: mailOutbox.id });
    if (!apiKey) return { outboxId: entry.id, status: 'stored' };

    const { data, error } = await new Resend(apiKey).emails.send({
      from: defaultFromAddress(),
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: mail.headers,
    });
    const status = error ? 'failed' : 'sent';
    await db
      .update(mailOutbox)
      .set({ status, providerMessageId: data?.id ?? null, error: error?.message ?? null, attempts: 1, sentAt: error ? null : new Date() })
      .where(eq(mailOutbox.id, entry.id));
    return { outboxId: entry.id, status };
  },
});

const globalForMail = globalThis as unknown as { bandejaMailer?: Mailer };

export const getMailer = (): Mailer => (globalForMail.bandejaMailer ??= createMailer());
