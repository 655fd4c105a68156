import { z } from 'zod';
import { macros, type Macro } from '@/db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { checkMacroReferences } from './check-macro-references';
import { ZMacroName, ZMacroVisibility } from './macro-schemas';
import { parseMacroActions } from './parse-macro-actions';

export const ZCreateMacroInput = z.object({ name: ZMacroName, visibility: ZMacroVisibility.default('personal'), actions: z.unknown() });
export type TCreateMacroInput = z.input<typeof ZCreateMacroInput>;

// M1 settings: a macro is a named, ordered list of steps (parseMacroActions). Any agent makes
// personal macros (theirs alone); only administrators make global ones, which every agent of the
// account may run (FORBIDDEN otherwise).
export const createMacro = async (ctx: Ctx, input: TCreateMacroInput): Promise<Macro> => {
  const parsed = ZCreateMacroInput.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', { field: String(parsed.error.issues[0]?.path[0] ?? '') });
  const { name, visibility } = parsed.data;
  if (visibility === 'global' && ctx.actor.role !== 'administrator') throw new DomainError('FORBIDDEN');
  const actions = parseMacroActions(parsed.data.actions);
  await checkMacroReferences(ctx.db, { accountId: ctx.actor.accountId, actions });

  const at = ctx.now();
  const [macro] = await ctx.db
    .insert(macros)
    .values({ accountId: ctx.actor.accountId, name, visibility, createdById: ctx.actor.userId, actions, createdAt: at, updatedAt: at })
    .returning();
  return macro;
};
