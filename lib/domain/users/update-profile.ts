import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users, type UserPreferences } from '@/db/schema';
import type { Ctx } from '../context';
import { isKnownTimeZone } from '@/lib/format/intl-formats';
import { DomainError } from '../errors';


export const NOTIFY_ON = ['mention', 'assignment', 'participating_message', 'creation'] as const;

export const ZUpdateProfileInput = z.object({
  name: z.string().trim().min(1).max(100),
  // Optional picture: an https address, or empty for none.
  avatarUrl: z
    .string()
    .trim()
    .max(2000)
    .refine((url) => url === '' || /^https:\/\/[^\s]+$/.test(url))
    .transform((url) => url || null),
  timeZone: z.string().trim().max(100).refine(isKnownTimeZone),
  notifyOn: z.array(z.enum(NOTIFY_ON)).max(NOTIFY_ON.length),
  notifyByBrowser: z.boolean(),
  enterToSend: z.boolean(),
  // Push notifications may show a private note's text on the lock screen.
  pushNoteText: z.boolean().optional(),
  openNextAfterResolve: z.boolean().default(false),
});
export type TUpdateProfileInput = z.input<typeof ZUpdateProfileInput>;

// Profile: the signed-in person's name, picture, time zone (snooze presets, times shown) and
// notification preferences. Always their own user: there is no userId input. The language has its
// own action (updateLocale), which also refreshes the session that carries it.
export const updateProfile = async (ctx: Ctx, input: TUpdateProfileInput): Promise<void> => {
  const parsed = ZUpdateProfileInput.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', { field: String(parsed.error.issues[0]?.path[0] ?? '') });
  const { name, avatarUrl, timeZone, notifyOn, notifyByBrowser, enterToSend, pushNoteText, openNextAfterResolve } = parsed.data;
  const preferences: UserPreferences = { notifyOn: [...new Set(notifyOn)], notifyByBrowser, enterToSend, openNextAfterResolve, ...(pushNoteText === undefined ? {} : { pushNoteText }) };
  await ctx.db.update(users).set({ name, avatarUrl, timeZone, preferences, updatedAt: ctx.now() }).where(eq(users.id, ctx.actor.userId));
};
