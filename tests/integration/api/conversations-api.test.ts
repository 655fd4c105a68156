import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accountUsers, conversations, labels, messages, webhookDeliveries } from '@/db/schema';
import { api, createApiWorkspace } from '../../helpers/api-factories';
import { createWebhook } from '../../helpers/channels-factories';
import { createAccount, createConversation, createMessage } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';

const database = useTestDatabase();

describe('application API: conversations', () => {
  it('lists by assignee_type with Chatwoot meta counts, and pages', async () => {
    const w = await createApiWorkspace(database().db);
    const mine = await createConversation(w.db, { accountId: w.accountId, inboxId: w.inboxId, assigneeId: w.agent.id });
    await createConversation(w.db, { accountId: w.accountId, inboxId: w.inboxId });
    await createConversation(w.db, { accountId: w.accountId, inboxId: w.otherInboxId });
    await createMessage(w.db, { conversationId: mine.id, content: 'Necesito ayuda con mi pedido' });

    const list = await api(w, w.agent.token, 'GET', '/conversations?assignee_type=me');
    expect(list.status).toBe(200);
    expect(list.body.data.meta).toEqual({ mine_count: 1, unassigned_count: 1, assigned_count: 1, all_count: 2 });
    expect(list.body.data.payload).toHaveLength(1);
    const [first] = list.body.data.payload;
    expect(first).toMatchObject({
      id: mine.displayId,
      uuid: mine.uuid,
      account_id: w.accountId,
      inbox_id: w.inboxId,
      status: 'open',
      meta: { assignee: { id: w.agent.id, name: 'Laura' }, channel: 'Channel::Api' },
      messages: [{ content: 'Necesito ayuda con mi pedido', message_type: 0 }],
    });
    expect(first.created_at).toBe(Math.floor(mine.createdAt.getTime() / 1000));

    // The administrator sees both inboxes; page 2 of a short list is empty.
    expect((await api(w, w.admin.token, 'GET', '/conversations?assignee_type=all')).body.data.meta.all_count).toBe(3);
    expect((await api(w, w.admin.token, 'GET', '/conversations?assignee_type=all&page=2')).body.data.payload).toEqual([]);
    expect((await api(w, w.admin.token, 'GET', `/conversations?assignee_type=all&inbox_id=${w.otherInboxId}`)).body.data.payload).toHaveLength(1);
    expect((await api(w, w.agent.token, 'GET', '/conversations/meta')).body).toEqual({ meta: { mine_count: 1, unassigned_count: 1, assigned_count: 1, all_count: 2 } });
    // q: conversations with a matching message.
    expect((await api(w, w.agent.token, 'GET', '/conversations?assignee_type=all&q=pedido')).body.data.payload.map((c: { id: number }) => c.id)).toEqual([mine.displayId]);
    // Junk parameters fall back to defaults: never a 500.
    expect((await api(w, w.agent.token, 'GET', '/conversations?status=nope&page=-3&inbox_id=abc')).status).toBe(200);
  });

  it('authorization: no token, revoked token, deactivated user, other account, other inbox', async () => {
    const w = await createApiWorkspace(database().db);
    const hidden = await createConversation(w.db, { accountId: w.accountId, inboxId: w.otherInboxId });
    expect((await api(w, null, 'GET', '/conversations')).status).toBe(401);
    expect((await api(w, 'bdj_not-a-real-token-at-all', 'GET', '/conversations')).status).toBe(401);
    // Authorization: Bearer works like api_access_token.
    expect((await api(w, null, 'GET', '/conversations', undefined, { headers: { Authorization: `Bearer ${w.agent.token}` } })).status).toBe(200);
    // Another account in the path: 401, as Chatwoot.
    const other = await createAccount(w.db);
    expect((await api(w, w.agent.token, 'GET', '/conversations', undefined, { accountId: other.id })).status).toBe(401);
    // Another inbox's conversation: 404, exactly like one that does not exist.
    const refused = await api(w, w.agent.token, 'GET', `/conversations/${hidden.displayId}`);
    expect(refused).toMatchObject({ status: 404, body: { error: 'Resource could not be found' } });
    expect((await api(w, w.agent.token, 'GET', '/conversations/999999')).status).toBe(404);
    expect((await api(w, w.agent.token, 'POST', `/conversations/${hidden.displayId}/toggle_status`, { status: 'resolved' })).status).toBe(404);
    expect((await w.db.select().from(conversations).where(eq(conversations.id, hidden.id)))[0].status).toBe('open');
    // A deactivated member's token stops at the next request.
    await w.db.update(accountUsers).set({ active: false }).where(eq(accountUsers.userId, w.agent.id));
    expect((await api(w, w.agent.token, 'GET', '/conversations')).status).toBe(401);
    // Unknown endpoint: 404 JSON; known path with another method: 405.
    expect((await api(w, w.admin.token, 'GET', '/nothing-here')).status).toBe(404);
    expect((await api(w, w.admin.token, 'DELETE', '/conversations/meta')).status).toBe(405);
  });

  it('triage: toggle_status (with snooze), toggle_priority, assignments, labels, custom attributes, read marks', async () => {
    const w = await createApiWorkspace(database().db);
    const conversation = await createConversation(w.db, { accountId: w.accountId, inboxId: w.inboxId });
    const path = `/conversations/${conversation.displayId}`;
    await w.db.insert(labels).values({ accountId: w.accountId, title: 'billing', color: '#000000' });

    expect((await api(w, w.agent.token, 'POST', `${path}/assignments`, { assignee_id: w.agent.id, ignored: true })).body).toMatchObject({ id: w.agent.id, name: 'Laura' });
    expect((await api(w, w.agent.token, 'POST', `${path}/toggle_priority`, { priority: 'urgent' })).body).toMatchObject({ priority: 'urgent' });
    expect((await api(w, w.agent.token, 'POST', `${path}/labels`, { labels: ['billing'] })).body).toEqual({ payload: ['billing'] });
    expect((await api(w, w.agent.token, 'GET', `${path}/labels`)).body).toEqual({ payload: ['billing'] });
    // An agent cannot create a label the account does not have: refused, nothing changed.
    expect((await api(w, w.agent.token, 'POST', `${path}/labels`, { labels: ['nueva'] })).status).toBe(401);
    expect((await api(w, w.agent.token, 'GET', `${path}/labels`)).body).toEqual({ payload: ['billing'] });
    expect((await api(w, w.agent.token, 'POST', `${path}/labels`, { labels: [] })).body).toEqual({ payload: [] });

    const snoozeUntil = Math.floor(Date.now() / 1000) + 3600;
    const snoozed = await api(w, w.agent.token, 'POST', `${path}/toggle_status`, { status: 'snoozed', snoozed_until: snoozeUntil });
    expect(snoozed.body).toEqual({ meta: {}, payload: { success: true, current_status: 'snoozed', conversation_id: conversation.displayId } });
    expect((await api(w, w.agent.token, 'GET', path)).body.snoozed_until).toBe(snoozeUntil);
    expect((await api(w, w.agent.token, 'POST', `${path}/toggle_status`, { status: 'resolved' })).body.payload.current_status).toBe('resolved');
    // No status: open <-> resolved.
    expect((await api(w, w.agent.token, 'POST', `${path}/toggle_status`, {})).body.payload.current_status).toBe('open');
    expect((await api(w, w.agent.token, 'POST', `${path}/toggle_status`, { status: 'closed' })).status).toBe(422);

    // Activity messages were written by the same domain functions as the UI.
    const activity = await w.db.select().from(messages).where(eq(messages.conversationId, conversation.id));
    expect(activity.filter((message) => message.messageType === 'activity').length).toBeGreaterThanOrEqual(5);
    expect(w.ports.published.some((event) => event.event === 'conversation.status_changed')).toBe(true);

    // Undefined custom attribute: 404; malformed body: 422; bad JSON: 422 with a reason.
    expect((await api(w, w.agent.token, 'POST', `${path}/custom_attributes`, { custom_attributes: { nope: 1 } })).status).toBe(404);
    expect((await api(w, w.agent.token, 'POST', `${path}/custom_attributes`, { custom_attributes: 'x' })).status).toBe(422);
    expect((await api(w, w.agent.token, 'POST', `${path}/toggle_priority`, '{bad json')).status).toBe(422);

    await createMessage(w.db, { conversationId: conversation.id, content: 'hola' });
    expect((await api(w, w.agent.token, 'POST', `${path}/update_last_seen`)).status).toBe(200);
    expect((await api(w, w.agent.token, 'GET', path)).body.unread_count).toBe(0);
    expect((await api(w, w.agent.token, 'POST', `${path}/unread`)).body.unread_count).toBe(1);
  });

  it('messages: list with before, reply, private note, multipart attachments; webhooks and realtime', async () => {
    const w = await createApiWorkspace(database().db);
    const conversation = await createConversation(w.db, { accountId: w.accountId, inboxId: w.inboxId });
    const webhook = await createWebhook(w.db, { accountId: w.accountId, url: 'http://127.0.0.1:9/hook' });
    const first = await createMessage(w.db, { conversationId: conversation.id, content: 'uno', createdAt: new Date(Date.now() - 2000) });
    const path = `/conversations/${conversation.displayId}/messages`;

    const reply = await api(w, w.agent.token, 'POST', path, { content: 'Hola Ana', unknown_key: 1 });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ content: 'Hola Ana', message_type: 1, private: false, conversation_id: conversation.displayId, sender: { id: w.agent.id } });
    const note = await api(w, w.agent.token, 'POST', path, { content: 'nota interna', private: true });
    expect(note.body).toMatchObject({ private: true, message_type: 1 });

    const form = new FormData();
    form.append('content', 'con archivo');
    form.append('attachments[]', new File([new TextEncoder().encode('hola, mundo\n')], 'nota.txt', { type: 'text/plain' }));
    const withFile = await api(w, w.agent.token, 'POST', path, form);
    expect(withFile.status).toBe(200);
    expect(withFile.body.attachments).toMatchObject([{ file_name: 'nota.txt', file_type: 'file', data_url: expect.stringContaining('/api/attachments/') }]);

    const list = await api(w, w.agent.token, 'GET', path);
    expect(list.body.payload.map((m: { content: string }) => m.content)).toEqual(['uno', 'Hola Ana', 'nota interna', 'con archivo']);
    expect(list.body.meta.contact).toMatchObject({ id: conversation.contactId });
    const older = await api(w, w.agent.token, 'GET', `${path}?before=${reply.body.id}`);
    expect(older.body.payload.map((m: { id: number }) => m.id)).toEqual([first.id]);

    expect((await api(w, w.agent.token, 'POST', path, { content: '' })).status).toBe(422);
    expect((await api(w, w.agent.token, 'POST', path, { content: 'x', message_type: 'incoming' })).status).toBe(422);
    expect(w.ports.published.filter((event) => event.event === 'message.created')).toHaveLength(3);
    const deliveries = await w.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhook.id));
    expect(deliveries.filter((delivery) => delivery.event === 'message_created')).toHaveLength(3);
  });

  it('create and filter', async () => {
    const w = await createApiWorkspace(database().db);
    // Agents see the contacts of their inboxes' conversations.
    await createConversation(w.db, { accountId: w.accountId, inboxId: w.inboxId, contactId: w.contactId, status: 'resolved' });
    const created = await api(w, w.agent.token, 'POST', '/conversations', {
      inbox_id: w.inboxId,
      contact_id: w.contactId,
      status: 'pending',
      message: { content: 'Te escribimos por tu pedido' },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ account_id: w.accountId, inbox_id: w.inboxId, status: 'pending', meta: { assignee: { id: w.agent.id } } });
    // The other inbox: 404; nothing created.
    const before = await w.db.select().from(conversations).where(eq(conversations.accountId, w.accountId));
    expect((await api(w, w.agent.token, 'POST', '/conversations', { inbox_id: w.otherInboxId, contact_id: w.contactId, message: { content: 'x' } })).status).toBe(404);
    expect(await w.db.select().from(conversations).where(eq(conversations.accountId, w.accountId))).toHaveLength(before.length);

    const filtered = await api(w, w.agent.token, 'POST', '/conversations/filter', {
      payload: [
        { attribute_key: 'status', filter_operator: 'equal_to', values: ['pending'], query_operator: 'AND' },
        { attribute_key: 'inbox_id', filter_operator: 'equal_to', values: [w.inboxId] },
      ],
    });
    expect(filtered.status).toBe(200);
    expect(filtered.body.payload.map((c: { id: number }) => c.id)).toEqual([created.body.id]);
    const mixed = await api(w, w.agent.token, 'POST', '/conversations/filter', {
      payload: [
        { attribute_key: 'status', filter_operator: 'equal_to', values: ['open'], query_operator: 'AND' },
        { attribute_key: 'priority', filter_operator: 'equal_to', values: ['high'], query_operator: 'OR' },
        { attribute_key: 'status', filter_operator: 'equal_to', values: ['open'] },
      ],
    });
    expect(mixed).toMatchObject({ status: 400, body: { errors: [{ field: 'query_operator', message: 'mixed_operators' }] } });
    expect((await api(w, w.agent.token, 'POST', '/conversations/filter', { payload: [{ attribute_key: 'status', filter_operator: 'equal_to', values: ['nope'] }] })).status).toBe(400);
    expect((await api(w, w.agent.token, 'POST', '/conversations/filter', { payload: [{ attribute_key: 'status', filter_operator: 'days_before', values: ['3'] }] })).status).toBe(400);
    // Chatwoot documents 400 for a refused filter.
    expect((await api(w, w.agent.token, 'POST', '/conversations/filter', {})).status).toBe(400);
  });
});
