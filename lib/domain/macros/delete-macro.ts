import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { macros } from '@/db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZId } from '../conversations/actions/schemas';
import { loadEditableMacro } from './load-editable-macro';
import { filesNamedElsewhere } from './files-named-elsewhere';
import { deleteMacroFiles, macroFileKeys } from './store-macro-file';

export const ZDeleteMacroInput = z.object({ macroId: ZId });
export type TDeleteMacroInput = z.input<typeof ZDeleteMacroInput>;

// M1 settings: deletes a macro (personal: its owner; global: administrators) and, after commit, the
// files of its send_attachment steps. What it did to conversations stays in their history.
export const deleteMacro = async (ctx: Ctx, input: TDeleteMacroInput): Promise<{ id: number }> => {
  const parsed = ZDeleteMacroInput.safeParse(input);
  if (!parsed.success) throw new DomainError('NOT_FOUND', { entity: 'macro' });

  const macro = await ctx.db.transaction(async (tx) => {
    const editable = await loadEditableMacro(tx, ctx.actor, parsed.data.macroId);
    await tx.delete(macros).where(eq(macros.id, editable.id));
    // A file another macro still names (saved before each macro's files were its own) stays.
    const keys = macroFileKeys(editable.actions);
    const shared = await filesNamedElsewhere(tx, { accountId: editable.accountId, keys });
    return { ...editable, files: keys.filter((key) => !shared.has(key)) };
  });
  await deleteMacroFiles(ctx, macro.files);
  return { id: macro.id };
};
