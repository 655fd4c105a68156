import type { Db } from '@/db/client';
import { deleteStaleUploads } from '../attachments/delete-stale-uploads';
import type { RealtimePublisher, Storage } from '../context';
import { deliverDuePushes, type VapidDetails } from '../push/deliver-pushes';
import { prunePushDeliveries } from '../push/prune-push-deliveries';
import { deliverDueWebhooks } from '../webhooks/deliver-webhooks';
import { pruneWebhookDeliveries } from '../webhooks/prune-deliveries';
import { registerDeliveryRunner } from './nudge-deliveries';
import { wakeSnoozedConversations } from './wake-snoozed';

// Often enough that a snooze ends "within a minute" of its time.
export const SWEEP_INTERVAL_MS = 30_000;
// The webhook delivery log's retention needs no more than an hourly pass.
export const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

export type StartSweepsOptions = {
  db: Db;
  realtime: RealtimePublisher;
  storage: Storage;
  // Web Push's keys; without them pushes wait in their outbox.
  vapid?: VapidDetails | null;
  intervalMs?: number;
  // false: no passes of its own, only the deliveries of this process's changes (nudgeDeliveries).
  // Of several worker processes, one runs the passes (server.ts): the same work N times is waste.
  periodic?: boolean;
  now?: () => Date;
};

export type SweepRunner = {
  // One pass now (also what the interval runs); resolves when it is done, or at once when a pass
  // is already running.
  runOnce: () => Promise<void>;
  // Stops the interval and waits for a pass in progress, so the database can be closed after it.
  stop: () => Promise<void>;
};

// The app's scheduled work in the app process (DESIGN.md: the embedded default; the same statements
// are safe with many instances): snooze wake-up (C2), abandoned uploads, outbound webhooks, Web Push
// and (hourly, from the first pass) the webhook delivery log's and the push outbox's retention. A pass never overlaps
// the previous one, a failing sweep is logged and does not stop the others or the next pass, and
// the timer is unref'd so it never keeps the process alive. The first pass runs at start, so that
// snoozes that ended while the app was down wake at once.
export const startSweeps = ({ db, realtime, storage, vapid, intervalMs = SWEEP_INTERVAL_MS, periodic = true, now = () => new Date() }: StartSweepsOptions): SweepRunner => {
  let running: Promise<void> | null = null;
  let stopped = false;
  let prunedAt: number | null = null;

  const guarded = async (name: string, sweep: () => Promise<unknown>) => {
    try {
      await sweep();
    } catch (error) {
      console.error(`sweeps: ${name} failed`, error);
    }
  };

  const runOnce = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    running ??= (async () => {
      await guarded('waking snoozed conversations', () => wakeSnoozedConversations(db, { now: now(), realtime }));
      await guarded('deleting stale uploads', () => deleteStaleUploads(db, storage, now()));
      await deliverOutboxes();
      const at = now();
      if (prunedAt === null || at.getTime() - prunedAt >= PRUNE_INTERVAL_MS) {
        prunedAt = at.getTime();
        await guarded('pruning the webhook delivery log', () => pruneWebhookDeliveries(db, { now: at }));
        await guarded('pruning the push outbox', () => prunePushDeliveries(db, { now: at }));
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };

  // Outbound webhooks and pushes: due deliveries (retries) at every pass, and fresh ones as soon as a
  // change commits (nudgeDeliveries). Deliveries are claimed with SKIP LOCKED, so a nudge that runs
  // beside a pass (or another instance) never sends one twice; a nudge during a delivery run asks
  // for one more run after it, so nothing enqueued meanwhile waits for the next pass.
  let delivering: Promise<void> | null = null;
  let again = false;
  const deliverOutboxes = (): Promise<void> => {
    if (delivering) {
      again = true;
      return delivering;
    }
    delivering = (async () => {
      do {
        again = false;
        await guarded('delivering webhooks', () => deliverDueWebhooks(db, { now }));
        if (vapid) await guarded('delivering pushes', () => deliverDuePushes(db, { vapid, now }));
      } while (again && !stopped);
    })().finally(() => {
      delivering = null;
    });
    return delivering;
  };
  registerDeliveryRunner(() => void deliverOutboxes());

  const timer = periodic ? setInterval(() => void runOnce(), intervalMs) : undefined;
  timer?.unref();
  if (periodic) void runOnce();

  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      registerDeliveryRunner(undefined);
      await running;
      await delivering;
    },
  };
};
