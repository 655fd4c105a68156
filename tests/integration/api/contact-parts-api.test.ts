import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contactInboxes, contactLabels, contacts, customAttributeDefinitions, labels } from '@/db/schema';
import { api, createApiWorkspace } from '../../helpers/api-factories';
import { createContact, createConversation } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';

const database = useTestDatabase();

const ids = (answer: { body: { payload: Array<{ id: number }> } }) => answer.body.payload.map((contact) => contact.id).sort((a, b) => a - b);

describe('application API: contact filter, labels, contact inboxes', () => {
  it('POST /contacts/filter: Chatwoot payload through the filter builder, scoped like the list; refused filters are 400 and change nothing', async () => {
    const w = await createApiWorkspace(database().db);
    const ana = await createContact(w.db, { accountId: w.accountId, name: 'José Pérez', email: 'jose@acme.test' });
    const bea = await createContact(w.db, { accountId: w.accountId, name: 'Bea', email: 'bea@otra.test', phone: '+525511112222' });
    await w.db.update(contacts).set({ customAttributes: { plan: 'pro' } }).where(eq(contacts.id, bea.id));
    await w.db.insert(customAttributeDefinitions).values({ accountId: w.accountId, model: 'contact', key: 'plan', displayName: 'Plan', type: 'text' });
    const [vip] = await w.db.insert(labels).values({ accountId: w.accountId, title: 'vip', color: '#1f93ff' }).returning();
    await w.db.insert(contactLabels).values({ contactId: ana.id, labelId: vip.id });
    await createConversation(w.db, { accountId: w.accountId, inboxId: w.inboxId, contactId: ana.id });
    const filter = (token: string, payload: unknown[]) => api(w, token, 'POST', '/contacts/filter', { payload });

    // Accent-insensitive name, email domain, OR, labels, the contact's custom attributes.
    expect(ids(await filter(w.admin.token, [{ attribute_key: 'name', filter_operator: 'contains', values: ['jose'] }]))).toEqual([ana.id]);
    const either = await filter(w.admin.token, [
      { attribute_key: 'email', filter_operator: 'contains', values: ['acme'], query_operator: 'OR' },
      { attribute_key: 'phone_number', filter_operator: 'is_present', values: [] },
    ]);
    expect(ids(either)).toEqual([ana.id, bea.id].sort((a, b) => a - b));
    expect(either.body.meta).toEqual({ count: 2, current_page: '1' });
    const byLabel = await filter(w.admin.token, [{ attribute_key: 'labels', filter_operator: 'equal_to', values: ['VIP'] }]);
    expect(ids(byLabel)).toEqual([ana.id]);
    const byPlan = await filter(w.admin.token, [{ attribute_key: 'plan', filter_operator: 'equal_to', values: ['pro'] }]);
    expect(ids(byPlan)).toEqual([bea.id]);
    // An agent only finds the contacts of their inboxes' conversations.
    expect(ids(await filter(w.agent.token, [{ attribute_key: 'email', filter_operator: 'contains', values: ['.test'] }]))).toEqual([ana.id]);

    // Refused: a conversation field, an unknown attribute, mixed operators, an unknown label: 400.
    for (const payload of [
      [{ attribute_key: 'status', filter_operator: 'equal_to', values: ['open'] }],
      [{ attribute_key: 'browser_language', filter_operator: 'equal_to', values: ['en'] }],
      [
        { attribute_key: 'name', filter_operator: 'contains', values: ['a'], query_operator: 'AND' },
        { attribute_key: 'name', filter_operator: 'contains', values: ['b'], query_operator: 'OR' },
        { attribute_key: 'name', filter_operator: 'contains', values: ['c'] },
      ],
      [{ attribute_key: 'labels', filter_operator: 'equal_to', values: ['nope'] }],
    ]) {
      const refused = await filter(w.admin.token, payload);
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0]).toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect((await api(w, null, 'POST', '/contacts/filter', { payload: [] })).status).toBe(401);
  });

  it('POST /contacts/filter: identifier, company, country_code (the country column) and city; never another account\'s contact', async () => {
    const w = await createApiWorkspace(database().db);
    const ana = await createContact(w.db, { accountId: w.accountId, name: 'Ana' });
    const bea = await createContact(w.db, { accountId: w.accountId, name: 'Bea' });
    const cleo = await createContact(w.db, { accountId: w.accountId, name: 'Cleo' });
    await w.db.update(contacts).set({ identifier: 'CRM-001', company: 'Acme Ltd', country: 'ES', city: 'Sevilla' }).where(eq(contacts.id, ana.id));
    await w.db.update(contacts).set({ identifier: 'crm-002', company: 'Globex', country: 'MX', city: 'Monterrey' }).where(eq(contacts.id, bea.id));
    // Another account's contact with the same values never matches.
    const elsewhere = await createApiWorkspace(w.db);
    const stranger = await createContact(w.db, { accountId: elsewhere.accountId, name: 'Zoe' });
    await w.db.update(contacts).set({ identifier: 'CRM-001', company: 'Acme Ltd', country: 'ES', city: 'Sevilla' }).where(eq(contacts.id, stranger.id));
    const filter = async (attribute_key: string, filter_operator: string, values: string[]) => {
      const answer = await api(w, w.admin.token, 'POST', '/contacts/filter', { payload: [{ attribute_key, filter_operator, values }] });
      expect(answer.status).toBe(200);
      return ids(answer);
    };
    const sorted = (...list: number[]) => list.sort((a, b) => a - b);
    const everyone = sorted(w.contactId, ana.id, bea.id, cleo.id);

    // identifier: exact as stored (case-sensitive), contains, not equal (contacts without one too).
    expect(await filter('identifier', 'equal_to', ['CRM-001'])).toEqual([ana.id]);
    expect(await filter('identifier', 'equal_to', ['crm-001'])).toEqual([]);
    expect(await filter('identifier', 'contains', ['002'])).toEqual([bea.id]);
    expect(await filter('identifier', 'not_equal_to', ['CRM-001'])).toEqual(everyone.filter((id) => id !== ana.id));
    expect(await filter('identifier', 'is_present', [])).toEqual(sorted(ana.id, bea.id));
    // company, country_code, city: case-insensitive.
    expect(await filter('company', 'equal_to', ['acme ltd'])).toEqual([ana.id]);
    expect(await filter('company', 'contains', ['GLOB'])).toEqual([bea.id]);
    expect(await filter('company', 'not_equal_to', ['Globex'])).toEqual(everyone.filter((id) => id !== bea.id));
    expect(await filter('country_code', 'equal_to', ['es'])).toEqual([ana.id]);
    expect(await filter('country_code', 'contains', ['M'])).toEqual([bea.id]);
    expect(await filter('country_code', 'not_equal_to', ['ES'])).toEqual(everyone.filter((id) => id !== ana.id));
    expect(await filter('city', 'equal_to', ['SEVILLA'])).toEqual([ana.id]);
    expect(await filter('city', 'contains', ['terre'])).toEqual([bea.id]);
    expect(await filter('city', 'not_equal_to', ['Sevilla'])).toEqual(everyone.filter((id) => id !== ana.id));
    // The other account's administrator finds only their own contact with the same values.
    const theirs = await api(elsewhere, elsewhere.admin.token, 'POST', '/contacts/filter', {
      payload: [{ attribute_key: 'identifier', filter_operator: 'equal_to', values: ['CRM-001'] }],
    });
    expect(ids(theirs)).toEqual([stranger.id]);
    // An unsupported operator on a new key is refused like the others.
    const refused = await api(w, w.admin.token, 'POST', '/contacts/filter', { payload: [{ attribute_key: 'city', filter_operator: 'is_greater_than', values: ['a'] }] });
    expect(refused.status).toBe(400);
  });

  it('GET/POST /contacts/{id}/labels: replaces the list, creates labels for administrators only, announces contact.updated', async () => {
    const w = await createApiWorkspace(database().db);
    await w.db.insert(labels).values({ accountId: w.accountId, title: 'billing', color: '#1f93ff' });
    await createConversation(w.db, { accountId: w.accountId, inboxId: w.inboxId, contactId: w.contactId });
    const path = `/contacts/${w.contactId}/labels`;
    expect((await api(w, w.agent.token, 'GET', path)).body).toEqual({ payload: [] });

    expect((await api(w, w.agent.token, 'POST', path, { labels: ['Billing'] })).body).toEqual({ payload: ['billing'] });
    expect(w.ports.published.some((event) => event.event === 'contact.updated')).toBe(true);
    // An agent may not create a label: nothing changes.
    expect((await api(w, w.agent.token, 'POST', path, { labels: ['nueva'] })).status).toBe(401);
    expect((await api(w, w.agent.token, 'GET', path)).body).toEqual({ payload: ['billing'] });
    // An administrator may; the list is replaced.
    expect((await api(w, w.admin.token, 'POST', path, { labels: 'nueva,vip' })).body).toEqual({ payload: ['nueva', 'vip'] });
    expect((await api(w, w.admin.token, 'POST', path, { labels: ['no valid!'] })).status).toBe(422);
    expect((await api(w, w.admin.token, 'POST', path, { labels: [] })).body).toEqual({ payload: [] });

    // A contact the agent may not see, or another account's: 404.
    const stranger = await createContact(w.db, { accountId: w.accountId });
    expect((await api(w, w.agent.token, 'GET', `/contacts/${stranger.id}/labels`)).status).toBe(404);
    expect((await api(w, w.agent.token, 'POST', `/contacts/${stranger.id}/labels`, { labels: ['billing'] })).status).toBe(404);
    expect(await w.db.select().from(contactLabels).where(eq(contactLabels.contactId, stranger.id))).toEqual([]);
  });

  it('POST /contacts/{id}/contact_inboxes: links the contact to an inbox the person works in', async () => {
    const w = await createApiWorkspace(database().db);
    await createConversation(w.db, { accountId: w.accountId, inboxId: w.inboxId, contactId: w.contactId });
    const path = `/contacts/${w.contactId}/contact_inboxes`;
    const linked = await api(w, w.agent.token, 'POST', path, { inbox_id: w.inboxId, source_id: 'crm-42' });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ source_id: 'crm-42', inbox: { id: w.inboxId, channel_type: 'Channel::Api' } });
    // Again: the same link. A generated source id without one.
    expect((await api(w, w.agent.token, 'POST', path, { inbox_id: w.inboxId, source_id: 'crm-42' })).body.source_id).toBe('crm-42');
    expect((await api(w, w.admin.token, 'POST', path, { inbox_id: w.otherInboxId })).body.source_id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await api(w, w.agent.token, 'GET', `/contacts/${w.contactId}/contactable_inboxes`)).body.payload.map((link: { source_id: string }) => link.source_id)).toContain('crm-42');

    // Another contact's source id: 422; an inbox the agent is not in: 404; nothing written.
    const other = await createContact(w.db, { accountId: w.accountId });
    await createConversation(w.db, { accountId: w.accountId, inboxId: w.inboxId, contactId: other.id });
    expect((await api(w, w.agent.token, 'POST', `/contacts/${other.id}/contact_inboxes`, { inbox_id: w.inboxId, source_id: 'crm-42' })).status).toBe(422);
    expect((await api(w, w.agent.token, 'POST', `/contacts/${other.id}/contact_inboxes`, { inbox_id: w.otherInboxId })).status).toBe(404);
    expect((await api(w, w.agent.token, 'POST', path, {})).status).toBe(422);
    expect(await w.db.select().from(contactInboxes).where(eq(contactInboxes.contactId, other.id))).toEqual([]);
  });
});
