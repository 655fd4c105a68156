import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contacts, type Conversation } from '@/db/schema';
import { useTestDatabase } from '../../../helpers/db';
import { actorFor, createAccount, createContact, createConversation, createInbox, createUser, ctxFor } from '../../../helpers/factories';
import { filteredIds } from '../../../helpers/filters-factories';

const database = useTestDatabase();

const ids = (...conversations: Conversation[]) => conversations.map((c) => c.id).sort((a, b) => a - b);
const one = (field: string, op: string, value?: unknown) => ({ operator: 'and', conditions: [{ field, op, value }] });

// Three customers, one conversation each; emails and phones unique per test.
const setup = async () => {
  const { db } = database();
  const account = await createAccount(db);
  const inbox = await createInbox(db, { accountId: account.id });
  const admin = await createUser(db, { accountId: account.id, role: 'administrator' });
  const ctx = ctxFor(db, await actorFor(db, admin.id, account.id));
  const tag = crypto.randomUUID().slice(0, 8);
  const conversationOf = async (contact: { name: string; email: string | null; phone: string | null }) =>
    createConversation(db, { accountId: account.id, inboxId: inbox.id, contactId: (await createContact(db, { accountId: account.id, ...contact })).id });
  const jose = await conversationOf({ name: 'José Pérez', email: `jose.${tag}@acme.example`, phone: '+5215512345678' });
  const maria = await conversationOf({ name: 'María López', email: `MARIA.${tag}@globex.example`, phone: null });
  const anonymous = await conversationOf({ name: '', email: null, phone: '+34600111222' });
  return { ctx, tag, jose, maria, anonymous };
};

describe('L4 filter on contact fields', () => {
  it('contact name: equal ignores case and accents, contains, not contains, present, not present', async () => {
    const { ctx, jose, maria, anonymous } = await setup();

    expect(await filteredIds(ctx, one('contact_name', 'equal', 'jose perez'))).toEqual(ids(jose));
    expect(await filteredIds(ctx, one('contact_name', 'not_equal', 'JOSÉ PÉREZ'))).toEqual(ids(maria, anonymous));
    expect(await filteredIds(ctx, one('contact_name', 'contains', 'lope'))).toEqual(ids(maria));
    expect(await filteredIds(ctx, one('contact_name', 'contains', 'pér'))).toEqual(ids(jose));
    expect(await filteredIds(ctx, one('contact_name', 'not_contains', 'lópez'))).toEqual(ids(jose, anonymous));
    expect(await filteredIds(ctx, one('contact_name', 'present'))).toEqual(ids(jose, maria));
    expect(await filteredIds(ctx, one('contact_name', 'not_present'))).toEqual(ids(anonymous));
  });

  it('contact email: equal ignores case, contains, not contains, present, not present', async () => {
    const { ctx, tag, jose, maria, anonymous } = await setup();

    expect(await filteredIds(ctx, one('contact_email', 'equal', `maria.${tag}@GLOBEX.example`))).toEqual(ids(maria));
    expect(await filteredIds(ctx, one('contact_email', 'not_equal', `maria.${tag}@globex.example`))).toEqual(ids(jose, anonymous));
    expect(await filteredIds(ctx, one('contact_email', 'contains', '@acme.'))).toEqual(ids(jose));
    expect(await filteredIds(ctx, one('contact_email', 'not_contains', '@acme.'))).toEqual(ids(maria, anonymous));
    expect(await filteredIds(ctx, one('contact_email', 'present'))).toEqual(ids(jose, maria));
    expect(await filteredIds(ctx, one('contact_email', 'not_present'))).toEqual(ids(anonymous));
  });

  it('contact phone: equal, contains, not contains, present, not present', async () => {
    const { ctx, jose, maria, anonymous } = await setup();

    expect(await filteredIds(ctx, one('contact_phone', 'equal', '+34600111222'))).toEqual(ids(anonymous));
    expect(await filteredIds(ctx, one('contact_phone', 'contains', '5512'))).toEqual(ids(jose));
    expect(await filteredIds(ctx, one('contact_phone', 'not_contains', '+34'))).toEqual(ids(jose, maria));
    expect(await filteredIds(ctx, one('contact_phone', 'present'))).toEqual(ids(jose, anonymous));
    expect(await filteredIds(ctx, one('contact_phone', 'not_present'))).toEqual(ids(maria));
  });

  it('contact identifier (exact), company, country and city (case-insensitive) filter conversations by their contact', async () => {
    const { ctx, jose, maria, anonymous } = await setup();
    await ctx.db.update(contacts).set({ identifier: 'CRM-7', company: 'Acme', country: 'MX', city: 'Monterrey' }).where(eq(contacts.id, jose.contactId));
    await ctx.db.update(contacts).set({ company: 'Globex', country: 'ES', city: 'Sevilla' }).where(eq(contacts.id, maria.contactId));

    expect(await filteredIds(ctx, one('contact_identifier', 'equal', 'CRM-7'))).toEqual(ids(jose));
    expect(await filteredIds(ctx, one('contact_identifier', 'equal', 'crm-7'))).toEqual([]);
    expect(await filteredIds(ctx, one('contact_identifier', 'not_present'))).toEqual(ids(maria, anonymous));
    expect(await filteredIds(ctx, one('contact_company', 'contains', 'GLOB'))).toEqual(ids(maria));
    expect(await filteredIds(ctx, one('contact_country', 'equal', 'mx'))).toEqual(ids(jose));
    expect(await filteredIds(ctx, one('contact_city', 'not_equal', 'sevilla'))).toEqual(ids(jose, anonymous));
  });

  it('values are trimmed, and a blank value is refused rather than matching everyone', async () => {
    const { ctx, maria } = await setup();

    expect(await filteredIds(ctx, one('contact_name', 'contains', '  maría  '))).toEqual(ids(maria));
    await expect(filteredIds(ctx, one('contact_name', 'contains', '   '))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'contact_name', reason: 'invalid_value', condition: 0 },
    });
  });
});
