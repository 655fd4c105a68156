import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Ctx } from '../context';

// Whether the agent wants browser notifications (users.preferences.notifyByBrowser; unset: yes,
// once they granted the browser's permission).
export const loadNotifyByBrowser = async (ctx: Ctx): Promise<boolean> => {
  const [row] = await ctx.db.select({ preferences: users.preferences }).from(users).where(eq(users.id, ctx.actor.userId));
  return row?.preferences.notifyByBrowser !== false;
};
