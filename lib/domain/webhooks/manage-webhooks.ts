import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import { inboxes, webhookDeliveries, webhooks } from '@/db/schema';
import { requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { resolveWebhookTarget, type ResolveOptions } from './address-check';
import { nudgeDeliveries } from '../sweeps/nudge-deliveries';
import { newWebhookSecret } from './sign';
import { MAX_ATTEMPTS, WEBHOOK_EVENTS } from './webhook-events';
import { ZDbId, ZOptionalDbId } from '../request-values';

export const ZWebhookInput = z.object({
  url: z.string().trim().min(1).max(2000),
  // Empty: the whole account; else one inbox of the account.
  inboxId: ZOptionalDbId,
  subscriptions: z.array(z.enum(WEBHOOK_EVENTS)).min(1),
});
export type TWebhookInput = z.input<typeof ZWebhookInput>;

const parse = <S extends z.ZodType>(schema: S, input: unknown): z.infer<S> => {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', { field: String(parsed.error.issues[0]?.path[0] ?? '') });
  return parsed.data;
};

// The URL must be a public http(s) target in production mode (address-check.ts); INVALID_INPUT with
// the reason (scheme, private_address, unresolvable...) otherwise.
const checkTarget = async (url: string, options: ResolveOptions) => {
  const target = await resolveWebhookTarget(url, options);
  if (!target.ok) throw new DomainError('INVALID_INPUT', { field: 'url', reason: target.reason });
};

const checkInbox = async (ctx: Ctx, inboxId: number | undefined) => {
  if (inboxId === undefined) return null;
  const [inbox] = await ctx.db.select({ id: inboxes.id }).from(inboxes).where(and(eq(inboxes.id, inboxId), eq(inboxes.accountId, ctx.actor.accountId)));
  if (!inbox) throw new DomainError('NOT_FOUND', { entity: 'inbox' });
  return inbox.id;
};

// Administrators only. The secret is generated here (whsec_…) and shown on the settings page.
export const createWebhook = async (ctx: Ctx, input: TWebhookInput, options: ResolveOptions = {}) => {
  requireAdministrator(ctx.actor);
  const { url, inboxId, subscriptions } = parse(ZWebhookInput, input);
  await checkTarget(url, options);
  const [webhook] = await ctx.db
    .insert(webhooks)
    .values({ accountId: ctx.actor.accountId, inboxId: await checkInbox(ctx, inboxId), url, subscriptions, secret: newWebhookSecret(), createdAt: ctx.now() })
    .returning();
  return webhook;
};

export const updateWebhook = async (ctx: Ctx, input: TWebhookInput & { webhookId: number | string }, options: ResolveOptions = {}) => {
  requireAdministrator(ctx.actor);
  const webhookId = parse(ZDbId, input.webhookId);
  const { url, inboxId, subscriptions } = parse(ZWebhookInput, input);
  await checkTarget(url, options);
  const [webhook] = await ctx.db
    .update(webhooks)
    .set({ url, subscriptions, inboxId: await checkInbox(ctx, inboxId) })
    .where(and(eq(webhooks.id, webhookId), eq(webhooks.accountId, ctx.actor.accountId)))
    .returning();
  if (!webhook) throw new DomainError('NOT_FOUND', { entity: 'webhook' });
  return webhook;
};

export const deleteWebhook = async (ctx: Ctx, input: { webhookId: number | string }) => {
  requireAdministrator(ctx.actor);
  const webhookId = parse(ZDbId, input.webhookId);
  const deleted = await ctx.db
    .delete(webhooks)
    .where(and(eq(webhooks.id, webhookId), eq(webhooks.accountId, ctx.actor.accountId)))
    .returning({ id: webhooks.id });
  if (deleted.length === 0) throw new DomainError('NOT_FOUND', { entity: 'webhook' });
};

export const listWebhooks = async (ctx: Ctx) => {
  requireAdministrator(ctx.actor);
  return ctx.db
    .select({ id: webhooks.id, url: webhooks.url, secret: webhooks.secret, subscriptions: webhooks.subscriptions, inboxId: webhooks.inboxId, inboxName: inboxes.name, createdAt: webhooks.createdAt })
    .from(webhooks)
    .leftJoin(inboxes, eq(inboxes.id, webhooks.inboxId))
    .where(eq(webhooks.accountId, ctx.actor.accountId))
    .orderBy(webhooks.id);
};

export type DeliveryState = 'delivered' | 'pending' | 'retrying' | 'failed';

// A delivery's state, from its columns: delivered; waiting for its first attempt; failed and
// waiting for a retry; or given up (failed after the last attempt).
export const deliveryState = (row: { deliveredAt: Date | null; nextAttemptAt: Date | null; attempts: number }): DeliveryState =>
  row.deliveredAt ? 'delivered' : row.nextAttemptAt ? (row.attempts === 0 ? 'pending' : 'retrying') : 'failed';

const PAGE = 50;

// The delivery log of one webhook of the account, newest first, 50 per page (keyset on the id).
export const listWebhookDeliveries = async (ctx: Ctx, input: { webhookId: number | string; before?: number | string }) => {
  requireAdministrator(ctx.actor);
  const webhookId = parse(ZDbId, input.webhookId);
  const before = parse(ZOptionalDbId, input.before);
  const [webhook] = await ctx.db.select({ id: webhooks.id }).from(webhooks).where(and(eq(webhooks.id, webhookId), eq(webhooks.accountId, ctx.actor.accountId)));
  if (!webhook) throw new DomainError('NOT_FOUND', { entity: 'webhook' });
  const rows = await ctx.db
    .select({
      id: webhookDeliveries.id,
      event: webhookDeliveries.event,
      attempts: webhookDeliveries.attempts,
      responseStatus: webhookDeliveries.responseStatus,
      error: webhookDeliveries.error,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      deliveredAt: webhookDeliveries.deliveredAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.webhookId, webhookId), before ? lt(webhookDeliveries.id, before) : undefined))
    .orderBy(desc(webhookDeliveries.id))
    .limit(PAGE + 1);
  return {
    deliveries: rows.slice(0, PAGE).map((row) => ({ ...row, state: deliveryState(row), maxAttempts: MAX_ATTEMPTS })),
    nextBefore: rows.length > PAGE ? rows[PAGE - 1].id : null,
  };
};

// Resend: the delivery is due again now with a fresh count of attempts (the same payload, a new
// signature and timestamp). Any delivery may be resent, also a delivered one (a receiver that lost it).
export const resendWebhookDelivery = async (ctx: Ctx, input: { deliveryId: number | string }) => {
  requireAdministrator(ctx.actor);
  const deliveryId = parse(ZDbId, input.deliveryId);
  const owned = ctx.db.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.accountId, ctx.actor.accountId));
  const [row] = await ctx.db
    .update(webhookDeliveries)
    .set({ attempts: 0, nextAttemptAt: ctx.now(), deliveredAt: null, error: null, responseStatus: null })
    .where(and(eq(webhookDeliveries.id, deliveryId), inArray(webhookDeliveries.webhookId, owned)))
    .returning({ id: webhookDeliveries.id });
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'delivery' });
  nudgeDeliveries();
};
