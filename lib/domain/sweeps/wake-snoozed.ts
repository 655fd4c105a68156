import { lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { conversations } from '@/db/schema';
import type { RealtimePublisher } from '../context';
import { wakeConversations } from '../conversations/actions/wake-conversations';
import { publishAfterCommit } from '../events/publish';

// Conversations woken per transaction: keeps each transaction short when many snoozes end together
// (everyone snoozed "until Monday 09:00").
const BATCH = 200;

export type WakeSnoozedOptions = { now: Date; realtime: RealtimePublisher };

// C2: reopens every conversation whose snooze time has come (snoozed_until <= now), each with its
// activity message "La conversación se reabrió al terminar la posposición", and publishes after each
// batch commits. Idempotent and safe with several app instances running it at once: each
// conversation is woken once (see wakeConversations). Snoozes "until the next reply" (no time) are
// never due here. Returns how many conversations this run woke.
export const wakeSnoozedConversations = async (db: Db, { now, realtime }: WakeSnoozedOptions): Promise<{ woken: number }> => {
  let woken = 0;
  for (;;) {
    const batch = await db.transaction((tx) =>
      wakeConversations(tx, { where: lte(conversations.snoozedUntil, now), reason: 'time', at: now, limit: BATCH, skipLocked: true }),
    );
    await publishAfterCommit({ realtime, db }, batch.events);
    woken += batch.conversations.length;
    // A short batch means nothing else was due (rows locked by someone else are theirs to finish).
    if (batch.conversations.length < BATCH) return { woken };
  }
};
