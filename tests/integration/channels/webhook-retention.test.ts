import { describe, expect, it } from 'vitest';
import { webhookDeliveries } from '@/db/schema';
import { pruneWebhookDeliveries } from '@/lib/domain/webhooks/prune-deliveries';
import { createChannelWorkspace, createWebhook, deliveriesOf } from '../../helpers/channels-factories';
import { useTestDatabase } from '../../helpers/db';

const database = useTestDatabase();

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-11-27T06:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

describe('webhook delivery log retention', () => {
  it('deletes delivered deliveries after 30 days and given-up ones after 90, in batches; due ones stay', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db);
    const webhook = await createWebhook(db, { accountId: workspace.accountId, url: 'http://127.0.0.1:9/hook' });
    const row = (event: string, values: { createdAt: Date; deliveredAt?: Date | null; nextAttemptAt?: Date | null }) => ({
      webhookId: webhook.id,
      event,
      payload: {},
      attempts: 1,
      deliveredAt: values.deliveredAt ?? null,
      nextAttemptAt: values.nextAttemptAt ?? null,
      createdAt: values.createdAt,
    });
    await db.insert(webhookDeliveries).values([
      row('delivered-31d', { createdAt: daysAgo(31), deliveredAt: daysAgo(31) }),
      row('delivered-40d', { createdAt: daysAgo(40), deliveredAt: daysAgo(40) }),
      row('delivered-29d', { createdAt: daysAgo(35), deliveredAt: daysAgo(29) }),
      row('given-up-91d', { createdAt: daysAgo(91) }),
      row('given-up-89d', { createdAt: daysAgo(89) }),
      row('resent-after-100d', { createdAt: daysAgo(100), nextAttemptAt: daysAgo(0) }),
    ]);

    expect(await pruneWebhookDeliveries(db, { now, batchSize: 2, maxBatches: 1 })).toBe(2);
    expect(await pruneWebhookDeliveries(db, { now, batchSize: 2 })).toBe(1);
    expect(await pruneWebhookDeliveries(db, { now })).toBe(0);
    expect((await deliveriesOf(db, webhook.id)).map((delivery) => delivery.event)).toEqual(['delivered-29d', 'given-up-89d', 'resent-after-100d']);
  });

  it('two prunes at once (two instances) delete each row once', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db);
    const webhook = await createWebhook(db, { accountId: workspace.accountId, url: 'http://127.0.0.1:9/hook' });
    await db.insert(webhookDeliveries).values(
      Array.from({ length: 30 }, (_, index) => ({ webhookId: webhook.id, event: `old-${index}`, payload: {}, deliveredAt: daysAgo(60), createdAt: daysAgo(60) })),
    );
    const counts = await Promise.all([pruneWebhookDeliveries(db, { now, batchSize: 5 }), pruneWebhookDeliveries(db, { now, batchSize: 5 })]);
    expect(counts[0] + counts[1]).toBe(30);
    expect(await deliveriesOf(db, webhook.id)).toEqual([]);
  });
});
