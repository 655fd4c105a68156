import type { Ctx, Mailer, OutgoingMail, RealtimePublisher } from '../context';
import { publishAfterCommit, type RealtimeEvent } from '../events/publish';

// Runs `work` in ONE transaction with a ctx whose db is that transaction, so that several domain
// actions (each written to run alone) commit or roll back together, as a macro run needs.
// - Actions that open their own transaction inside get a savepoint (drizzle nests them so on
//   PGlite and postgres.js alike): their rows are part of this transaction.
// - Realtime events (and ended user connections) are buffered and published once this transaction has committed; on rollback
//   they are dropped, so no client hears of a change that never happened.
// - Mail is held back the same way and handed to the real mailer after commit (a transcript never
//   goes out for a run that rolled back). Inside, `send` answers { outboxId: 0, status: 'stored' }:
//   there is no outbox row yet. If the process dies between commit and send, the mail is lost
//   (the change stands): the lesser evil than mail about changes that were rolled back.
// Nested calls work too: an inner call's buffers flush into the outer call's buffers when its
// savepoint is released, and are dropped if it is rolled back.
export const inTransaction = async <T>(ctx: Ctx, work: (txCtx: Ctx) => Promise<T>): Promise<T> => {
  let events: RealtimeEvent[] = [];
  let mail: OutgoingMail[] = [];
  let endedUsers: number[] = [];

  const result = await ctx.db.transaction(async (tx) => {
    // drizzle runs this callback once; resetting keeps the buffers honest if that ever changes.
    events = [];
    mail = [];
    endedUsers = [];
    const realtime: RealtimePublisher = {
      buffered: true,
      publish: async (channel, event, data) => {
        events.push({ channel, event: event as RealtimeEvent['event'], data });
      },
      endUserConnections: async (userId) => {
        endedUsers.push(userId);
      },
    };
    const mailer: Mailer = {
      send: async (_ports, outgoing) => {
        mail.push(outgoing);
        return { outboxId: 0, status: 'stored' };
      },
    };
    return work({ ...ctx, db: tx, realtime, mailer });
  });

  await publishAfterCommit(ctx, events);
  for (const userId of new Set(endedUsers)) await ctx.realtime.endUserConnections(userId);
  for (const outgoing of mail) {
    // The change has committed: a mail that cannot be sent is logged (and is in the outbox as
    // failed when the mailer got that far), it never turns the committed change into an error.
    await ctx.mailer.send({ db: ctx.db }, outgoing).catch((error: unknown) => console.error(`mail: sending ${outgoing.kind} failed`, error));
  }
  return result;
};
