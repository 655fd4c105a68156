import { describe, expect, it } from 'vitest';
import { assignTeam } from '@/lib/domain/conversations/actions/assign-team';
import { useTestDatabase } from '../../../helpers/db';
import { activitiesOf, createWorkspace, reload } from '../../../helpers/conversation-actions-factories';
import { createAccount, createConversation, createInbox, createTeam } from '../../../helpers/factories';

const database = useTestDatabase();

describe('assignTeam', () => {
  it('assigns a team ("Laura asignó el equipo Ventas") and removes it ("quitó el equipo Ventas")', async () => {
    const { db } = database();
    const { ctx, me, accountId, conversation } = await createWorkspace(db, { name: 'Laura' });
    const sales = await createTeam(db, { accountId, name: 'Ventas' });
    const open = await conversation();

    expect((await assignTeam(ctx, { conversationId: open.id, teamId: sales.id })).teamId).toBe(sales.id);
    expect((await assignTeam(ctx, { conversationId: open.id, teamId: null })).teamId).toBeNull();

    const activities = await activitiesOf(db, open.id);
    expect(activities.map((m) => m.content)).toEqual(['Laura asignó el equipo Ventas', 'Laura quitó el equipo Ventas']);
    expect(activities[0].contentAttributes.activity).toEqual({
      action: 'team_changed',
      teamId: sales.id,
      teamName: 'Ventas',
      previousTeamId: null,
      previousTeamName: null,
      actorId: me.id,
      actorName: 'Laura',
    });
    expect(activities[1].contentAttributes.activity).toMatchObject({ teamId: null, previousTeamId: sales.id, previousTeamName: 'Ventas' });
  });

  it('reads in English for an English account', async () => {
    const { db } = database();
    const { ctx, accountId, conversation } = await createWorkspace(db, { locale: 'en', name: 'Laura' });
    const sales = await createTeam(db, { accountId, name: 'Sales' });
    const support = await createTeam(db, { accountId, name: 'Support' });
    const open = await conversation({ teamId: sales.id });

    await assignTeam(ctx, { conversationId: open.id, teamId: support.id });

    expect((await activitiesOf(db, open.id)).map((m) => m.content)).toEqual(['Laura assigned the team Support']);
  });

  it("refuses another account's team with INVALID_INPUT; the same team again is a no-op", async () => {
    const { db } = database();
    const { ctx, accountId, conversation } = await createWorkspace(db);
    const foreignTeam = await createTeam(db, { accountId: (await createAccount(db)).id });
    const team = await createTeam(db, { accountId });
    const withTeam = await conversation({ teamId: team.id });

    await expect(assignTeam(ctx, { conversationId: withTeam.id, teamId: foreignTeam.id })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'teamId' },
    });
    expect(await assignTeam(ctx, { conversationId: withTeam.id, teamId: team.id })).toEqual(withTeam);
    expect(await reload(db, withTeam.id)).toEqual(withTeam);
    expect(await activitiesOf(db, withTeam.id)).toEqual([]);
  });

  it('a conversation of an inbox the agent is not in is NOT_FOUND', async () => {
    const { db } = database();
    const { ctx, accountId } = await createWorkspace(db);
    const team = await createTeam(db, { accountId });
    const hidden = await createConversation(db, { accountId, inboxId: (await createInbox(db, { accountId })).id });

    await expect(assignTeam(ctx, { conversationId: hidden.id, teamId: team.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await reload(db, hidden.id)).teamId).toBeNull();
  });
});
