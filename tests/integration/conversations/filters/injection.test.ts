import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contacts, conversations, labels, type Conversation } from '@/db/schema';
import { conversationScope } from '@/lib/domain/authorization/scope';
import { buildFilterCondition } from '@/lib/domain/conversations/filters/build-filter';
import { useTestDatabase } from '../../../helpers/db';
import { actorFor, createAccount, createContact, createConversation, createInbox, createUser, ctxFor } from '../../../helpers/factories';
import { countRows, createAttributeDefinition, createLabel, filteredIds } from '../../../helpers/filters-factories';

const database = useTestDatabase();

const ids = (...conversations: Conversation[]) => conversations.map((c) => c.id).sort((a, b) => a - b);
const one = (field: string, op: string, value?: unknown) => ({ operator: 'and', conditions: [{ field, op, value }] });

// Classic payloads: quote breaking, comments, stacked statements, boolean tautologies, casts, jsonb
// operators, LIKE and regex metacharacters, dollar quoting.
const PAYLOADS = [
  "'; drop table conversations; --",
  "' or 1=1 --",
  "' OR '1'='1",
  '") or true; --',
  "x'::text); delete from labels; --",
  '$$; drop table labels; $$',
  "\\'; select pg_sleep(1); --",
  "' || (select string_agg(email, ',') from users) || '",
  "'->>'x' or 1=1--",
  '%',
  '_',
  '.*',
];

const setup = async () => {
  const { db } = database();
  const account = await createAccount(db);
  const inbox = await createInbox(db, { accountId: account.id });
  const admin = await createUser(db, { accountId: account.id, role: 'administrator' });
  const ctx = ctxFor(db, await actorFor(db, admin.id, account.id));
  return { db, account, inbox, ctx };
};

describe('L4 filter against SQL injection', () => {
  it('every string value is data: it matches only itself and leaves every table intact', async () => {
    const { db, account, inbox, ctx } = await setup();
    await createAttributeDefinition(db, { accountId: account.id, model: 'conversation', key: 'note', type: 'text' });
    await createAttributeDefinition(db, { accountId: account.id, model: 'contact', key: 'company_ref', type: 'text' });
    await createAttributeDefinition(db, { accountId: account.id, model: 'conversation', key: 'choice', type: 'list', listValues: PAYLOADS });
    const innocent = await createConversation(db, { accountId: account.id, inboxId: inbox.id, customAttributes: { note: 'hello', choice: 'nothing' } });
    await createLabel(db, { accountId: account.id });
    const before = { conversations: await countRows(db, conversations), labels: await countRows(db, labels) };

    for (const payload of PAYLOADS) {
      const holder = await createConversation(db, {
        accountId: account.id,
        inboxId: inbox.id,
        customAttributes: { note: payload, choice: payload },
        contactId: (await createContact(db, { accountId: account.id, name: payload, email: null, phone: payload })).id,
      });
      await db.update(contacts).set({ customAttributes: { company_ref: payload } }).where(eq(contacts.id, holder.contactId));

      for (const [field, op] of [
        ['contact_name', 'equal'],
        ['contact_phone', 'equal'],
        ['conversation_attribute:note', 'equal'],
        ['contact_attribute:company_ref', 'equal'],
        ['conversation_attribute:choice', 'equal'],
      ]) {
        expect(await filteredIds(ctx, one(field, op, payload)), `${field} ${op} ${payload}`).toEqual(ids(holder));
      }
      for (const field of ['contact_name', 'contact_email', 'contact_phone', 'conversation_attribute:note', 'contact_attribute:company_ref']) {
        const found = await filteredIds(ctx, one(field, 'contains', payload));
        expect(found, `${field} contains ${payload}`).not.toContain(innocent.id);
        expect(await filteredIds(ctx, one(field, 'not_contains', payload))).toContain(innocent.id);
      }
      // Values of typed fields are refused outright.
      for (const [field, op] of [
        ['status', 'equal'],
        ['priority', 'equal'],
        ['assignee', 'equal'],
        ['inbox', 'equal'],
        ['label', 'not_equal'],
        ['created_at', 'before'],
        ['last_activity_at', 'last_n_days'],
      ]) {
        await expect(filteredIds(ctx, one(field, op, payload))).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { reason: 'invalid_value' } });
      }
    }

    expect(await countRows(db, conversations)).toBe(before.conversations + PAYLOADS.length);
    expect(await countRows(db, labels)).toBe(before.labels);
  });

  it('attribute keys with quotes and JSON operators are refused unless defined, and work as plain keys when defined', async () => {
    const { db, account, inbox, ctx } = await setup();
    const keys = ["it's", "a'->>'b", 'x" or 1=1 --', "note'); drop table conversations; --", '{a,b}', 'a->b', '#>>{}'];
    for (const key of keys) {
      await expect(filteredIds(ctx, one(`conversation_attribute:${key}`, 'present'))).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { reason: 'unknown_field' },
      });
    }
    const total = await countRows(db, conversations);

    // Defined (as an admin could), such a key is just a key.
    for (const key of keys) await createAttributeDefinition(db, { accountId: account.id, model: 'conversation', key, type: 'text' });
    const holders = [];
    for (const key of keys) holders.push(await createConversation(db, { accountId: account.id, inboxId: inbox.id, customAttributes: { [key]: 'yes' } }));
    for (const [index, key] of keys.entries()) {
      expect(await filteredIds(ctx, one(`conversation_attribute:${key}`, 'equal', 'yes')), key).toEqual(ids(holders[index]));
    }
    expect(await countRows(db, conversations)).toBe(total + keys.length);
  });

  it('user values never appear in the SQL text, only among its parameters', async () => {
    const { db, account, ctx } = await setup();
    const key = "k'; drop table conversations; --";
    await createAttributeDefinition(db, { accountId: account.id, model: 'contact', key, type: 'text' });
    const payload = "'; drop table conversations; --";
    const condition = await buildFilterCondition(ctx, {
      operator: 'or',
      conditions: [
        { field: 'contact_name', op: 'contains', value: payload },
        { field: 'contact_email', op: 'not_equal', value: payload },
        { field: `contact_attribute:${key}`, op: 'contains', value: payload },
      ],
    });
    const query = db.select({ id: conversations.id }).from(conversations).where(and(conversationScope(ctx.actor), condition)).toSQL();

    expect(query.sql).not.toContain('drop table');
    expect(query.params).toContain(payload);
    expect(query.params).toContain(key);
  });

  it('LIKE wildcards in a value are literal: % matches only a %, _ only an _, \\ only a \\', async () => {
    const { db, account, inbox, ctx } = await setup();
    await createAttributeDefinition(db, { accountId: account.id, model: 'conversation', key: 'code', type: 'text' });
    const named = async (name: string) =>
      createConversation(db, {
        accountId: account.id,
        inboxId: inbox.id,
        customAttributes: { code: name },
        contactId: (await createContact(db, { accountId: account.id, name })).id,
      });
    const percent = await named('100% Real');
    const plain = await named('1000 Real');
    const underscore = await named('snake_case');
    const space = await named('snake case');
    const backslash = await named('C:\\temp');
    const fullwidth = await named('50％ off');

    for (const field of ['contact_name', 'conversation_attribute:code']) {
      expect(await filteredIds(ctx, one(field, 'contains', '%')), field).toEqual(ids(percent, ...(field === 'contact_name' ? [fullwidth] : [])));
      expect(await filteredIds(ctx, one(field, 'contains', '0%'))).toEqual(ids(percent, ...(field === 'contact_name' ? [fullwidth] : [])));
      expect(await filteredIds(ctx, one(field, 'contains', '_'))).toEqual(ids(underscore));
      expect(await filteredIds(ctx, one(field, 'contains', 'e_c'))).toEqual(ids(underscore));
      expect(await filteredIds(ctx, one(field, 'contains', '\\'))).toEqual(ids(backslash));
      expect(await filteredIds(ctx, one(field, 'contains', '\\t'))).toEqual(ids(backslash));
      expect(await filteredIds(ctx, one(field, 'not_contains', '%'))).toEqual(
        ids(plain, underscore, space, backslash, ...(field === 'contact_name' ? [] : [fullwidth])),
      );
    }
    // Names are compared without accents, so a fullwidth ％ reads as % — and is still no wildcard.
    expect(await filteredIds(ctx, one('contact_name', 'contains', '％'))).toEqual(ids(percent, fullwidth));
  });
});
