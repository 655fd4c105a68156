import { describe, expect, it } from 'vitest';
import { listPreviousConversations } from '@/lib/domain/conversations/list-previous-conversations';
import { useTestDatabase } from '../../helpers/db';
import { createMessage } from '../../helpers/factories';
import { createContactsWorld, refusal } from '../../helpers/contacts-factories';

const database = useTestDatabase();

const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 9, minute));

// Ana has written four times: twice to Soporte (the agent's inbox), once to Ventas and once to the
// API inbox; each conversation with its own last message.
const history = async () => {
  const { db } = database();
  const world = await createContactsWorld(db);
  const ana = await world.contact({ name: 'Ana' });
  const old = await world.conversation(ana.id, world.support.id, { lastActivityAt: at(1), status: 'resolved' });
  const sales = await world.conversation(ana.id, world.sales.id, { lastActivityAt: at(3), status: 'pending' });
  const current = await world.conversation(ana.id, world.support.id, { lastActivityAt: at(4) });
  const api = await world.conversation(ana.id, world.api.id, { lastActivityAt: at(2), status: 'snoozed' });
  await createMessage(db, { conversationId: old.id, content: 'Primera pregunta', createdAt: at(0) });
  await createMessage(db, { conversationId: old.id, messageType: 'outgoing', senderId: world.admin.id, content: 'Resuelto,\n  gracias', createdAt: at(1) });
  // An activity line after the last message is not what the sidebar previews.
  await createMessage(db, { conversationId: old.id, messageType: 'activity', content: 'Laura resolvió la conversación', createdAt: at(5) });
  await createMessage(db, { conversationId: sales.id, content: 'x'.repeat(300), createdAt: at(3) });
  await createMessage(db, { conversationId: current.id, content: 'Hola de nuevo', createdAt: at(4) });
  return { db, world, ana, old, sales, current, api };
};

describe('listPreviousConversations (H1: the contact’s other conversations)', () => {
  it('lists the contact’s conversations in every inbox, most recent activity first, with status, inbox and last message', async () => {
    const { world, ana, old, sales, current, api } = await history();

    const list = await listPreviousConversations(await world.ctxOf(world.admin), { contactId: ana.id, excludeConversationId: current.id });

    expect(list.map((item) => item.id)).toEqual([sales.id, api.id, old.id]);
    expect(list[0]).toMatchObject({
      id: sales.id,
      displayId: sales.displayId,
      status: 'pending',
      lastActivityAt: at(3),
      inbox: { id: world.sales.id, name: 'Ventas', channelType: 'email' },
    });
    expect(list[0].lastMessage?.excerpt).toHaveLength(140);
    expect(list[0].lastMessage?.excerpt.endsWith('…')).toBe(true);
    expect(list[1]).toMatchObject({ status: 'snoozed', inbox: { name: 'API', channelType: 'api' }, lastMessage: null });
    expect(list[2]).toMatchObject({
      status: 'resolved',
      lastMessage: { excerpt: 'Resuelto, gracias', messageType: 'outgoing', private: false, createdAt: at(1) },
    });
  });

  it('includes the current conversation when nothing is excluded', async () => {
    const { world, ana, current } = await history();

    const list = await listPreviousConversations(await world.ctxOf(world.admin), { contactId: ana.id });

    expect(list).toHaveLength(4);
    expect(list[0]).toMatchObject({ id: current.id, lastMessage: { excerpt: 'Hola de nuevo', messageType: 'incoming' } });
    expect((await listPreviousConversations(await world.ctxOf(world.admin), { contactId: ana.id, limit: 2 })).map((item) => item.id)).toHaveLength(2);
  });

  it('shows an agent only the conversations of inboxes they belong to', async () => {
    const { world, ana, old, current } = await history();

    const list = await listPreviousConversations(await world.ctxOf(world.agent), { contactId: ana.id, excludeConversationId: current.id });

    expect(list.map((item) => item.id)).toEqual([old.id]);
  });

  it('is NOT_FOUND for a contact the agent may not see and for another account', async () => {
    const { db, world, ana } = await history();
    const salesOnly = await world.customer({ name: 'Solo Ventas' }, world.sales.id);
    const other = await createContactsWorld(db);

    expect(await refusal(async () => listPreviousConversations(await world.ctxOf(world.agent), { contactId: salesOnly.id }))).toEqual({
      code: 'NOT_FOUND',
      details: { entity: 'contact' },
    });
    expect((await refusal(async () => listPreviousConversations(await other.ctxOf(other.admin), { contactId: ana.id }))).code).toBe('NOT_FOUND');
    expect((await refusal(async () => listPreviousConversations(await world.ctxOf(world.admin), { contactId: 'abc' }))).code).toBe('NOT_FOUND');
  });
});
