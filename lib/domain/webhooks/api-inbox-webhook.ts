import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { inboxes, webhooks, type Inbox } from '@/db/schema';
import { DomainError } from '../errors';
import { resolveWebhookTarget, type ResolveOptions } from './address-check';
import { newWebhookSecret } from './sign';
import { WEBHOOK_EVENTS } from './webhook-events';

// An API inbox's `webhook_url` (Chatwoot's API channel setting): the inbox's events are delivered to
// it like an account webhook's (issue 14), because it IS one: a `webhooks` row of that inbox,
// subscribed to every event, kept in step with the setting here and named by
// `channelSettings.webhookId`. So it shares the outbox, signing (its own whsec_ secret, shown with its
// delivery log in Settings › Webhooks), retries and SSRF rules. Saved: a scheme other than http(s),
// user:password or (in production mode) a private address is refused (INVALID_INPUT on webhookUrl);
// a name that does not resolve yet is accepted, since every delivery checks the address again.
export const syncApiInboxWebhook = async (tx: Tx, inbox: Inbox, options: ResolveOptions = {}): Promise<Inbox> => {
  if (inbox.channelType !== 'api') return inbox;
  const { webhookUrl: url, webhookId, ...rest } = inbox.channelSettings;
  const [current] = webhookId ? await tx.select().from(webhooks).where(and(eq(webhooks.id, webhookId), eq(webhooks.inboxId, inbox.id))) : [];
  if (current && current.url === url) return inbox;
  if (!url) {
    if (current) await tx.delete(webhooks).where(eq(webhooks.id, current.id));
    return save(tx, inbox, rest);
  }
  const target = await resolveWebhookTarget(url, options);
  if (!target.ok && target.reason !== 'unresolvable') throw new DomainError('INVALID_INPUT', { field: 'webhookUrl', reason: target.reason });
  if (current) {
    await tx.update(webhooks).set({ url }).where(eq(webhooks.id, current.id));
    return inbox;
  }
  const [created] = await tx
    .insert(webhooks)
    .values({ accountId: inbox.accountId, inboxId: inbox.id, url, secret: newWebhookSecret(), subscriptions: [...WEBHOOK_EVENTS] })
    .returning({ id: webhooks.id });
  return save(tx, inbox, { ...rest, webhookUrl: url, webhookId: created.id });
};

const save = async (tx: Tx, inbox: Inbox, channelSettings: Inbox['channelSettings']) => {
  const [saved] = await tx.update(inboxes).set({ channelSettings }).where(eq(inboxes.id, inbox.id)).returning();
  return saved;
};
