import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { attachments, conversations, inboxes } from '@/db/schema';
import { loadActor } from '@/lib/domain/authorization/load-actor';
import { addInboxMember, removeInboxMember } from '@/lib/domain/inboxes/change-inbox-member';
import { createInbox } from '@/lib/domain/inboxes/create-inbox';
import { deleteInbox } from '@/lib/domain/inboxes/delete-inbox';
import { getInboxSettings } from '@/lib/domain/inboxes/get-inbox-settings';
import { updateInbox } from '@/lib/domain/inboxes/update-inbox';
import type { Db } from '@/db/client';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, createAccount, createConversation, createMessage, createUser, ctxFor } from '../../helpers/factories';

const database = useTestDatabase();

const workspace = async (db: Db) => {
  const account = await createAccount(db);
  const adminUser = await createUser(db, { accountId: account.id, role: 'administrator', name: 'Ana' });
  const agentUser = await createUser(db, { accountId: account.id, name: 'Beto' });
  return { account, adminUser, agentUser, admin: ctxFor(db, await actorFor(db, adminUser.id, account.id)), agent: ctxFor(db, await actorFor(db, agentUser.id, account.id)) };
};

describe('inbox settings', () => {
  it('creates website, api and email inboxes keeping only their own channel settings', async () => {
    const { db } = database();
    const { admin, adminUser } = await workspace(db);
    const settings = {
      websiteUrl: 'https://tienda.example',
      widgetColor: '#1F93FF',
      welcomeTitle: 'Hola',
      welcomeTagline: 'Respondemos en minutos',
      webhookUrl: 'https://hooks.example/x',
      emailAddress: 'Soporte@Tienda.example',
      resolvedConversationPolicy: 'new' as const,
    };
    const website = await createInbox(admin, { name: 'Web', channelType: 'website', settings });
    expect(website.channelSettings).toEqual({ websiteUrl: 'https://tienda.example', widgetColor: '#1f93ff', welcomeTitle: 'Hola', welcomeTagline: 'Respondemos en minutos', resolvedConversationPolicy: 'new' });
    expect(website.identifier).toMatch(/^[0-9a-f]{24}$/);
    // The webhook_url is delivered by a webhook of the inbox (api-inbox-webhook.ts), named by webhookId.
    expect((await createInbox(admin, { name: 'API', channelType: 'api', settings })).channelSettings).toEqual({ webhookUrl: 'https://hooks.example/x', webhookId: expect.any(Number), resolvedConversationPolicy: 'new' });
    expect((await createInbox(admin, { name: 'Correo', channelType: 'email', settings: { emailAddress: 'a@b.example' } })).channelSettings).toEqual({ emailAddress: 'a@b.example', resolvedConversationPolicy: 'reopen' });
    // The creator is a member.
    expect((await getInboxSettings(admin, { inboxId: website.id })).members).toEqual([{ id: adminUser.id, name: 'Ana' }]);

    await expect(createInbox(admin, { name: 'Mal', channelType: 'website', settings: { widgetColor: 'rojo' } })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'widgetColor' } });
    await expect(createInbox(admin, { name: 'Mal', channelType: 'api', settings: { webhookUrl: 'javascript:alert(1)' } })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'webhookUrl' } });
    await expect(createInbox(admin, { name: 'Mal', channelType: 'sms' as never })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('edits name and settings (type, identifier and unedited settings stay); members are added and removed', async () => {
    const { db } = database();
    const { admin, agentUser, account } = await workspace(db);
    const inbox = await createInbox(admin, { name: 'Web', channelType: 'website', settings: { welcomeTitle: 'Hola' } });
    await db.update(inboxes).set({ channelSettings: { ...inbox.channelSettings, hmacSecret: 'secreto' } }).where(eq(inboxes.id, inbox.id));

    const updated = await updateInbox(admin, { inboxId: inbox.id, name: 'Sitio web', settings: { welcomeTitle: '', welcomeTagline: 'Nueva', resolvedConversationPolicy: 'new' } });
    expect(updated).toMatchObject({ name: 'Sitio web', channelType: 'website', identifier: inbox.identifier });
    expect(updated.channelSettings).toEqual({ hmacSecret: 'secreto', welcomeTagline: 'Nueva', resolvedConversationPolicy: 'new' });

    const verified = await updateInbox(admin, { inboxId: inbox.id, name: 'Sitio web', settings: { welcomeTagline: 'Nueva', requireIdentityVerification: 'on' } });
    expect(verified.channelSettings).toMatchObject({ hmacSecret: 'secreto', requireIdentityVerification: true });
    // An unticked checkbox is absent from the form: verification is no longer required.
    const unticked = await updateInbox(admin, { inboxId: inbox.id, name: 'Sitio web', settings: { welcomeTagline: 'Nueva' } });
    expect(unticked.channelSettings.requireIdentityVerification).toBeUndefined();
    const api = await createInbox(admin, { name: 'API', channelType: 'api', settings: { requireIdentityVerification: 'on' } });
    expect(api.channelSettings.requireIdentityVerification).toBeUndefined();

    await addInboxMember(admin, { inboxId: inbox.id, userId: agentUser.id });
    await addInboxMember(admin, { inboxId: inbox.id, userId: agentUser.id });
    expect((await loadActor(db, { userId: agentUser.id, accountId: account.id }))?.inboxIds).toEqual([inbox.id]);
    await removeInboxMember(admin, { inboxId: inbox.id, userId: agentUser.id });
    expect((await loadActor(db, { userId: agentUser.id, accountId: account.id }))?.inboxIds).toEqual([]);
  });

  it('deletes an inbox only with its name typed, with its conversations and attachment files', async () => {
    const { db } = database();
    const { admin, account } = await workspace(db);
    const inbox = await createInbox(admin, { name: 'Temporal', channelType: 'api' });
    const conversation = await createConversation(db, { accountId: account.id, inboxId: inbox.id });
    const message = await createMessage(db, { conversationId: conversation.id });
    await admin.storage.put('k/file-1', new Uint8Array([1]), 'text/plain');
    await db.insert(attachments).values({ accountId: account.id, messageId: message.id, storageKey: 'k/file-1', fileName: 'a.txt', mimeType: 'text/plain', size: 1, kind: 'file' });

    await expect(deleteInbox(admin, { inboxId: inbox.id, confirmName: 'temporal' })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'confirmName' } });
    await deleteInbox(admin, { inboxId: inbox.id, confirmName: 'Temporal' });
    expect(await db.select().from(conversations).where(eq(conversations.inboxId, inbox.id))).toEqual([]);
    expect(admin.storedFiles.has('k/file-1')).toBe(false);
  });

  it('agents are FORBIDDEN; inboxes and people of another account are NOT_FOUND', async () => {
    const { db } = database();
    const { admin, agent, agentUser } = await workspace(db);
    const inbox = await createInbox(admin, { name: 'Web', channelType: 'website' });
    await expect(createInbox(agent, { name: 'X', channelType: 'api' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateInbox(agent, { inboxId: inbox.id, name: 'X' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(deleteInbox(agent, { inboxId: inbox.id, confirmName: 'Web' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(addInboxMember(agent, { inboxId: inbox.id, userId: agentUser.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getInboxSettings(agent, { inboxId: inbox.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const other = await workspace(db);
    const foreign = await createInbox(other.admin, { name: 'Ajena', channelType: 'api' });
    await expect(updateInbox(admin, { inboxId: foreign.id, name: 'Robada' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deleteInbox(admin, { inboxId: foreign.id, confirmName: 'Ajena' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getInboxSettings(admin, { inboxId: foreign.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(addInboxMember(admin, { inboxId: foreign.id, userId: agentUser.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(addInboxMember(admin, { inboxId: inbox.id, userId: other.agentUser.id })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { entity: 'user' } });
  });
});
