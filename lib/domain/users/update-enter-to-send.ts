import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '@/db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';

const ZInput = z.object({ enterToSend: z.boolean() });

// The composer's "Enter sends" switch: the same preference as the profile's, written alone (a jsonb
// merge in one statement, so it never overwrites notification preferences saved meanwhile). Always
// the signed-in person's own user.
export const updateEnterToSend = async (ctx: Ctx, input: z.input<typeof ZInput>): Promise<void> => {
  const parsed = ZInput.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', { field: 'enterToSend' });
  await ctx.db
    .update(users)
    .set({ preferences: sql`${users.preferences} || jsonb_build_object('enterToSend', ${parsed.data.enterToSend}::boolean)`, updatedAt: ctx.now() })
    .where(eq(users.id, ctx.actor.userId));
};
