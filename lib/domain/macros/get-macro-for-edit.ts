import { and, eq } from 'drizzle-orm';
import { macros, type Macro } from '@/db/schema';
import type { Ctx } from '../context';
import { ZId } from '../conversations/actions/schemas';
import { DomainError } from '../errors';
import { macroScope } from './macro-scope';

// M1 settings: a macro to show in the editor, if the actor may change it (their personal macro; a
// global one if administrator). One they cannot see is NOT_FOUND; a global one for an agent FORBIDDEN.
export const getMacroForEdit = async (ctx: Ctx, input: { macroId: number | string }): Promise<Macro> => {
  const macroId = ZId.safeParse(input.macroId);
  if (!macroId.success) throw new DomainError('NOT_FOUND', { entity: 'macro' });
  const [macro] = await ctx.db.select().from(macros).where(and(eq(macros.id, macroId.data), macroScope(ctx.actor)));
  if (!macro) throw new DomainError('NOT_FOUND', { entity: 'macro' });
  if (macro.visibility === 'global' && ctx.actor.role !== 'administrator') throw new DomainError('FORBIDDEN');
  return macro;
};
