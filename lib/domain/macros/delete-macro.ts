import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { macros } from '@/db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZId } from '../conversations/actions/schemas';
import { loadEditableMacro } from './load-editable-macro';

export const ZDeleteMacroInput = z.object({ macroId: ZId });
export type TDeleteMacroInput = z.input<typeof ZDeleteMacroInput>;

// M1 settings: deletes a macro (personal: its owner; global: administrators). What it did to
// conversations stays in their history.
export const deleteMacro = async (ctx: Ctx, input: TDeleteMacroInput): Promise<{ id: number }> => {
  const parsed = ZDeleteMacroInput.safeParse(input);
  if (!parsed.success) throw new DomainError('NOT_FOUND', { entity: 'macro' });

  return ctx.db.transaction(async (tx) => {
    const macro = await loadEditableMacro(tx, ctx.actor, parsed.data.macroId);
    await tx.delete(macros).where(eq(macros.id, macro.id));
    return { id: macro.id };
  });
};
