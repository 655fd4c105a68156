import { and, eq, inArray } from 'drizzle-orm';
import { teams } from '@/db/schema';
import { DomainError } from '../../../errors';
import type { ConversationChange } from '../apply-conversation-change';

// X1: assign a team of the account (null: remove the team).
export const teamChange = (teamId: number | null): ConversationChange => ({
  set: { teamId },
  prepare: async (tx, rows) => {
    // The new team and the previous ones (their names go into the activity sentence), in one query.
    const ids = [...new Set([teamId, ...rows.map((row) => row.teamId)].filter((id): id is number => id !== null))];
    const found = ids.length
      ? await tx
          .select({ id: teams.id, name: teams.name })
          .from(teams)
          .where(and(eq(teams.accountId, rows[0].accountId), inArray(teams.id, ids)))
      : [];
    const nameOf = new Map(found.map((team) => [team.id, team.name]));
    if (teamId !== null && !nameOf.has(teamId)) throw new DomainError('INVALID_INPUT', { field: 'teamId' });

    return (row) =>
      row.teamId === teamId
        ? null
        : {
            activity: {
              action: 'team_changed',
              teamId,
              teamName: teamId === null ? null : (nameOf.get(teamId) ?? null),
              previousTeamId: row.teamId,
              previousTeamName: row.teamId === null ? null : (nameOf.get(row.teamId) ?? null),
            },
            changed: { teamId },
          };
  },
});
