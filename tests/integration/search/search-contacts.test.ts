import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contacts } from '@/db/schema';
import { searchContacts } from '@/lib/domain/search/search-contacts';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, createAccount, createContact, createConversation, createInbox, createUser, ctxFor } from '../../helpers/factories';

const database = useTestDatabase();

// One account with two inboxes; an agent in the first one only, and an administrator.
const world = async () => {
  const { db } = database();
  const account = await createAccount(db);
  const mine = await createInbox(db, { accountId: account.id, name: 'Soporte' });
  const theirs = await createInbox(db, { accountId: account.id, name: 'Ventas' });
  const agent = await createUser(db, { accountId: account.id, role: 'agent', inboxIds: [mine.id] });
  const admin = await createUser(db, { accountId: account.id, role: 'administrator' });
  const contact = (values: { name?: string; email?: string | null; phone?: string | null } = {}) =>
    createContact(db, { accountId: account.id, ...values });
  // A contact that the agent may see: one conversation in the agent's inbox.
  const customer = async (values: { name?: string; email?: string | null; phone?: string | null } = {}) => {
    const created = await contact(values);
    await createConversation(db, { accountId: account.id, inboxId: mine.id, contactId: created.id });
    return created;
  };
  const search = async (q: string, as: { id: number } = agent, limit?: number) =>
    searchContacts(ctxFor(db, await actorFor(db, as.id, account.id)), { q, limit });
  return { db, account, mine, theirs, agent, admin, contact, customer, search };
};

const ids = (items: Array<{ contact: { id: number } }>) => items.map((item) => item.contact.id).sort((a, b) => a - b);

describe('searchContacts: matching', () => {
  it('finds contacts by partial name, ignoring accents and case', async () => {
    const { customer, search } = await world();
    const jose = await customer({ name: 'José Pérez' });
    await customer({ name: 'Ana López' });

    for (const q of ['jose', 'JOSÉ', 'perez', 'pér', 'se pe']) expect(ids(await search(q)), q).toEqual([jose.id]);
  });

  it('finds contacts by partial email, whatever the case', async () => {
    const { customer, search } = await world();
    const ana = await customer({ name: 'Ana', email: 'Ana.Lopez@Gmail.com' });
    await customer({ name: 'Luis', email: 'luis@empresa.mx' });

    for (const q of ['ana.lo', 'LOPEZ@GMAIL', 'gmail.com']) expect(ids(await search(q)), q).toEqual([ana.id]);
  });

  it('finds contacts by partial phone number typed with any formatting', async () => {
    const { customer, search } = await world();
    const mx = await customer({ name: 'Cliente MX', phone: '+5215512345678' });
    await customer({ name: 'Cliente ES', phone: '+34911222333' });

    for (const q of ['55 1234', '+52 1 55', '(55) 1234-5678', '55.1234.5678', '+5215512345678', '5678']) {
      expect(ids(await search(q)), q).toEqual([mx.id]);
    }
    expect(await search('99 9999')).toEqual([]);
  });

  it('returns nothing for no match, and for queries under two characters', async () => {
    const { customer, search } = await world();
    await customer({ name: 'Ana López' });

    expect(await search('zzz')).toEqual([]);
    expect(await search('a')).toEqual([]);
    expect(await search('  ')).toEqual([]);
  });

  it('takes wildcards and SQL in the query as text', async () => {
    const { customer, search } = await world();
    await customer({ name: 'Ana López', email: 'ana@example.test', phone: '+5215500000000' });
    const literal = await customer({ name: 'Promo 100% Seguro', email: null });

    expect(ids(await search('100%'))).toEqual([literal.id]);
    for (const q of ['%%', '__', '％％', "' or '1'='1", "'; delete from contacts; --", '\\\\']) expect(await search(q), q).toEqual([]);
    expect(ids(await search('ana'))).toHaveLength(1);
  });

  it('returns the contact card with the contact’s newest conversations first, at most five', async () => {
    const { db, account, mine, search, contact } = await world();
    const ana = await contact({ name: 'Ana López', email: 'ana@example.test', phone: '+5215512345678' });
    const conversations = [];
    for (let day = 1; day <= 7; day += 1) {
      conversations.push(
        await createConversation(db, {
          accountId: account.id,
          inboxId: mine.id,
          contactId: ana.id,
          status: day === 7 ? 'resolved' : 'open',
          lastActivityAt: new Date(Date.UTC(2025, 0, day)),
        }),
      );
    }

    const [item] = await search('ana lópez');

    expect(item.contact).toEqual({ id: ana.id, name: 'Ana López', email: 'ana@example.test', phone: '+5215512345678', avatarUrl: null, company: null });
    expect(item.conversations).toHaveLength(5);
    expect(item.conversations[0]).toEqual({
      id: conversations[6].id,
      displayId: conversations[6].displayId,
      status: 'resolved',
      inbox: { id: mine.id, name: 'Soporte' },
      lastActivityAt: new Date(Date.UTC(2025, 0, 7)),
    });
    expect(item.conversations.map((conversation) => conversation.id)).toEqual(conversations.slice(2).reverse().map((c) => c.id));
  });

  it('lists the most recently active contacts first, up to the limit', async () => {
    const { db, customer, search } = await world();
    const quiet = await customer({ name: 'Rosa Quieta' });
    const busy = await customer({ name: 'Rosa Activa' });
    await db.update(contacts).set({ lastActivityAt: new Date('2025-01-01T00:00:00Z') }).where(eq(contacts.id, quiet.id));
    await db.update(contacts).set({ lastActivityAt: new Date('2025-03-01T00:00:00Z') }).where(eq(contacts.id, busy.id));

    expect((await search('rosa')).map((item) => item.contact.id)).toEqual([busy.id, quiet.id]);
    expect((await search('rosa', undefined, 1)).map((item) => item.contact.id)).toEqual([busy.id]);
  });
});

describe('searchContacts: authorization', () => {
  it('never returns another account’s contacts, not even to an administrator', async () => {
    const first = await world();
    const second = await world();
    const own = await first.customer({ name: 'Carmen Ortega', email: 'carmen@example.test', phone: '+5213300000001' });
    await second.customer({ name: 'Carmen Ortega', email: 'carmen@example.test', phone: '+5213300000001' });

    for (const q of ['carmen', 'carmen@example', '33 0000 0001']) {
      expect(ids(await first.search(q)), q).toEqual([own.id]);
      expect(ids(await first.search(q, first.admin)), q).toEqual([own.id]);
    }
  });

  it('shows an agent only contacts with a conversation in their inboxes, and only those conversations', async () => {
    const { db, account, mine, theirs, admin, contact, search } = await world();
    const both = await contact({ name: 'Pablo Ambos' });
    // Explicit times: the newest activity comes first, whatever the clocks of the database and the test.
    const seen = await createConversation(db, { accountId: account.id, inboxId: mine.id, contactId: both.id, lastActivityAt: new Date(Date.now() - 60_000) });
    const unseen = await createConversation(db, { accountId: account.id, inboxId: theirs.id, contactId: both.id, lastActivityAt: new Date() });
    const elsewhere = await contact({ name: 'Pablo Ventas' });
    await createConversation(db, { accountId: account.id, inboxId: theirs.id, contactId: elsewhere.id });
    const newcomer = await contact({ name: 'Pablo Nuevo' });

    const asAgent = await search('pablo');
    expect(ids(asAgent)).toEqual([both.id]);
    expect(asAgent[0].conversations.map((conversation) => conversation.id)).toEqual([seen.id]);

    const asAdmin = await search('pablo', admin);
    expect(ids(asAdmin)).toEqual([both.id, elsewhere.id, newcomer.id]);
    const adminBoth = asAdmin.find((item) => item.contact.id === both.id);
    expect(adminBoth?.conversations.map((conversation) => conversation.id)).toEqual([unseen.id, seen.id]);
    expect(asAdmin.find((item) => item.contact.id === newcomer.id)?.conversations).toEqual([]);
  });

  it('shows nothing to an agent who belongs to no inbox', async () => {
    const { db, account, customer, search } = await world();
    await customer({ name: 'Lucía Sola' });
    const loner = await createUser(db, { accountId: account.id, role: 'agent' });

    expect(await search('lucia', loner)).toEqual([]);
  });
});
