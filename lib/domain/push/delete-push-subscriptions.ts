import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { pushSubscriptions } from '@/db/schema';
import type { Ctx } from '../context';

export const ZDeletePushSubscriptionInput = z.object({ endpoint: z.string().min(1).max(2048) });
export type TDeletePushSubscriptionInput = z.input<typeof ZDeletePushSubscriptionInput>;

// Opt-out from the bell: this browser stops receiving the actor's pushes. Only the actor's own
// subscription is removed; anything else changes nothing. Returns how many were removed (0 or 1).
export const deletePushSubscription = async (ctx: Ctx, input: TDeletePushSubscriptionInput): Promise<{ deleted: number }> => {
  const parsed = ZDeletePushSubscriptionInput.safeParse(input);
  if (!parsed.success) return { deleted: 0 };
  const rows = await ctx.db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.endpoint, parsed.data.endpoint), eq(pushSubscriptions.userId, ctx.actor.userId)))
    .returning({ id: pushSubscriptions.id });
  return { deleted: rows.length };
};

// Sign-out: the subscriptions made in that sign-in go with it (works without JavaScript: the
// session id is in the token).
export const deleteSessionPushSubscriptions = async (db: DbOrTx, sessionId: string): Promise<number> => {
  const rows = await db.delete(pushSubscriptions).where(eq(pushSubscriptions.sessionId, sessionId)).returning({ id: pushSubscriptions.id });
  return rows.length;
};

// The membership ended (deactivated): every device of that person in that account stops.
export const deleteMemberPushSubscriptions = async (db: DbOrTx, { accountId, userId }: { accountId: number; userId: number }): Promise<number> => {
  const rows = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.accountId, accountId), eq(pushSubscriptions.userId, userId)))
    .returning({ id: pushSubscriptions.id });
  return rows.length;
};
