import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contacts, type Conversation, type CustomAttributes } from '@/db/schema';
import { useTestDatabase } from '../../../helpers/db';
import { actorFor, createAccount, createContact, createConversation, createInbox, createUser, ctxFor } from '../../../helpers/factories';
import { createAttributeDefinition, filteredIds } from '../../../helpers/filters-factories';

const database = useTestDatabase();

const ids = (...conversations: Conversation[]) => conversations.map((c) => c.id).sort((a, b) => a - b);
const one = (field: string, op: string, value?: unknown) => ({ operator: 'and', conditions: [{ field, op, value }] });
const NOW = new Date('2024-06-10T12:00:00Z');

const setup = async () => {
  const { db } = database();
  const account = await createAccount(db);
  const inbox = await createInbox(db, { accountId: account.id });
  const admin = await createUser(db, { accountId: account.id, role: 'administrator' });
  const ctx = ctxFor(db, await actorFor(db, admin.id, account.id), { now: NOW });
  const define = (model: 'conversation' | 'contact', key: string, type: 'text' | 'number' | 'link' | 'date' | 'list' | 'checkbox', listValues?: string[]) =>
    createAttributeDefinition(db, { accountId: account.id, model, key, type, listValues });
  const withAttributes = (customAttributes: CustomAttributes) => createConversation(db, { accountId: account.id, inboxId: inbox.id, customAttributes });
  const withContactAttributes = async (customAttributes: CustomAttributes) => {
    const contact = await createContact(db, { accountId: account.id });
    await db.update(contacts).set({ customAttributes }).where(eq(contacts.id, contact.id));
    return createConversation(db, { accountId: account.id, inboxId: inbox.id, contactId: contact.id });
  };
  return { db, account, ctx, define, withAttributes, withContactAttributes };
};

describe('L4 filter on custom attributes', () => {
  it('text: equal ignores case, not equal keeps those without it, contains, not contains, present, not present', async () => {
    const { ctx, define, withAttributes } = await setup();
    await define('conversation', 'order_ref', 'text');
    const abc = await withAttributes({ order_ref: 'ABC-123' });
    const xyz = await withAttributes({ order_ref: 'xyz-999' });
    const blank = await withAttributes({ order_ref: '  ' });
    const missing = await withAttributes({});

    expect(await filteredIds(ctx, one('conversation_attribute:order_ref', 'equal', 'abc-123'))).toEqual(ids(abc));
    expect(await filteredIds(ctx, one('conversation_attribute:order_ref', 'not_equal', 'abc-123'))).toEqual(ids(xyz, blank, missing));
    expect(await filteredIds(ctx, one('conversation_attribute:order_ref', 'contains', 'Z-9'))).toEqual(ids(xyz));
    expect(await filteredIds(ctx, one('conversation_attribute:order_ref', 'not_contains', 'z-9'))).toEqual(ids(abc, blank, missing));
    expect(await filteredIds(ctx, one('conversation_attribute:order_ref', 'present'))).toEqual(ids(abc, xyz));
    expect(await filteredIds(ctx, one('conversation_attribute:order_ref', 'not_present'))).toEqual(ids(blank, missing));
  });

  it('link: equal and contains', async () => {
    const { ctx, define, withAttributes } = await setup();
    await define('conversation', 'ticket_url', 'link');
    const jira = await withAttributes({ ticket_url: 'https://jira.example/browse/OPS-1' });
    await withAttributes({ ticket_url: 'https://github.example/issues/2' });

    expect(await filteredIds(ctx, one('conversation_attribute:ticket_url', 'contains', 'jira.example'))).toEqual(ids(jira));
    expect(await filteredIds(ctx, one('conversation_attribute:ticket_url', 'equal', 'https://JIRA.example/browse/OPS-1'))).toEqual(ids(jira));
  });

  it('number: compared as numbers (not text), stored numbers or numeric strings; junk stored values never break the list', async () => {
    const { ctx, define, withAttributes } = await setup();
    await define('conversation', 'amount', 'number');
    const nine = await withAttributes({ amount: 9 });
    const hundred = await withAttributes({ amount: 100 });
    const asText = await withAttributes({ amount: '42.5' });
    const junk = await withAttributes({ amount: 'a lot' });
    const missing = await withAttributes({});

    expect(await filteredIds(ctx, one('conversation_attribute:amount', 'greater_than', 10))).toEqual(ids(hundred, asText));
    expect(await filteredIds(ctx, one('conversation_attribute:amount', 'less_than', '50'))).toEqual(ids(nine, asText));
    expect(await filteredIds(ctx, one('conversation_attribute:amount', 'equal', 42.5))).toEqual(ids(asText));
    expect(await filteredIds(ctx, one('conversation_attribute:amount', 'equal', '100.0'))).toEqual(ids(hundred));
    expect(await filteredIds(ctx, one('conversation_attribute:amount', 'not_equal', 100))).toEqual(ids(nine, asText, junk, missing));
    expect(await filteredIds(ctx, one('conversation_attribute:amount', 'present'))).toEqual(ids(nine, hundred, asText, junk));
    expect(await filteredIds(ctx, one('conversation_attribute:amount', 'not_present'))).toEqual(ids(missing));
  });

  it('date: equal, before, after, in the last N days (account time zone), present; stored junk is ignored', async () => {
    const { ctx, define, withAttributes } = await setup();
    await define('conversation', 'renewal', 'date');
    const march = await withAttributes({ renewal: '2024-03-15' });
    const june = await withAttributes({ renewal: '2024-06-05T10:00:00Z' });
    const future = await withAttributes({ renewal: '2024-12-01' });
    const junk = await withAttributes({ renewal: 'next tuesday' });
    const missing = await withAttributes({});

    expect(await filteredIds(ctx, one('conversation_attribute:renewal', 'equal', '2024-03-15'))).toEqual(ids(march));
    expect(await filteredIds(ctx, one('conversation_attribute:renewal', 'before', '2024-06-05'))).toEqual(ids(march));
    expect(await filteredIds(ctx, one('conversation_attribute:renewal', 'after', '2024-06-04'))).toEqual(ids(june, future));
    expect(await filteredIds(ctx, one('conversation_attribute:renewal', 'last_n_days', 7))).toEqual(ids(june));
    expect(await filteredIds(ctx, one('conversation_attribute:renewal', 'not_equal', '2024-03-15'))).toEqual(ids(june, future, junk, missing));
    expect(await filteredIds(ctx, one('conversation_attribute:renewal', 'present'))).toEqual(ids(march, june, future, junk));
    // 2024-12-01T03:00Z is still November 30 in Mexico City.
    expect(await filteredIds(ctx, one('conversation_attribute:renewal', 'before', '2024-12-01T03:00:00Z'))).toEqual(ids(march, june));
  });

  it('list: equal one or several of its values, not equal', async () => {
    const { ctx, define, withAttributes } = await setup();
    await define('conversation', 'plan', 'list', ['free', 'pro', 'enterprise']);
    const free = await withAttributes({ plan: 'free' });
    const pro = await withAttributes({ plan: 'pro' });
    const missing = await withAttributes({});

    expect(await filteredIds(ctx, one('conversation_attribute:plan', 'equal', 'pro'))).toEqual(ids(pro));
    expect(await filteredIds(ctx, one('conversation_attribute:plan', 'equal', ['pro', 'free']))).toEqual(ids(free, pro));
    expect(await filteredIds(ctx, one('conversation_attribute:plan', 'not_equal', 'pro'))).toEqual(ids(free, missing));
    expect(await filteredIds(ctx, one('conversation_attribute:plan', 'not_present'))).toEqual(ids(missing));
  });

  it('checkbox: true, false (unset counts as false), not equal, present', async () => {
    const { ctx, define, withAttributes } = await setup();
    await define('conversation', 'vip', 'checkbox');
    const checked = await withAttributes({ vip: true });
    const unchecked = await withAttributes({ vip: false });
    const unset = await withAttributes({});

    expect(await filteredIds(ctx, one('conversation_attribute:vip', 'equal', true))).toEqual(ids(checked));
    expect(await filteredIds(ctx, one('conversation_attribute:vip', 'equal', false))).toEqual(ids(unchecked, unset));
    expect(await filteredIds(ctx, one('conversation_attribute:vip', 'not_equal', true))).toEqual(ids(unchecked, unset));
    expect(await filteredIds(ctx, one('conversation_attribute:vip', 'present'))).toEqual(ids(checked, unchecked));
  });

  it("contact attributes filter on the conversation's contact", async () => {
    const { ctx, define, withContactAttributes, withAttributes } = await setup();
    await define('contact', 'tier', 'text');
    await define('contact', 'lifetime_value', 'number');
    const gold = await withContactAttributes({ tier: 'Gold', lifetime_value: 5000 });
    const silver = await withContactAttributes({ tier: 'silver', lifetime_value: 200 });
    // A conversation attribute of the same name is a different attribute.
    const conversationTier = await withAttributes({ tier: 'gold' });

    expect(await filteredIds(ctx, one('contact_attribute:tier', 'equal', 'gold'))).toEqual(ids(gold));
    expect(await filteredIds(ctx, one('contact_attribute:lifetime_value', 'greater_than', 1000))).toEqual(ids(gold));
    expect(await filteredIds(ctx, one('contact_attribute:tier', 'not_equal', 'gold'))).toEqual(ids(silver, conversationTier));
    expect(await filteredIds(ctx, one('contact_attribute:tier', 'present'))).toEqual(ids(gold, silver));
    await expect(filteredIds(ctx, one('conversation_attribute:tier', 'equal', 'gold'))).rejects.toMatchObject({
      details: { field: 'conversation_attribute:tier', reason: 'unknown_field' },
    });
  });

  it("another account's definitions are not this account's attributes", async () => {
    const { db, ctx, withAttributes } = await setup();
    const other = await createAccount(db);
    await createAttributeDefinition(db, { accountId: other.id, model: 'conversation', key: 'secret', type: 'text' });
    await withAttributes({ secret: 'x' });

    await expect(filteredIds(ctx, one('conversation_attribute:secret', 'present'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { reason: 'unknown_field' },
    });
  });
});
