import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { conversations } from '@/db/schema';
import { loadActor } from '@/lib/domain/authorization/load-actor';
import { addTeamMember, removeTeamMember } from '@/lib/domain/teams/change-team-member';
import { createTeam } from '@/lib/domain/teams/create-team';
import { deleteTeam } from '@/lib/domain/teams/delete-team';
import { listTeamSettings } from '@/lib/domain/teams/list-team-settings';
import { updateTeam } from '@/lib/domain/teams/update-team';
import type { Db } from '@/db/client';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, createAccount, createConversation, createInbox, createUser, ctxFor } from '../../helpers/factories';

const database = useTestDatabase();

const workspace = async (db: Db) => {
  const account = await createAccount(db);
  const adminUser = await createUser(db, { accountId: account.id, role: 'administrator' });
  const agentUser = await createUser(db, { accountId: account.id, name: 'Beto' });
  return { account, agentUser, admin: ctxFor(db, await actorFor(db, adminUser.id, account.id)), agent: ctxFor(db, await actorFor(db, agentUser.id, account.id)) };
};

describe('teams settings', () => {
  it('an administrator creates, renames, describes a team and adds and removes members', async () => {
    const { db } = database();
    const { admin, agentUser, account } = await workspace(db);
    const team = await createTeam(admin, { name: ' Ventas ', description: 'Pedidos nuevos' });
    expect(team).toMatchObject({ name: 'Ventas', description: 'Pedidos nuevos', accountId: account.id });

    await addTeamMember(admin, { teamId: team.id, userId: agentUser.id });
    await addTeamMember(admin, { teamId: team.id, userId: agentUser.id });
    expect((await loadActor(db, { userId: agentUser.id, accountId: account.id }))?.teamIds).toEqual([team.id]);
    await updateTeam(admin, { teamId: team.id, name: 'Ventas B2B', description: '' });
    expect(await listTeamSettings(admin)).toEqual([{ id: team.id, name: 'Ventas B2B', description: null, members: [{ id: agentUser.id, name: 'Beto' }] }]);

    await removeTeamMember(admin, { teamId: team.id, userId: agentUser.id });
    expect((await loadActor(db, { userId: agentUser.id, accountId: account.id }))?.teamIds).toEqual([]);
  });

  it('a duplicate name (any case) is CONFLICT; deleting a team keeps its conversations without team', async () => {
    const { db } = database();
    const { admin, account } = await workspace(db);
    const team = await createTeam(admin, { name: 'Soporte' });
    await expect(createTeam(admin, { name: 'SOPORTE' })).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    const other = await createTeam(admin, { name: 'Otro' });
    await expect(updateTeam(admin, { teamId: other.id, name: 'soporte' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(createTeam(admin, { name: '  ' })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'name' } });

    const inbox = await createInbox(db, { accountId: account.id });
    const conversation = await createConversation(db, { accountId: account.id, inboxId: inbox.id, teamId: team.id });
    await deleteTeam(admin, { teamId: team.id });
    expect((await db.select({ teamId: conversations.teamId }).from(conversations).where(eq(conversations.id, conversation.id)))[0].teamId).toBeNull();
    await expect(deleteTeam(admin, { teamId: team.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('agents are FORBIDDEN; teams and people of another account are NOT_FOUND', async () => {
    const { db } = database();
    const { admin, agent, agentUser } = await workspace(db);
    const team = await createTeam(admin, { name: 'Mía' });
    await expect(createTeam(agent, { name: 'X' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateTeam(agent, { teamId: team.id, name: 'X' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(deleteTeam(agent, { teamId: team.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(addTeamMember(agent, { teamId: team.id, userId: agentUser.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listTeamSettings(agent)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const other = await workspace(db);
    const foreignTeam = await createTeam(other.admin, { name: 'Ajeno' });
    await expect(updateTeam(admin, { teamId: foreignTeam.id, name: 'Robado' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deleteTeam(admin, { teamId: foreignTeam.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(addTeamMember(admin, { teamId: foreignTeam.id, userId: agentUser.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(addTeamMember(admin, { teamId: team.id, userId: other.agentUser.id })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { entity: 'user' } });
    expect((await listTeamSettings(admin)).map((row) => row.id)).toEqual([team.id]);
  });
});
