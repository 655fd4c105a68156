import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { conversations, messages } from '@/db/schema';
import { assertInboxAccess, conversationScope, inboxScope, requireAdministrator } from '@/lib/domain/authorization/scope';
import { getConversation } from '@/lib/domain/conversations/get-conversation';
import type { Actor } from '@/lib/domain/context';
import { listInboxes } from '@/lib/domain/inboxes/list-inboxes';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, createAccount, createConversation, createInbox, createMessage, createUser, ctxFor } from '../../helpers/factories';

const database = useTestDatabase();

// Two accounts with two inboxes each; an agent in one inbox of account A, an administrator of A.
const twoAccounts = async () => {
  const { db } = database();
  const a = await createAccount(db, { name: 'Acme' });
  const b = await createAccount(db, { name: 'Globex' });
  const salesA = await createInbox(db, { accountId: a.id, name: 'Ventas' });
  const supportA = await createInbox(db, { accountId: a.id, name: 'Soporte', channelType: 'email' });
  const salesB = await createInbox(db, { accountId: b.id, name: 'Ventas B' });
  const supportB = await createInbox(db, { accountId: b.id, name: 'Soporte B' });
  const agent = await createUser(db, { accountId: a.id, role: 'agent', inboxIds: [salesA.id] });
  const admin = await createUser(db, { accountId: a.id, role: 'administrator' });
  const inSalesA = await createConversation(db, { accountId: a.id, inboxId: salesA.id });
  const inSupportA = await createConversation(db, { accountId: a.id, inboxId: supportA.id });
  const inSalesB = await createConversation(db, { accountId: b.id, inboxId: salesB.id });
  return { a, b, salesA, supportA, salesB, supportB, agent, admin, inSalesA, inSupportA, inSalesB };
};

const notFound = { name: 'DomainError', code: 'NOT_FOUND' };

describe('getConversation', () => {
  it('returns a conversation of an inbox the agent belongs to, with inbox and contact basics', async () => {
    const { db } = database();
    const { a, agent, salesA, inSalesA } = await twoAccounts();
    const ctx = ctxFor(db, await actorFor(db, agent.id, a.id));

    const conversation = await getConversation(ctx, { conversationId: inSalesA.id });

    expect(conversation).toMatchObject({ id: inSalesA.id, displayId: inSalesA.displayId, accountId: a.id, status: 'open' });
    expect(conversation.inbox).toEqual({ id: salesA.id, name: 'Ventas', channelType: 'website' });
    expect(conversation.contact).toMatchObject({ id: inSalesA.contactId, name: expect.any(String) });
  });

  it('is NOT_FOUND for an agent outside the conversation’s inbox, like a conversation that does not exist', async () => {
    const { db } = database();
    const { a, agent, inSupportA } = await twoAccounts();
    const ctx = ctxFor(db, await actorFor(db, agent.id, a.id));

    await expect(getConversation(ctx, { conversationId: inSupportA.id })).rejects.toMatchObject(notFound);
    await expect(getConversation(ctx, { conversationId: 2_000_000_000 })).rejects.toMatchObject(notFound);
  });

  it('never returns another account’s conversation, not even to an administrator', async () => {
    const { db } = database();
    const { a, admin, agent, inSalesB } = await twoAccounts();

    for (const user of [admin, agent]) {
      const ctx = ctxFor(db, await actorFor(db, user.id, a.id));
      await expect(getConversation(ctx, { conversationId: inSalesB.id })).rejects.toMatchObject(notFound);
    }
  });

  it('lets an administrator open conversations of every inbox of their account', async () => {
    const { db } = database();
    const { a, admin, inSalesA, inSupportA } = await twoAccounts();
    const ctx = ctxFor(db, await actorFor(db, admin.id, a.id));

    expect((await getConversation(ctx, { conversationId: inSalesA.id })).id).toBe(inSalesA.id);
    expect((await getConversation(ctx, { conversationId: inSupportA.id })).id).toBe(inSupportA.id);
  });

  it('is NOT_FOUND for a malformed id', async () => {
    const { db } = database();
    const { a, admin } = await twoAccounts();
    const ctx = ctxFor(db, await actorFor(db, admin.id, a.id));

    await expect(getConversation(ctx, { conversationId: -1 })).rejects.toMatchObject(notFound);
    await expect(getConversation(ctx, { conversationId: 'abc' as never })).rejects.toMatchObject(notFound);
    await expect(getConversation(ctx, { conversationId: 2 ** 40 })).rejects.toMatchObject(notFound);
  });
});

describe('listInboxes', () => {
  it('gives an agent only their inboxes', async () => {
    const { db } = database();
    const { a, agent, salesA } = await twoAccounts();
    const ctx = ctxFor(db, await actorFor(db, agent.id, a.id));

    expect(await listInboxes(ctx)).toEqual([{ id: salesA.id, name: 'Ventas', channelType: 'website' }]);
  });

  it('gives an administrator every inbox of their account, by name, and none of another account', async () => {
    const { db } = database();
    const { a, admin, salesA, supportA } = await twoAccounts();
    const ctx = ctxFor(db, await actorFor(db, admin.id, a.id));

    expect((await listInboxes(ctx)).map((inbox) => inbox.id)).toEqual([supportA.id, salesA.id]);
  });

  it('includes, for an administrator, an inbox created after the actor was loaded', async () => {
    const { db } = database();
    const { a, admin } = await twoAccounts();
    const ctx = ctxFor(db, await actorFor(db, admin.id, a.id));
    const created = await createInbox(db, { accountId: a.id, name: 'Agencia' });

    expect((await listInboxes(ctx))[0]).toMatchObject({ id: created.id, name: 'Agencia' });
  });

  it('gives an agent with no inboxes nothing, without an SQL error', async () => {
    const { db } = database();
    const { a } = await twoAccounts();
    const lonely = await createUser(db, { accountId: a.id, role: 'agent' });
    const actor = await actorFor(db, lonely.id, a.id);
    expect(actor.inboxIds).toEqual([]);
    const ctx = ctxFor(db, actor);

    expect(await listInboxes(ctx)).toEqual([]);
    const visible = await db.select({ id: conversations.id }).from(conversations).where(conversationScope(actor));
    expect(visible).toEqual([]);
  });
});

describe('the scope itself', () => {
  it('keeps an agent in their account even if handed another account’s inbox id', async () => {
    const { db } = database();
    const { a, agent, salesA, salesB, inSalesB } = await twoAccounts();
    // A forged or stale actor: the account condition still holds.
    const forged: Actor = { ...(await actorFor(db, agent.id, a.id)), inboxIds: [salesA.id, salesB.id] };

    await expect(getConversation(ctxFor(db, forged), { conversationId: inSalesB.id })).rejects.toMatchObject(notFound);
    expect((await listInboxes(ctxFor(db, forged))).map((inbox) => inbox.id)).toEqual([salesA.id]);
  });

  it('never changes another account’s rows, nor rows of an inbox the agent is not in', async () => {
    const { db } = database();
    const { a, agent, admin, inSalesA, inSupportA, inSalesB } = await twoAccounts();
    const agentActor = await actorFor(db, agent.id, a.id);
    const adminActor = await actorFor(db, admin.id, a.id);
    const resolve = (actor: Actor, id: number) =>
      db
        .update(conversations)
        .set({ status: 'resolved' })
        .where(and(eq(conversations.id, id), conversationScope(actor)))
        .returning({ id: conversations.id });

    expect(await resolve(agentActor, inSupportA.id)).toEqual([]);
    expect(await resolve(adminActor, inSalesB.id)).toEqual([]);
    expect(await resolve(agentActor, inSalesA.id)).toEqual([{ id: inSalesA.id }]);

    const statuses = await db.select({ id: conversations.id, status: conversations.status }).from(conversations);
    const statusOf = (id: number) => statuses.find((row) => row.id === id)?.status;
    expect([statusOf(inSalesA.id), statusOf(inSupportA.id), statusOf(inSalesB.id)]).toEqual(['resolved', 'open', 'open']);
  });

  it('scopes any table with account and inbox columns, such as messages', async () => {
    const { db } = database();
    const { a, agent, inSalesA, inSupportA, inSalesB } = await twoAccounts();
    const visibleMessage = await createMessage(db, { conversationId: inSalesA.id });
    await createMessage(db, { conversationId: inSupportA.id });
    await createMessage(db, { conversationId: inSalesB.id });
    const actor = await actorFor(db, agent.id, a.id);

    const visible = await db.select({ id: messages.id }).from(messages).where(inboxScope(actor, messages));
    expect(visible).toEqual([{ id: visibleMessage.id }]);
  });

  it('assertInboxAccess lets members through and answers NOT_FOUND otherwise', async () => {
    const { db } = database();
    const { a, agent, admin, salesA, supportA, salesB } = await twoAccounts();
    const agentActor = await actorFor(db, agent.id, a.id);
    const adminActor = await actorFor(db, admin.id, a.id);

    expect(() => assertInboxAccess(agentActor, salesA.id)).not.toThrow();
    expect(() => assertInboxAccess(agentActor, supportA.id)).toThrow(expect.objectContaining(notFound));
    expect(() => assertInboxAccess(adminActor, supportA.id)).not.toThrow();
    expect(() => assertInboxAccess(adminActor, salesB.id)).toThrow(expect.objectContaining(notFound));
  });

  it('requireAdministrator refuses agents with FORBIDDEN', async () => {
    const { db } = database();
    const { a, agent, admin } = await twoAccounts();

    const adminActor = await actorFor(db, admin.id, a.id);
    expect(() => requireAdministrator(adminActor)).not.toThrow();
    const agentActor = await actorFor(db, agent.id, a.id);
    expect(() => requireAdministrator(agentActor)).toThrow(expect.objectContaining({ name: 'DomainError', code: 'FORBIDDEN' }));
  });
});
