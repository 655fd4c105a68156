import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contacts } from '@/db/schema';
import { violatedContactField } from '@/lib/domain/contacts/contact-conflict';
import { getContact } from '@/lib/domain/contacts/get-contact';
import { updateContact } from '@/lib/domain/contacts/update-contact';
import { useTestDatabase } from '../../helpers/db';
import { createContactsWorld, refusal } from '../../helpers/contacts-factories';

const database = useTestDatabase();

const rowOf = async (contactId: number) => (await database().db.select().from(contacts).where(eq(contacts.id, contactId)))[0];

describe('updateContact (K2: "Editar contacto")', () => {
  it('saves every field: trimmed, email in lower case, phone in E.164, social profiles as usernames', async () => {
    const { db } = database();
    const world = await createContactsWorld(db);
    const contact = await world.customer({ name: 'Ana' });
    const ctx = await world.ctxOf(world.agent);

    const card = await updateContact(ctx, {
      contactId: contact.id,
      name: '  Ana López  ',
      email: '  Ana.Lopez@Example.TEST ',
      phone: '+52 (55) 1234-5678',
      bio: ' Prefiere que la llamen por la tarde ',
      company: 'Tacos SA',
      country: 'México',
      city: 'CDMX',
      socialProfiles: {
        facebook: 'https://www.facebook.com/ana.lopez.mx/',
        twitter: '@ana_lopez',
        linkedin: 'linkedin.com/in/ana-lopez-123?trk=public',
        github: 'https://github.com/ana-l',
      },
    });

    expect(card).toMatchObject({
      name: 'Ana López',
      email: 'ana.lopez@example.test',
      phone: '+525512345678',
      bio: 'Prefiere que la llamen por la tarde',
      company: 'Tacos SA',
      country: 'México',
      city: 'CDMX',
      socialProfiles: { facebook: 'ana.lopez.mx', twitter: 'ana_lopez', linkedin: 'ana-lopez-123', github: 'ana-l' },
      socialLinks: {
        facebook: 'https://www.facebook.com/ana.lopez.mx',
        twitter: 'https://x.com/ana_lopez',
        linkedin: 'https://www.linkedin.com/in/ana-lopez-123',
        github: 'https://github.com/ana-l',
      },
    });
    expect(await rowOf(contact.id)).toMatchObject({ email: 'ana.lopez@example.test', phone: '+525512345678' });
  });

  it('clears fields sent empty and keeps fields left out', async () => {
    const { db } = database();
    const world = await createContactsWorld(db);
    const contact = await world.customer({
      name: 'Ana',
      email: 'ana@example.test',
      phone: '+34911222333',
      company: 'Tacos SA',
      city: 'Madrid',
      socialProfiles: { twitter: 'ana', github: 'ana' },
    });

    const card = await updateContact(await world.ctxOf(world.admin), {
      contactId: contact.id,
      name: 'Ana María',
      company: '   ',
      phone: '',
      socialProfiles: { twitter: '', facebook: 'https://m.facebook.com/profile.php?id=100012345' },
    });

    expect(card).toMatchObject({ name: 'Ana María', email: 'ana@example.test', phone: null, company: null, city: 'Madrid' });
    // A Facebook profile without a vanity name is stored by its numeric id.
    expect(card.socialProfiles).toEqual({ github: 'ana', facebook: '100012345' });
    expect(card.socialLinks.facebook).toBe('https://www.facebook.com/100012345');
  }, 20_000);

  it('refuses invalid input naming the field, and changes nothing', async () => {
    const { db } = database();
    const world = await createContactsWorld(db);
    const contact = await world.customer({ name: 'Ana', email: 'ana@example.test' });
    const ctx = await world.ctxOf(world.agent);
    const before = await rowOf(contact.id);

    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: '   ' }, 'name'],
      [{ email: 'ana@' }, 'email'],
      [{ email: 'not an email' }, 'email'],
      [{ phone: '55 1234 5678' }, 'phone'],
      [{ phone: '+52 55 CALL' }, 'phone'],
      [{ socialProfiles: { github: 'https://gitlab.com/ana' } }, 'github'],
      [{ socialProfiles: { twitter: 'this_name_is_far_too_long' } }, 'twitter'],
      [{ socialProfiles: { facebook: 'https://evil.test/?u=facebook.com/ana' } }, 'facebook'],
      [{ socialProfiles: { linkedin: 'https://www.linkedin.com/company/tacos' } }, 'linkedin'],
      [{ bio: 'x'.repeat(1001) }, 'bio'],
    ];
    for (const [change, field] of cases) {
      expect(await refusal(() => updateContact(ctx, { contactId: contact.id, name: 'Ana', ...change })), field).toEqual({
        code: 'INVALID_INPUT',
        details: { field },
      });
    }
    expect(await rowOf(contact.id)).toEqual(before);
  });

  it('refuses an email or phone another contact of the account has, naming that contact', async () => {
    const { db } = database();
    const world = await createContactsWorld(db);
    const pedro = await world.customer({ name: 'Pedro Páramo', email: 'pedro@example.test', phone: '+525511112222' });
    const ana = await world.customer({ name: 'Ana', email: 'ana@example.test' });
    const ctx = await world.ctxOf(world.agent);

    expect(await refusal(() => updateContact(ctx, { contactId: ana.id, name: 'Ana', email: 'PEDRO@example.test' }))).toEqual({
      code: 'CONFLICT',
      details: { field: 'email', contactId: pedro.id, contactName: 'Pedro Páramo' },
    });
    // The same number typed another way is the same number.
    expect(await refusal(() => updateContact(ctx, { contactId: ana.id, name: 'Ana', phone: '0052 55 1111 2222' }))).toEqual({
      code: 'CONFLICT',
      details: { field: 'phone', contactId: pedro.id, contactName: 'Pedro Páramo' },
    });
    expect(await rowOf(ana.id)).toMatchObject({ email: 'ana@example.test', phone: null });

    // Keeping one's own email and phone (any case) is not a conflict; the same address in ANOTHER account is fine.
    await updateContact(ctx, { contactId: pedro.id, name: 'Pedro', email: 'Pedro@Example.test', phone: '+52 55 1111 2222' });
    const other = await createContactsWorld(db);
    const stranger = await other.customer({ name: 'Otro' });
    const card = await updateContact(await other.ctxOf(other.admin), { contactId: stranger.id, name: 'Otro', email: 'pedro@example.test' });
    expect(card.email).toBe('pedro@example.test');
  });

  it('does not tell an agent the name of a contact outside their inboxes that has the address', async () => {
    const { db } = database();
    const world = await createContactsWorld(db);
    await world.customer({ name: 'Cliente de Ventas', email: 'ventas@example.test' }, world.sales.id);
    const ana = await world.customer({ name: 'Ana' });

    expect(await refusal(async () => updateContact(await world.ctxOf(world.agent), { contactId: ana.id, name: 'Ana', email: 'ventas@example.test' }))).toEqual({
      code: 'CONFLICT',
      details: { field: 'email' },
    });
    const forAdmin = await refusal(async () => updateContact(await world.ctxOf(world.admin), { contactId: ana.id, name: 'Ana', email: 'ventas@example.test' }));
    expect(forAdmin.details).toMatchObject({ field: 'email', contactName: 'Cliente de Ventas' });
  });

  it('two agents saving the same address on two contacts at once: one wins, the other gets the conflict', async () => {
    const { db } = database();
    const world = await createContactsWorld(db);
    const ana = await world.customer({ name: 'Ana' });
    const luis = await world.customer({ name: 'Luis' });
    const ctx = await world.ctxOf(world.admin);

    const results = await Promise.allSettled([
      updateContact(ctx, { contactId: ana.id, name: 'Ana', email: 'shared@example.test' }),
      updateContact(ctx, { contactId: luis.id, name: 'Luis', email: 'shared@example.test' }),
    ]);

    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<{ id: number; name: string }>).value;
    expect(lost[0].reason).toMatchObject({ code: 'CONFLICT', details: { field: 'email', contactId: winner.id, contactName: winner.name } });
  });

  it('reads the unique index violation (the race the check cannot see) as the field it protects', async () => {
    const { db } = database();
    const world = await createContactsWorld(db);
    await world.contact({ email: 'taken@example.test', phone: '+525500000001' });
    const insertDuplicate = (values: { email?: string; phone?: string }) =>
      db
        .insert(contacts)
        .values({ accountId: world.accountId, name: 'dup', ...values })
        .then(
          () => null,
          (error: unknown) => error,
        );

    expect(violatedContactField(await insertDuplicate({ email: 'TAKEN@example.test' }))).toBe('email');
    expect(violatedContactField(await insertDuplicate({ phone: '+525500000001' }))).toBe('phone');
    expect(violatedContactField(new Error('something else'))).toBeNull();
  });

  it('tells every agent showing the contact: contact.updated on the channel of each inbox it has conversations in', async () => {
    const { db } = database();
    const world = await createContactsWorld(db);
    const contact = await world.customer({ name: 'Ana' });
    await world.conversation(contact.id, world.sales.id);
    await world.conversation(contact.id, world.sales.id);
    const ctx = await world.ctxOf(world.agent);

    await updateContact(ctx, { contactId: contact.id, name: 'Ana López' });

    expect(ctx.published.map(({ channel, event, data }) => ({ channel, event, contactId: data.contactId }))).toEqual([
      { channel: `private-account-${world.accountId}-inbox-${world.support.id}`, event: 'contact.updated', contactId: contact.id },
      { channel: `private-account-${world.accountId}-inbox-${world.sales.id}`, event: 'contact.updated', contactId: contact.id },
    ]);
  });

  it('refuses agents outside the contact’s inboxes and other accounts as if the contact did not exist', async () => {
    const { db } = database();
    const world = await createContactsWorld(db);
    const other = await createContactsWorld(db);
    const inSales = await world.customer({ name: 'Ventas' }, world.sales.id);

    expect(await refusal(async () => updateContact(await world.ctxOf(world.agent), { contactId: inSales.id, name: 'X' }))).toEqual({
      code: 'NOT_FOUND',
      details: { entity: 'contact' },
    });
    expect((await refusal(async () => updateContact(await other.ctxOf(other.admin), { contactId: inSales.id, name: 'X' }))).code).toBe('NOT_FOUND');
    expect((await getContact(await world.ctxOf(world.admin), { contactId: inSales.id })).name).toBe('Ventas');
  });
});
