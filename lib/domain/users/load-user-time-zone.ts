import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Ctx } from '../context';

// The actor's time zone (snooze presets, times shown in the chat), America/Mexico_City by default.
export const loadUserTimeZone = async (ctx: Ctx): Promise<string> => {
  const [row] = await ctx.db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, ctx.actor.userId)).limit(1);
  return row?.timeZone ?? 'America/Mexico_City';
};
