import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { accountUsers, labels, teams } from '@/db/schema';
import { DomainError } from '../errors';
import { filesNamedElsewhere } from './files-named-elsewhere';
import { MACRO_FILE_KEY, type TMacroAction } from './macro-schemas';
import { macroFileKeys } from './store-macro-file';

// The ids a macro's steps name, each with the step that names it.
const referencesOf = (actions: TMacroAction[]) => {
  const labelIds = new Map<number, number>();
  const teamIds = new Map<number, number>();
  const userIds = new Map<number, number>();
  actions.forEach((step, index) => {
    if (step.action === 'add_label' || step.action === 'remove_label') for (const id of step.params.labelIds) labelIds.set(id, labelIds.get(id) ?? index);
    if (step.action === 'assign_team') teamIds.set(step.params.teamId, teamIds.get(step.params.teamId) ?? index);
    if (step.action === 'assign_agent' && step.params.userId !== 'self') userIds.set(step.params.userId, userIds.get(step.params.userId) ?? index);
  });
  return { labelIds, teamIds, userIds };
};

// The first step naming an id that is not among those found: INVALID_INPUT on it.
const refuseMissing = (wanted: Map<number, number>, found: Array<{ id: number }>, param: string): void => {
  const present = new Set(found.map((row) => row.id));
  const missing = [...wanted].filter(([id]) => !present.has(id)).map(([, index]) => index);
  if (missing.length) throw new DomainError('INVALID_INPUT', { field: 'actions', step: Math.min(...missing) + 1, param });
};

// When a macro (macroId: when it already exists) is saved: the files, labels, teams and agents its steps name must be the account's (an
// agent: an active member). At most three queries, whatever the number of steps. Whether an agent
// may be assigned in a given conversation's inbox is only known when the macro runs there.
export const checkMacroReferences = async (
  db: DbOrTx,
  { accountId, actions, macroId }: { accountId: number; actions: TMacroAction[]; macroId?: number },
): Promise<void> => {
  // A file must be one stored for this account's macros: a step can never name another account's
  // file, nor a conversation's attachment, nor a file another macro's step names.
  const foreignFile = actions.findIndex((step) => step.action === 'send_attachment' && MACRO_FILE_KEY.exec(step.params.file.key)?.[1] !== String(accountId));
  if (foreignFile >= 0) throw new DomainError('INVALID_INPUT', { field: 'actions', step: foreignFile + 1, param: 'file' });
  const taken = await filesNamedElsewhere(db, { accountId, keys: macroFileKeys(actions), exceptMacroId: macroId });
  const takenFile = actions.findIndex((step) => step.action === 'send_attachment' && taken.has(step.params.file.key));
  if (takenFile >= 0) throw new DomainError('INVALID_INPUT', { field: 'actions', step: takenFile + 1, param: 'file' });
  const { labelIds, teamIds, userIds } = referencesOf(actions);
  if (labelIds.size) {
    const found = await db.select({ id: labels.id }).from(labels).where(and(eq(labels.accountId, accountId), inArray(labels.id, [...labelIds.keys()])));
    refuseMissing(labelIds, found, 'labelIds');
  }
  if (teamIds.size) {
    const found = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.accountId, accountId), inArray(teams.id, [...teamIds.keys()])));
    refuseMissing(teamIds, found, 'teamId');
  }
  if (userIds.size) {
    const found = await db
      .select({ id: accountUsers.userId })
      .from(accountUsers)
      .where(and(eq(accountUsers.accountId, accountId), eq(accountUsers.active, true), inArray(accountUsers.userId, [...userIds.keys()])));
    refuseMissing(userIds, found, 'userId');
  }
};
