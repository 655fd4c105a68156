import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { startSweeps } from '@/lib/domain/sweeps/start-sweeps';
import { useTestDatabase } from '../../helpers/db';
import { activitiesOf, createWorkspace, reload } from '../../helpers/conversation-actions-factories';

const database = useTestDatabase();

const silent = { publish: async () => {}, endUserConnections: async () => {} };
const noStorage = { put: async () => {}, get: async () => null, delete: async () => {} };

const waitFor = async (check: () => Promise<boolean>, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('startSweeps (the interval server.ts starts)', () => {
  it('wakes a conversation whose snooze ends while the app runs, on a later pass, once', async () => {
    const { db } = database();
    const { conversation } = await createWorkspace(db);
    const until = new Date(Date.now() + 300);
    const snoozed = await conversation({ status: 'snoozed', snoozedUntil: until });

    const sweeps = startSweeps({ db, realtime: silent, storage: noStorage, intervalMs: 50 });
    try {
      await waitFor(async () => (await reload(db, snoozed.id)).status === 'open');
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await sweeps.stop();
    }
    expect(await activitiesOf(db, snoozed.id)).toHaveLength(1);
    expect((await reload(db, snoozed.id)).updatedAt.getTime()).toBeGreaterThanOrEqual(until.getTime());
  });

  it('periodic false (every worker but the first): no passes of its own; one asked for still runs', async () => {
    const { db } = database();
    const { conversation } = await createWorkspace(db);
    const snoozed = await conversation({ status: 'snoozed', snoozedUntil: new Date(Date.now() - 1_000) });
    let transactions = 0;
    const countingDb = new Proxy(db, {
      get: (target, property, receiver) =>
        property === 'transaction'
          ? (...args: Parameters<Db['transaction']>) => {
              transactions += 1;
              return target.transaction(...args);
            }
          : Reflect.get(target, property, receiver),
    });
    const sweeps = startSweeps({ db: countingDb, realtime: silent, storage: noStorage, intervalMs: 10, periodic: false });
    try {
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(transactions).toBe(0);
      expect((await reload(db, snoozed.id)).status).toBe('snoozed');
      // Its own pass, when asked for, still runs.
      await sweeps.runOnce();
      expect((await reload(db, snoozed.id)).status).toBe('open');
    } finally {
      await sweeps.stop();
    }
  });

  it('skips a pass while the previous one still runs', async () => {
    const { db } = database();
    let transactions = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // A database whose first transaction waits on the gate: a slow sweep.
    const slowDb = new Proxy(db, {
      get: (target, property, receiver) =>
        property === 'transaction'
          ? async (...args: Parameters<Db['transaction']>) => {
              transactions += 1;
              await gate;
              return target.transaction(...args);
            }
          : Reflect.get(target, property, receiver),
    });

    const sweeps = startSweeps({ db: slowDb, realtime: silent, storage: noStorage, intervalMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(transactions).toBe(1);
    release();
    await sweeps.stop();
  });

  it('logs a failing sweep and keeps going; stop() waits for the pass in progress', async () => {
    const broken = {
      transaction: async () => {
        throw new Error('database unavailable');
      },
      select: () => {
        throw new Error('database unavailable');
      },
      delete: () => {
        throw new Error('database unavailable');
      },
    } as unknown as Db;
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const sweeps = startSweeps({ db: broken, realtime: silent, storage: noStorage, intervalMs: 20 });
      // Two passes failed: the first failure did not stop the interval.
      await waitFor(async () => logged.filter((args) => String(args[0]).includes('waking snoozed')).length >= 2);
      await sweeps.stop();
      const count = logged.length;
      await new Promise((resolve) => setTimeout(resolve, 60));
      // Stopped: no more passes.
      expect(logged.length).toBe(count);
    } finally {
      console.error = original;
    }
    const messages = logged.map((args) => String(args[0]));
    expect(messages.filter((message) => message.includes('waking snoozed conversations failed')).length).toBeGreaterThan(1);
    expect(messages.some((message) => message.includes('deleting stale uploads failed'))).toBe(true);
  });
});
