import { describe, expect, it } from 'vitest';
import { authorizeChannel } from '@/lib/domain/realtime/authorize-channel';
import { useTestDatabase } from '../helpers/db';
import { actorFor, createAccount, createConversation, createInbox, createUser } from '../helpers/factories';

const database = useTestDatabase();

// Two accounts; in the first, an agent of one inbox (of two) and an administrator.
const workspace = async () => {
  const { db } = database();
  const account = await createAccount(db);
  const other = await createAccount(db);
  const agentsInbox = await createInbox(db, { accountId: account.id });
  const otherInbox = await createInbox(db, { accountId: account.id });
  const foreignInbox = await createInbox(db, { accountId: other.id });
  const agentUser = await createUser(db, { accountId: account.id, name: 'Carlos', inboxIds: [agentsInbox.id] });
  const adminUser = await createUser(db, { accountId: account.id, role: 'administrator' });
  const foreignUser = await createUser(db, { accountId: other.id, inboxIds: [foreignInbox.id] });
  return {
    db,
    account,
    other,
    agentsInbox,
    otherInbox,
    foreignInbox,
    agentUser,
    agent: { db, actor: await actorFor(db, agentUser.id, account.id) },
    admin: { db, actor: await actorFor(db, adminUser.id, account.id) },
    foreigner: { db, actor: await actorFor(db, foreignUser.id, other.id) },
    conversationIn: (inboxId: number, accountId = account.id) => createConversation(db, { accountId, inboxId }),
  };
};

const refused = { code: 'FORBIDDEN' };

describe('authorizeChannel', () => {
  it('gives an agent the inbox channels of their inboxes only', async () => {
    const { account, other, agentsInbox, otherInbox, foreignInbox, agent } = await workspace();

    await expect(authorizeChannel(agent, { channel: `private-account-${account.id}-inbox-${agentsInbox.id}` })).resolves.toEqual({ presence: null });
    await expect(authorizeChannel(agent, { channel: `private-account-${account.id}-inbox-${otherInbox.id}` })).rejects.toMatchObject(refused);
    await expect(authorizeChannel(agent, { channel: `private-account-${other.id}-inbox-${foreignInbox.id}` })).rejects.toMatchObject(refused);
    // Their own inbox id under another account's number is not theirs either.
    await expect(authorizeChannel(agent, { channel: `private-account-${other.id}-inbox-${agentsInbox.id}` })).rejects.toMatchObject(refused);
  });

  it('gives an administrator every inbox channel of their account, none of another account', async () => {
    const { account, other, agentsInbox, otherInbox, foreignInbox, admin } = await workspace();

    for (const inbox of [agentsInbox, otherInbox]) {
      await expect(authorizeChannel(admin, { channel: `private-account-${account.id}-inbox-${inbox.id}` })).resolves.toEqual({ presence: null });
    }
    await expect(authorizeChannel(admin, { channel: `private-account-${other.id}-inbox-${foreignInbox.id}` })).rejects.toMatchObject(refused);
  });

  it('gives the account channel to its members and a user channel to that user alone', async () => {
    const { account, other, agent, admin, foreigner } = await workspace();

    await expect(authorizeChannel(agent, { channel: `private-account-${account.id}` })).resolves.toEqual({ presence: null });
    await expect(authorizeChannel(foreigner, { channel: `private-account-${account.id}` })).rejects.toMatchObject(refused);
    await expect(authorizeChannel(agent, { channel: `private-account-${other.id}` })).rejects.toMatchObject(refused);
    await expect(authorizeChannel(agent, { channel: `private-user-${agent.actor.userId}` })).resolves.toEqual({ presence: null });
    await expect(authorizeChannel(admin, { channel: `private-user-${agent.actor.userId}` })).rejects.toMatchObject(refused);
  });

  it('gives a conversation’s presence channel to whoever may see it, announcing their name and picture', async () => {
    const { agentsInbox, otherInbox, foreignInbox, other, agent, admin, foreigner, agentUser, conversationIn } = await workspace();
    const visible = await conversationIn(agentsInbox.id);
    const hidden = await conversationIn(otherInbox.id);
    const foreign = await conversationIn(foreignInbox.id, other.id);

    expect(await authorizeChannel(agent, { channel: `presence-conversation-${visible.id}` })).toEqual({
      presence: { user_id: String(agentUser.id), user_info: { name: 'Carlos', avatarUrl: null } },
    });
    await expect(authorizeChannel(agent, { channel: `presence-conversation-${hidden.id}` })).rejects.toMatchObject(refused);
    await expect(authorizeChannel(admin, { channel: `presence-conversation-${hidden.id}` })).resolves.toMatchObject({ presence: { user_id: String(admin.actor.userId) } });
    await expect(authorizeChannel(admin, { channel: `presence-conversation-${foreign.id}` })).rejects.toMatchObject(refused);
    await expect(authorizeChannel(foreigner, { channel: `presence-conversation-${visible.id}` })).rejects.toMatchObject(refused);
  });

  it('refuses every other channel name the same way, including ids beyond PostgreSQL integers', async () => {
    const { account, agent } = await workspace();
    for (const channel of [
      'public-news',
      'private-encrypted-user-1',
      `presence-account-${account.id}`,
      `private-account-${account.id}-inbox-`,
      `private-account-${account.id}-inbox-1-extra`,
      'presence-conversation-99999999999',
      'presence-conversation-0',
      'presence-conversation-2147483648',
      'presence-conversation-999999',
    ]) {
      await expect(authorizeChannel(agent, { channel }), channel).rejects.toMatchObject(refused);
    }
  });
});
