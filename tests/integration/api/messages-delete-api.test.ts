import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { attachments, messages, webhookDeliveries } from '@/db/schema';
import { api, createApiWorkspace } from '../../helpers/api-factories';
import { createWebhook } from '../../helpers/channels-factories';
import { createAccount, createConversation, createMessage } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';

const database = useTestDatabase();

describe('application API: DELETE a message', () => {
  it('keeps the message as "This message was deleted", removes its files, sends message_updated and message.updated', async () => {
    const w = await createApiWorkspace(database().db);
    const conversation = await createConversation(w.db, { accountId: w.accountId, inboxId: w.inboxId });
    const webhook = await createWebhook(w.db, { accountId: w.accountId, url: 'http://127.0.0.1:9/hook', events: ['message_updated'] });
    const path = `/conversations/${conversation.displayId}/messages`;
    const form = new FormData();
    form.append('content', 'con archivo');
    form.append('attachments[]', new File([new TextEncoder().encode('hola\n')], 'nota.txt', { type: 'text/plain' }));
    const sent = await api(w, w.agent.token, 'POST', path, form);
    expect(sent.status).toBe(200);
    expect(w.ports.storedFiles.size).toBe(1);

    const deleted = await api(w, w.agent.token, 'DELETE', `${path}/${sent.body.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: sent.body.id, content: 'This message was deleted', content_attributes: { deleted: true }, attachments: [] });
    const [row] = await w.db.select().from(messages).where(eq(messages.id, sent.body.id));
    expect(row).toMatchObject({ content: 'This message was deleted', contentAttributes: { deleted: true } });
    expect(await w.db.select().from(attachments).where(eq(attachments.messageId, sent.body.id))).toEqual([]);
    expect(w.ports.storedFiles.size).toBe(0);
    expect(w.ports.published.filter((event) => event.event === 'message.updated')).toEqual([
      expect.objectContaining({ data: { conversationId: conversation.id, messageId: sent.body.id } }),
    ]);
    const deliveries = await w.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhook.id));
    expect(deliveries.map((delivery) => [delivery.event, (delivery.payload as { content_attributes: unknown }).content_attributes])).toEqual([['message_updated', { deleted: true }]]);

    // Again: nothing more happens.
    expect((await api(w, w.agent.token, 'DELETE', `${path}/${sent.body.id}`)).status).toBe(200);
    expect(w.ports.published.filter((event) => event.event === 'message.updated')).toHaveLength(1);
  });

  it('refuses what the token may not delete, changing nothing', async () => {
    const w = await createApiWorkspace(database().db);
    const visible = await createConversation(w.db, { accountId: w.accountId, inboxId: w.inboxId });
    const hidden = await createConversation(w.db, { accountId: w.accountId, inboxId: w.otherInboxId });
    const message = await createMessage(w.db, { conversationId: visible.id, content: 'visible' });
    const hiddenMessage = await createMessage(w.db, { conversationId: hidden.id, content: 'oculto' });
    const activity = await createMessage(w.db, { conversationId: visible.id, content: 'Resuelta', messageType: 'activity' });
    const other = await createAccount(w.db);

    expect((await api(w, null, 'DELETE', `/conversations/${visible.displayId}/messages/${message.id}`)).status).toBe(401);
    expect((await api(w, w.agent.token, 'DELETE', `/conversations/${visible.displayId}/messages/${message.id}`, undefined, { accountId: other.id })).status).toBe(401);
    // Another inbox's conversation, a message of another conversation, junk ids: 404.
    expect((await api(w, w.agent.token, 'DELETE', `/conversations/${hidden.displayId}/messages/${hiddenMessage.id}`)).status).toBe(404);
    expect((await api(w, w.agent.token, 'DELETE', `/conversations/${visible.displayId}/messages/${hiddenMessage.id}`)).status).toBe(404);
    expect((await api(w, w.agent.token, 'DELETE', `/conversations/${visible.displayId}/messages/abc`)).status).toBe(404);
    // An activity line is the record of a change.
    expect((await api(w, w.agent.token, 'DELETE', `/conversations/${visible.displayId}/messages/${activity.id}`)).status).toBe(422);

    const rows = await w.db.select({ content: messages.content }).from(messages).where(eq(messages.accountId, w.accountId));
    expect(rows.map((row) => row.content).sort()).toEqual(['Resuelta', 'oculto', 'visible']);
    expect(w.ports.published).toEqual([]);
  });
});
