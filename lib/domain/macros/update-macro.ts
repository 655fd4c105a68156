import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { macros, type Macro } from '@/db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZId } from '../conversations/actions/schemas';
import { checkMacroReferences } from './check-macro-references';
import { filesNamedElsewhere } from './files-named-elsewhere';
import { loadEditableMacro } from './load-editable-macro';
import { ZMacroName, ZMacroVisibility } from './macro-schemas';
import { parseMacroActions } from './parse-macro-actions';
import { deleteMacroFiles, macroFileKeys } from './store-macro-file';

export const ZUpdateMacroInput = z.object({
  macroId: ZId,
  name: ZMacroName.optional(),
  visibility: ZMacroVisibility.optional(),
  // The whole ordered list: reordering, adding and removing steps are all a new list.
  actions: z.unknown().optional(),
});
export type TUpdateMacroInput = z.input<typeof ZUpdateMacroInput>;

// M1 settings: renames a macro, replaces its steps or changes who sees it; fields left out keep
// their value. Personal macros are changed by their owner, global ones by administrators
// (loadEditableMacro). Making a macro global takes an administrator (FORBIDDEN otherwise); an
// administrator who makes a global macro personal makes it theirs.
export const updateMacro = async (ctx: Ctx, input: TUpdateMacroInput): Promise<Macro> => {
  const parsed = ZUpdateMacroInput.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    // A malformed id names no macro.
    if (field === 'macroId') throw new DomainError('NOT_FOUND', { entity: 'macro' });
    throw new DomainError('INVALID_INPUT', { field });
  }
  const { macroId, name, visibility } = parsed.data;

  const { macro, dropped } = await ctx.db.transaction(async (tx) => {
    const current = await loadEditableMacro(tx, ctx.actor, macroId);
    if (visibility === 'global' && ctx.actor.role !== 'administrator') throw new DomainError('FORBIDDEN');
    const actions = parsed.data.actions === undefined ? undefined : parseMacroActions(parsed.data.actions);
    if (actions) await checkMacroReferences(tx, { accountId: current.accountId, actions, macroId: current.id });

    const becomesPersonal = visibility === 'personal' && current.visibility === 'global';
    const [updated] = await tx
      .update(macros)
      .set({
        ...(name === undefined ? {} : { name }),
        ...(visibility === undefined ? {} : { visibility }),
        ...(becomesPersonal ? { createdById: ctx.actor.userId } : {}),
        ...(actions === undefined ? {} : { actions }),
        updatedAt: ctx.now(),
      })
      .where(eq(macros.id, current.id))
      .returning();
    const kept = new Set(macroFileKeys(updated.actions));
    const candidates = macroFileKeys(current.actions).filter((key) => !kept.has(key));
    // A file another macro still names (saved before each macro's files were its own) stays.
    const shared = await filesNamedElsewhere(tx, { accountId: current.accountId, keys: candidates, exceptMacroId: current.id });
    return { macro: updated, dropped: candidates.filter((key) => !shared.has(key)) };
  });
  // Files of steps the new list no longer has go once it has committed.
  await deleteMacroFiles(ctx, dropped);
  return macro;
};
