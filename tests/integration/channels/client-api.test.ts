import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as handlers from '@/app/public/api/v1/_lib/client-api-handlers';
import { clientApiHandler } from '@/app/public/api/v1/_lib/client-api-route';
import { attachments, conversations, messages } from '@/db/schema';
import { getSignedAttachmentFile } from '@/lib/domain/attachments/signed-link';
import { MAX_UPLOAD_BYTES } from '@/lib/domain/attachments/store-upload';
import { linkSecret } from '@/lib/domain/transcripts/send-transcript';
import { resetRateLimits } from '@/lib/domain/channels/api/rate-limit';
import { createChannelWorkspace, type ChannelWorkspace } from '../../helpers/channels-factories';
import { callClientApi } from '../../helpers/client-api-call';
import { useTestDatabase } from '../../helpers/db';

const database = useTestDatabase();

beforeEach(() => resetRateLimits());

const call = callClientApi;

describe('public client API of an API inbox', () => {
  it('contact → conversation → messages, in Chatwoot shapes', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db);

    const contact = await call(workspace, 'createContactHandler', {}, { body: { name: 'Ana', email: 'Ana@Cliente.test', identifier: 'crm-1' } });
    expect(contact).toMatchObject({ status: 200, body: { name: 'Ana', email: 'ana@cliente.test', identifier: 'crm-1', source_id: expect.any(String), pubsub_token: expect.any(String) } });
    const sourceId = contact.body.source_id as string;

    const conversation = await call(workspace, 'createConversationHandler', { contact: sourceId }, { body: {} });
    expect(conversation).toMatchObject({ status: 200, body: { id: expect.any(Number), status: 'open', inbox_id: workspace.inbox.id } });
    const displayId = conversation.body.id as number;

    const posted = await call(workspace, 'postMessageHandler', { contact: sourceId, conversation: displayId }, { body: { content: 'Hola', echo_id: 'e1' } });
    expect(posted).toMatchObject({ status: 200, body: { content: 'Hola', message_type: 'incoming', conversation_id: displayId, echo_id: 'e1', duplicate: false } });
    const again = await call(workspace, 'postMessageHandler', { contact: sourceId, conversation: displayId }, { body: { content: 'Hola de nuevo', source_id: 'ext-1' } });
    const duplicate = await call(workspace, 'postMessageHandler', { contact: sourceId, conversation: displayId }, { body: { content: 'Hola de nuevo', source_id: 'ext-1' } });
    expect(duplicate).toMatchObject({ status: 200, body: { id: again.body.id, duplicate: true } });

    const list = await call(workspace, 'listMessagesHandler', { contact: sourceId, conversation: displayId });
    expect(list.body.map((message: { content: string; message_type: string }) => [message.message_type, message.content])).toEqual([
      ['incoming', 'Hola'],
      ['incoming', 'Hola de nuevo'],
    ]);
    expect((await call(workspace, 'listConversationsHandler', { contact: sourceId })).body).toMatchObject([{ id: displayId }]);
    expect((await call(workspace, 'getContactHandler', { contact: sourceId })).body).toMatchObject({ id: contact.body.id, source_id: sourceId });
    const patched = await call(workspace, 'updateContactHandler', { contact: sourceId }, { method: 'PATCH', body: { name: 'Ana María', custom_attributes: { plan: 'pro' } } });
    expect(patched.body).toMatchObject({ name: 'Ana María', custom_attributes: { plan: 'pro' } });
  });

  it('a contact cannot read or write another contact’s conversations; unknown contacts and inboxes are 404', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db);
    const ana = (await call(workspace, 'createContactHandler', {}, { body: { name: 'Ana' } })).body.source_id;
    const bea = (await call(workspace, 'createContactHandler', {}, { body: { name: 'Bea' } })).body.source_id;
    const anas = (await call(workspace, 'createConversationHandler', { contact: ana }, { body: {} })).body.id;

    expect((await call(workspace, 'getConversationHandler', { contact: bea, conversation: anas })).status).toBe(404);
    expect((await call(workspace, 'listMessagesHandler', { contact: bea, conversation: anas })).status).toBe(404);
    expect((await call(workspace, 'postMessageHandler', { contact: bea, conversation: anas }, { body: { content: 'intruso' } })).status).toBe(404);
    expect((await call(workspace, 'listConversationsHandler', { contact: bea })).body).toEqual([]);
    expect((await call(workspace, 'getContactHandler', { contact: 'no-such-source' })).status).toBe(404);
    expect((await call(workspace, 'createContactHandler', { inbox: 'no-such-inbox' }, { body: {} })).status).toBe(404);
    // An email inbox is not an API inbox.
    const email = await createChannelWorkspace(db, { channelType: 'email' });
    expect((await call(email, 'createContactHandler', {}, { body: {} })).status).toBe(404);
  });

  it('malformed bodies are 4xx JSON with a reason (ours and Chatwoot’s error shape), and change nothing; unknown keys are ignored', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db);
    const ana = (await call(workspace, 'createContactHandler', {}, { body: { name: 'Ana' } })).body.source_id;
    const conversation = (await call(workspace, 'createConversationHandler', { contact: ana }, { body: {} })).body.id;
    const at = { contact: ana, conversation };

    expect(await call(workspace, 'postMessageHandler', at, { body: '{not json' })).toMatchObject({ status: 400, body: { error: 'INVALID_JSON' } });
    expect(await call(workspace, 'postMessageHandler', at, { body: { content: '' } })).toMatchObject({
      status: 422,
      body: { error: 'INVALID_INPUT', details: { field: 'content' }, description: expect.any(String), errors: [{ field: 'content', code: 'INVALID_INPUT', message: expect.any(String) }] },
    });
    expect(await call(workspace, 'postMessageHandler', at, { body: { content: 'x'.repeat(10_001) } })).toMatchObject({ status: 422 });
    expect(await call(workspace, 'createContactHandler', {}, { body: { email: 'not-an-email' } })).toMatchObject({ status: 422, body: { details: { field: 'email' } } });
    expect(await call(workspace, 'createContactHandler', {}, { body: { phone_number: '5512345678' } })).toMatchObject({ status: 422, body: { details: { field: 'phone_number' } } });
    expect((await call(workspace, 'createContactHandler', {}, { body: { phone_number: '+52 (55) 1234-5678' } })).body).toMatchObject({ phone_number: '+525512345678' });
    expect(await call(workspace, 'getConversationHandler', { contact: ana, conversation: 'abc' })).toMatchObject({ status: 404 });
    expect(await db.select().from(messages).where(eq(messages.inboxId, workspace.inbox.id))).toEqual([]);
    // Unknown keys: ignored rather than 422.
    expect(await call(workspace, 'postMessageHandler', at, { body: { content: 'x', unknown: 1 } })).toMatchObject({ status: 200, body: { content: 'x' } });
    expect(await call(workspace, 'createContactHandler', {}, { body: { name: 'Eva', avatar_url: 'https://x.test/a.png' } })).toMatchObject({ status: 200, body: { name: 'Eva' } });
  });

  it('B3: message_type outgoing needs the inbox secret and is stored as sent outside the platform', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db, { settings: { hmacSecret: 'inbox-secret' } });
    const ana = (await call(workspace, 'createContactHandler', {}, { body: { name: 'Ana' } })).body.source_id;
    const conversation = (await call(workspace, 'createConversationHandler', { contact: ana }, { body: {} })).body.id;
    const at = { contact: ana, conversation };

    expect((await call(workspace, 'postMessageHandler', at, { body: { content: 'desde el CRM', message_type: 'outgoing' } })).status).toBe(403);
    const wrong = await call(workspace, 'postMessageHandler', at, { body: { content: 'x', message_type: 'outgoing' }, headers: { 'X-Bandeja-Inbox-Secret': 'nope' } });
    expect(wrong.status).toBe(403);
    const ok = await call(workspace, 'postMessageHandler', at, { body: { content: 'desde el CRM', message_type: 'outgoing' }, headers: { 'X-Bandeja-Inbox-Secret': 'inbox-secret' } });
    expect(ok.status).toBe(200);
    const [stored] = await db.select().from(messages).where(eq(messages.id, ok.body.id));
    expect(stored).toMatchObject({ messageType: 'outgoing', sentOutsidePlatform: true });
  });

  it('rate limits: a contact gets 429 with Retry-After after its burst; other contacts are not affected; time refills it (injected clock)', async () => {
    const { db } = database();
    let now = new Date('2026-03-02T10:00:00Z');
    const workspace = await createChannelWorkspace(db, { now: () => now });
    const ana = (await call(workspace, 'createContactHandler', {}, { body: { name: 'Ana' } })).body.source_id;
    const bea = (await call(workspace, 'createContactHandler', {}, { body: { name: 'Bea' } })).body.source_id;

    const answers = [];
    for (let index = 0; index < 21; index += 1) answers.push(await call(workspace, 'getContactHandler', { contact: ana }));

    expect(answers.slice(0, 20).every((answer) => answer.status === 200)).toBe(true);
    expect(answers[20]).toMatchObject({ status: 429, body: { error: 'RATE_LIMITED' }, retryAfter: expect.stringMatching(/^\d+$/) });
    expect((await call(workspace, 'getContactHandler', { contact: bea })).status).toBe(200);
    // 60 a minute: one more a second later (the clock is the workspace's, never the wall's).
    now = new Date(now.getTime() + 1000);
    expect((await call(workspace, 'getContactHandler', { contact: ana })).status).toBe(200);
    expect((await call(workspace, 'getContactHandler', { contact: ana })).status).toBe(429);
    // Creating contacts is limited per inbox and address.
    const created: number[] = [];
    for (let index = 0; index < 11; index += 1) created.push((await call(workspace, 'createContactHandler', {}, { body: {} })).status);
    expect(created.at(-1)).toBe(429);
  });

  it('toggle_status resolves the conversation with the system activity; the next message reopens it; update_last_seen records the read', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db);
    const ana = (await call(workspace, 'createContactHandler', {}, { body: { name: 'Ana' } })).body.source_id;
    const conversation = (await call(workspace, 'createConversationHandler', { contact: ana }, { body: {} })).body.id;
    const at = { contact: ana, conversation };
    await call(workspace, 'postMessageHandler', at, { body: { content: 'Hola' } });

    expect((await call(workspace, 'toggleStatusHandler', at, { body: {} })).body).toMatchObject({ id: conversation, status: 'resolved' });
    const [row] = await db.select().from(conversations).where(and(eq(conversations.inboxId, workspace.inbox.id), eq(conversations.displayId, conversation)));
    const activity = (await db.select().from(messages).where(eq(messages.conversationId, row.id))).find((message) => message.messageType === 'activity');
    expect(activity?.content).toBe('El sistema cambió el estado a resuelta');

    await call(workspace, 'postMessageHandler', at, { body: { content: 'Una cosa más' } });
    expect((await call(workspace, 'getConversationHandler', at)).body.status).toBe('open');

    const seen = await call(workspace, 'updateLastSeenHandler', at, { body: {} });
    expect(seen.status).toBe(200);
    const [after] = await db.select().from(conversations).where(eq(conversations.id, row.id));
    expect(after.contactLastSeenAt?.toISOString()).toBe(seen.body.contact_last_seen_at);
  });
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);

const form = (fields: Record<string, string>, files: { name: string; data: Uint8Array; type?: string }[] = [], field = 'attachments[]') => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  for (const file of files) data.append(field, new Blob([file.data as Uint8Array<ArrayBuffer>], { type: file.type ?? '' }), file.name);
  return data;
};

// A contact with an open conversation of the API inbox.
const contactWithConversation = async (workspace: ChannelWorkspace) => {
  const sourceId = (await call(workspace, 'createContactHandler', {}, { body: { name: 'Ana' } })).body.source_id as string;
  const displayId = (await call(workspace, 'createConversationHandler', { contact: sourceId }, { body: {} })).body.id as number;
  return { sourceId, displayId };
};

describe('client API: attachments (multipart/form-data)', () => {
  it('a message with attachments[] stores the files; the JSON carries signed links the contact can open', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db);
    const { sourceId, displayId } = await contactWithConversation(workspace);

    const posted = await call(
      workspace,
      'postMessageHandler',
      { contact: sourceId, conversation: displayId },
      { body: form({ content: 'Mi factura', echo_id: 'e1' }, [{ name: 'foto.png', data: PNG, type: 'image/png' }, { name: 'nota.txt', data: new TextEncoder().encode('hola') }]) },
    );

    expect(posted).toMatchObject({
      status: 200,
      body: {
        content: 'Mi factura',
        echo_id: 'e1',
        message_type: 'incoming',
        attachments: [
          { file_type: 'image', file_name: 'foto.png', content_type: 'image/png', file_size: PNG.length, data_url: expect.stringMatching(/\/api\/attachments\/\d+\?expires=\d+&signature=/) },
          { file_type: 'file', file_name: 'nota.txt', file_size: 4 },
        ],
      },
    });
    const link = new URL(posted.body.attachments[0].data_url);
    const opened = await getSignedAttachmentFile(
      { db, storage: workspace.ctx.storage },
      { attachmentId: link.pathname.split('/').pop() as string, expires: link.searchParams.get('expires') as string, signature: link.searchParams.get('signature') as string, secret: linkSecret(), now: new Date() },
    );
    expect(new Uint8Array(await new Response(opened.body).arrayBuffer())).toEqual(PNG);
    const list = await call(workspace, 'listMessagesHandler', { contact: sourceId, conversation: displayId });
    expect(list.body.at(-1).attachments.map((file: { file_name: string; data_url: string }) => [file.file_name, file.data_url.includes('signature=')])).toEqual([
      ['foto.png', true],
      ['nota.txt', true],
    ]);

    // Files alone (no text) are a message too; `attachments` without brackets is accepted.
    const filesOnly = await call(workspace, 'postMessageHandler', { contact: sourceId, conversation: displayId }, { body: form({}, [{ name: 'b.png', data: PNG }], 'attachments') });
    expect(filesOnly).toMatchObject({ status: 200, body: { content: null, attachments: [{ file_name: 'b.png' }] } });
  });

  // Parses a 50 MB multipart body: a wider limit than the default on a loaded machine (not a timing assertion).
  it('a file over 50 MB is 413 and nothing is kept; too many, empty or no files and no text are 422; a duplicate keeps no second copy', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db);
    const { sourceId, displayId } = await contactWithConversation(workspace);
    const post = (body: FormData) => call(workspace, 'postMessageHandler', { contact: sourceId, conversation: displayId }, { body });

    const tooLarge = await post(form({ content: 'grande' }, [{ name: 'ok.png', data: PNG }, { name: 'big.bin', data: new Uint8Array(MAX_UPLOAD_BYTES + 1) }]));
    expect(tooLarge).toMatchObject({ status: 413, body: { error: 'TOO_LARGE' } });
    expect((await post(form({ content: 'seis' }, Array.from({ length: 6 }, (_, index) => ({ name: `${index}.png`, data: PNG }))))).status).toBe(422);
    expect((await post(form({ content: 'vacío' }, [{ name: 'empty.txt', data: new Uint8Array() }]))).status).toBe(422);
    expect((await post(form({}))).status).toBe(422);
    const conversation = (await db.select().from(conversations).where(eq(conversations.displayId, displayId))).find((row) => row.inboxId === workspace.inbox.id);
    expect(await db.select().from(messages).where(and(eq(messages.conversationId, conversation!.id), eq(messages.messageType, 'incoming')))).toEqual([]);
    expect(workspace.ctx.storedFiles.size).toBe(0);

    // Unknown fields are ignored, as Chatwoot does.
    const first = await post(form({ content: 'con archivo', source_id: 'ext-9', unknown: 'y' }, [{ name: 'a.png', data: PNG }]));
    const again = await post(form({ content: 'con archivo', source_id: 'ext-9' }, [{ name: 'a.png', data: PNG }]));
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id, duplicate: true } });
    expect(workspace.ctx.storedFiles.size).toBe(1);
    expect(await db.select().from(attachments).where(eq(attachments.messageId, first.body.id))).toHaveLength(1);
  }, 90_000);
});

describe('client API: toggle_typing', () => {
  it('publishes typing on/off to the inbox channel for agents, throttled per contact; nothing is stored', async () => {
    const { db } = database();
    let clock = new Date('2026-11-27T06:00:00Z');
    const workspace = await createChannelWorkspace(db, { now: () => clock });
    const { sourceId, displayId } = await contactWithConversation(workspace);
    const [conversation] = await db.select().from(conversations).where(and(eq(conversations.inboxId, workspace.inbox.id), eq(conversations.displayId, displayId)));
    const typing = (status: string) => call(workspace, 'toggleTypingHandler', { contact: sourceId, conversation: displayId }, { body: { typing_status: status } });
    const typingEvents = () => workspace.ctx.published.filter((event) => event.event.startsWith('conversation.typing'));
    const before = (await db.select().from(messages).where(eq(messages.conversationId, conversation.id))).length;

    expect(await typing('on')).toMatchObject({ status: 200, body: { typing_status: 'on', published: true } });
    clock = new Date(clock.getTime() + 500);
    expect((await typing('on')).body.published).toBe(false);
    clock = new Date(clock.getTime() + 2000);
    expect((await typing('on')).body.published).toBe(true);
    expect((await typing('off')).body.published).toBe(true);
    expect((await typing('off')).body.published).toBe(false);

    expect(typingEvents()).toEqual([
      { channel: `private-account-${workspace.accountId}-inbox-${workspace.inbox.id}`, event: 'conversation.typing_on', data: { conversationId: conversation.id, contact: true } },
      { channel: `private-account-${workspace.accountId}-inbox-${workspace.inbox.id}`, event: 'conversation.typing_on', data: { conversationId: conversation.id, contact: true } },
      { channel: `private-account-${workspace.accountId}-inbox-${workspace.inbox.id}`, event: 'conversation.typing_off', data: { conversationId: conversation.id, contact: true } },
    ]);
    expect(await db.select().from(messages).where(eq(messages.conversationId, conversation.id))).toHaveLength(before);
  });

  it('typing_status may come in the query; a bad status is 422, another contact’s conversation 404', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db);
    const { sourceId, displayId } = await contactWithConversation(workspace);
    const other = (await call(workspace, 'createContactHandler', {}, { body: { name: 'Bea' } })).body.source_id as string;
    const query = await clientApiHandler(handlers.toggleTypingHandler, { ports: async () => workspace.ctx })(
      new Request('http://localhost/public/api/v1/x?typing_status=on', { method: 'POST', headers: { 'X-Forwarded-For': '203.0.113.9' } }),
      { params: Promise.resolve({ inboxIdentifier: workspace.inbox.identifier, contactIdentifier: sourceId, conversationId: String(displayId) }) },
    );
    expect(query.status).toBe(200);
    expect(await query.json()).toMatchObject({ typing_status: 'on', published: true });
    expect((await call(workspace, 'toggleTypingHandler', { contact: sourceId, conversation: displayId }, { body: { typing_status: 'maybe' } })).status).toBe(422);
    expect((await call(workspace, 'toggleTypingHandler', { contact: sourceId, conversation: displayId }, { body: {} })).status).toBe(422);
    expect((await call(workspace, 'toggleTypingHandler', { contact: other, conversation: displayId }, { body: { typing_status: 'on' } })).status).toBe(404);
  });
});
