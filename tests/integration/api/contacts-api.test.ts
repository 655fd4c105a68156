import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contacts, conversations } from '@/db/schema';
import { api, createApiWorkspace } from '../../helpers/api-factories';
import { createContact, createConversation } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';

const database = useTestDatabase();

describe('application API: contacts', () => {
  it('create (administrators), get, update, search, list, conversations, contactable inboxes, merge, delete', async () => {
    const w = await createApiWorkspace(database().db);
    const created = await api(w, w.admin.token, 'POST', '/contacts', { name: 'Bea', email: 'Bea@Example.test', phone_number: '+52 55 1234 5678', identifier: 'crm-9', extra: 1 });
    expect(created.status).toBe(200);
    const bea = created.body.payload.contact;
    expect(bea).toMatchObject({ name: 'Bea', email: 'bea@example.test', phone_number: '+525512345678', identifier: 'crm-9' });
    // Agents may not create contacts; a taken email is refused; nothing is written.
    const before = (await w.db.select().from(contacts).where(eq(contacts.accountId, w.accountId))).length;
    expect((await api(w, w.agent.token, 'POST', '/contacts', { name: 'X' })).status).toBe(401);
    expect((await api(w, w.admin.token, 'POST', '/contacts', { name: 'Y', email: 'bea@example.test' })).status).toBe(422);
    expect((await api(w, w.admin.token, 'POST', '/contacts', { name: 'Z', email: 'not an email' })).status).toBe(422);
    expect((await w.db.select().from(contacts).where(eq(contacts.accountId, w.accountId))).length).toBe(before);

    expect((await api(w, w.admin.token, 'GET', `/contacts/${bea.id}`)).body.payload).toMatchObject({ id: bea.id, name: 'Bea' });
    const updated = await api(w, w.admin.token, 'PUT', `/contacts/${bea.id}`, { name: 'Beatriz', additional_attributes: { city: 'Puebla' } });
    expect(updated.body.payload).toMatchObject({ name: 'Beatriz', email: 'bea@example.test', additional_attributes: { city: 'Puebla' } });
    expect((await api(w, w.admin.token, 'GET', '/contacts/search?q=beatriz')).body.payload.map((c: { id: number }) => c.id)).toEqual([bea.id]);
    expect((await api(w, w.admin.token, 'GET', '/contacts')).body.meta.count).toBeGreaterThanOrEqual(2);

    // An agent sees only contacts with a conversation in their inboxes.
    expect((await api(w, w.agent.token, 'GET', `/contacts/${bea.id}`)).status).toBe(404);
    const conversation = await createConversation(w.db, { accountId: w.accountId, inboxId: w.inboxId, contactId: bea.id });
    expect((await api(w, w.agent.token, 'GET', `/contacts/${bea.id}`)).status).toBe(200);
    expect((await api(w, w.agent.token, 'GET', `/contacts/${bea.id}/conversations`)).body.payload.map((c: { id: number }) => c.id)).toEqual([conversation.displayId]);
    expect((await api(w, w.agent.token, 'GET', '/contacts')).body.payload.map((c: { id: number }) => c.id)).toEqual([bea.id]);
    expect((await api(w, w.agent.token, 'GET', `/contacts/${bea.id}/contactable_inboxes`)).body).toEqual({ payload: [] });

    // Merge: the duplicate's conversations move to the base contact.
    const duplicate = await createContact(w.db, { accountId: w.accountId, name: 'Bea duplicada' });
    const moved = await createConversation(w.db, { accountId: w.accountId, inboxId: w.inboxId, contactId: duplicate.id });
    const merged = await api(w, w.agent.token, 'POST', '/actions/contact_merge', { base_contact_id: bea.id, mergee_contact_id: duplicate.id });
    expect(merged).toMatchObject({ status: 200, body: { id: bea.id } });
    expect((await w.db.select().from(conversations).where(eq(conversations.id, moved.id)))[0].contactId).toBe(bea.id);
    expect((await api(w, w.agent.token, 'POST', '/actions/contact_merge', { base_contact_id: bea.id, mergee_contact_id: bea.id })).status).toBe(422);

    // Delete: administrators only.
    expect((await api(w, w.agent.token, 'DELETE', `/contacts/${bea.id}`)).status).toBe(401);
    expect((await api(w, w.admin.token, 'DELETE', `/contacts/${bea.id}`)).status).toBe(200);
    expect((await api(w, w.admin.token, 'GET', `/contacts/${bea.id}`)).status).toBe(404);
    expect((await api(w, w.admin.token, 'GET', '/contacts/abc')).status).toBe(404);
  });
});
