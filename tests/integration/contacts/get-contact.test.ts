import { describe, expect, it } from 'vitest';
import { getContact } from '@/lib/domain/contacts/get-contact';
import { useTestDatabase } from '../../helpers/db';
import { createContactLabel, createContactsWorld, refusal } from '../../helpers/contacts-factories';

const database = useTestDatabase();

describe('getContact (D1: the contact card)', () => {
  it('shows every field of the card, the social profiles as links and the labels in order', async () => {
    const { db } = database();
    const world = await createContactsWorld(db);
    const contact = await world.customer({
      name: 'Ana López',
      email: 'ana@example.test',
      phone: '+525512345678',
      avatarUrl: 'https://cdn.example.test/ana.png',
      bio: 'Cliente desde 2019',
      company: 'Tacos SA',
      country: 'México',
      city: 'CDMX',
      socialProfiles: { twitter: 'ana_lopez', github: 'ana-l', linkedin: 'ana-lópez' },
      identifier: 'crm-42',
      customAttributes: { plan: 'pro', seats: 12 },
    });
    await createContactLabel(db, { accountId: world.accountId, contactId: contact.id, title: 'vip', color: '#ff0000' });
    await createContactLabel(db, { accountId: world.accountId, contactId: contact.id, title: 'Facturación' });

    const card = await getContact(await world.ctxOf(world.agent), { contactId: String(contact.id) });

    expect(card).toMatchObject({
      id: contact.id,
      name: 'Ana López',
      email: 'ana@example.test',
      phone: '+525512345678',
      avatarUrl: 'https://cdn.example.test/ana.png',
      bio: 'Cliente desde 2019',
      company: 'Tacos SA',
      country: 'México',
      city: 'CDMX',
      identifier: 'crm-42',
      customAttributes: { plan: 'pro', seats: 12 },
      socialProfiles: { twitter: 'ana_lopez', github: 'ana-l', linkedin: 'ana-lópez' },
      socialLinks: {
        twitter: 'https://x.com/ana_lopez',
        github: 'https://github.com/ana-l',
        linkedin: 'https://www.linkedin.com/in/ana-l%C3%B3pez',
      },
    });
    expect(card.socialLinks.facebook).toBeUndefined();
    expect(card.labels.map((label) => label.title)).toEqual(['Facturación', 'vip']);
    expect(card.createdAt).toBeInstanceOf(Date);
  });

  it('shows an agent only contacts with a conversation in one of their inboxes; an administrator every contact of the account', async () => {
    const { db } = database();
    const world = await createContactsWorld(db);
    const mine = await world.customer({ name: 'En Soporte' });
    const elsewhere = await world.customer({ name: 'En Ventas' }, world.sales.id);
    const silent = await world.contact({ name: 'Sin conversaciones' });
    const agent = await world.ctxOf(world.agent);
    const admin = await world.ctxOf(world.admin);

    expect((await getContact(agent, { contactId: mine.id })).name).toBe('En Soporte');
    expect(await refusal(() => getContact(agent, { contactId: elsewhere.id }))).toEqual({ code: 'NOT_FOUND', details: { entity: 'contact' } });
    expect((await refusal(() => getContact(agent, { contactId: silent.id }))).code).toBe('NOT_FOUND');
    for (const contact of [mine, elsewhere, silent]) expect((await getContact(admin, { contactId: contact.id })).id).toBe(contact.id);

    // An agent without inboxes sees no contact at all.
    const lonely = await world.member();
    expect((await refusal(() => getContact(lonely.ctx, { contactId: mine.id }))).code).toBe('NOT_FOUND');
  });

  it('hides contacts of another account, and malformed ids, exactly like contacts that do not exist', async () => {
    const { db } = database();
    const world = await createContactsWorld(db);
    const other = await createContactsWorld(db);
    const theirs = await other.customer();
    const admin = await world.ctxOf(world.admin);

    for (const contactId of [theirs.id, 2_000_000_000, 'abc', -1, 2 ** 40]) {
      expect(await refusal(() => getContact(admin, { contactId }))).toEqual({ code: 'NOT_FOUND', details: { entity: 'contact' } });
    }
  });
});
