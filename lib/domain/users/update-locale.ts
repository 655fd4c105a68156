import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '@/db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';

export const ZUpdateLocaleInput = z.object({ locale: z.enum(['es', 'en']) });
export type TUpdateLocaleInput = z.infer<typeof ZUpdateLocaleInput>;

// The language the UI speaks to the signed-in person. Always their own user: there is no userId
// input, so one agent can never change another's settings.
export const updateLocale = async (ctx: Ctx, input: TUpdateLocaleInput): Promise<{ locale: 'es' | 'en' }> => {
  const parsed = ZUpdateLocaleInput.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', { field: 'locale' });

  await ctx.db.update(users).set({ locale: parsed.data.locale, updatedAt: ctx.now() }).where(eq(users.id, ctx.actor.userId));
  return { locale: parsed.data.locale };
};
