import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { notifications } from '@/db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZDbId } from '../request-values';

export const ZMarkNotificationReadInput = z.object({ notificationId: ZDbId });
export type TMarkNotificationReadInput = z.input<typeof ZMarkNotificationReadInput>;

const mine = (ctx: Ctx): SQL => and(eq(notifications.userId, ctx.actor.userId), eq(notifications.accountId, ctx.actor.accountId)) as SQL;

// Marks what is unread and matches `where` as read now; returns how many changed.
const markRead = async (ctx: Ctx, where?: SQL): Promise<number> => {
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now() })
    .where(and(mine(ctx), isNull(notifications.readAt), where))
    .returning({ id: notifications.id });
  return rows.length;
};

// One notification of mine, read (again: a no-op); returns its conversation, which opening it shows.
// Anyone else's is NOT_FOUND, like one that does not exist.
export const markNotificationRead = async (ctx: Ctx, input: TMarkNotificationReadInput): Promise<{ conversationId: number | null }> => {
  const parsed = ZMarkNotificationReadInput.safeParse(input);
  if (!parsed.success) throw new DomainError('NOT_FOUND', { entity: 'notification' });
  const [own] = await ctx.db
    .select({ id: notifications.id, conversationId: notifications.conversationId })
    .from(notifications)
    .where(and(mine(ctx), eq(notifications.id, parsed.data.notificationId)));
  if (!own) throw new DomainError('NOT_FOUND', { entity: 'notification' });
  await markRead(ctx, eq(notifications.id, own.id));
  return { conversationId: own.conversationId };
};

// "Marcar todas como leídas".
export const markAllNotificationsRead = async (ctx: Ctx): Promise<{ marked: number }> => ({ marked: await markRead(ctx) });
