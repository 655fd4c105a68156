import { asc, eq, sql } from 'drizzle-orm';
import { macros, users } from '@/db/schema';
import type { Ctx } from '../context';
import { describeMacroSteps, type MacroStep } from './describe-macro-steps';
import { macroScope } from './macro-scope';
import type { TMacroVisibility } from './macro-schemas';

export type MacroListItem = {
  id: number;
  name: string;
  visibility: TMacroVisibility;
  createdById: number | null;
  createdByName: string | null;
  // Whether the actor may edit and delete it (their personal macro; a global one if administrator).
  canEdit: boolean;
  steps: MacroStep[];
  updatedAt: Date;
};

// M1: the macros the actor may run (the account's global ones and their own personal ones), by
// name, each with its steps described for the sidebar and the settings page.
export const listMacros = async (ctx: Ctx): Promise<MacroListItem[]> => {
  const rows = await ctx.db
    .select({
      id: macros.id,
      name: macros.name,
      visibility: macros.visibility,
      createdById: macros.createdById,
      createdByName: users.name,
      actions: macros.actions,
      updatedAt: macros.updatedAt,
    })
    .from(macros)
    .leftJoin(users, eq(users.id, macros.createdById))
    .where(macroScope(ctx.actor))
    .orderBy(asc(sql`lower(${macros.name})`), asc(macros.id));
  const steps = await describeMacroSteps(ctx.db, { accountId: ctx.actor.accountId, macros: rows });
  return rows.map(({ actions: _actions, ...macro }) => ({
    ...macro,
    canEdit: macro.visibility === 'personal' || ctx.actor.role === 'administrator',
    steps: steps.get(macro.id) ?? [],
  }));
};
