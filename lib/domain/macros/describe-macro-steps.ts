import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { labels, teams, users, type MacroAction } from '@/db/schema';
import { ZMacroAction, type TMacroAction } from './macro-schemas';

// One step as the sidebar and the settings page show it. Names are read now (null: since deleted,
// and running the macro will fail on that step).
export type MacroStep =
  | (TMacroAction & {
      valid: true;
      labels?: Array<{ id: number; title: string | null }>;
      team?: { id: number; name: string | null };
      agent?: { id: number | 'self'; name: string | null };
    })
  // A stored step this version cannot run (written around the domain): shown, and the run refused.
  | { action: string; params: Record<string, unknown>; valid: false };

const idsOf = (steps: TMacroAction[]) => ({
  labelIds: steps.flatMap((step) => (step.action === 'add_label' || step.action === 'remove_label' ? step.params.labelIds : [])),
  teamIds: steps.flatMap((step) => (step.action === 'assign_team' ? [step.params.teamId] : [])),
  userIds: steps.flatMap((step) => (step.action === 'assign_agent' && step.params.userId !== 'self' ? [step.params.userId] : [])),
});

// The steps of many macros at once, with the names of the labels, teams and agents they name: at
// most three queries whatever the number of macros (no query per step).
export const describeMacroSteps = async (db: DbOrTx, { accountId, macros }: { accountId: number; macros: Array<{ id: number; actions: MacroAction[] }> }): Promise<Map<number, MacroStep[]>> => {
  const parsed = new Map(macros.map((macro) => [macro.id, macro.actions.map((raw) => ({ raw, step: ZMacroAction.safeParse(raw) }))]));
  const valid = [...parsed.values()].flat().flatMap(({ step }) => (step.success ? [step.data] : []));
  const { labelIds, teamIds, userIds } = idsOf(valid);

  const [labelRows, teamRows, userRows] = await Promise.all([
    labelIds.length ? db.select({ id: labels.id, name: labels.title }).from(labels).where(and(eq(labels.accountId, accountId), inArray(labels.id, [...new Set(labelIds)]))) : [],
    teamIds.length ? db.select({ id: teams.id, name: teams.name }).from(teams).where(and(eq(teams.accountId, accountId), inArray(teams.id, [...new Set(teamIds)]))) : [],
    // Users are not per account: only a name is read, for ids the account's macros hold.
    userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...new Set(userIds)])) : [],
  ]);
  const labelName = new Map(labelRows.map((row) => [row.id, row.name]));
  const teamName = new Map(teamRows.map((row) => [row.id, row.name]));
  const userName = new Map(userRows.map((row) => [row.id, row.name]));

  const describe = (step: TMacroAction): MacroStep => {
    if (step.action === 'add_label' || step.action === 'remove_label') {
      return { ...step, valid: true, labels: step.params.labelIds.map((id) => ({ id, title: labelName.get(id) ?? null })) };
    }
    if (step.action === 'assign_team') return { ...step, valid: true, team: { id: step.params.teamId, name: teamName.get(step.params.teamId) ?? null } };
    if (step.action === 'assign_agent') {
      const id = step.params.userId;
      return { ...step, valid: true, agent: { id, name: id === 'self' ? null : (userName.get(id) ?? null) } };
    }
    return { ...step, valid: true };
  };

  return new Map(
    [...parsed].map(([macroId, steps]) => [
      macroId,
      steps.map(({ raw, step }) => (step.success ? describe(step.data) : { action: raw.action, params: raw.params ?? {}, valid: false as const })),
    ]),
  );
};
