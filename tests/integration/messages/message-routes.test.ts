import { describe, expect, it } from 'vitest';
import { errorResponse } from '@/app/api/conversations/_lib/json-response';
import { getMessages } from '@/app/api/conversations/_lib/get-messages';
import { postMessage } from '@/app/api/conversations/_lib/post-message';
import type { Ctx } from '@/lib/domain/context';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, createInbox, createMessage, createUser, ctxFor } from '../../helpers/factories';
import { createMessagesWorkspace } from '../../helpers/messages-factories';

const database = useTestDatabase();

// The handlers as withActor calls them once the session is checked; errors as JSON like withActor.
const post = (ctx: Ctx, conversationId: number | string, body: unknown) =>
  postMessage(
    ctx,
    new Request(`http://localhost/api/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    { conversationId: String(conversationId) },
  ).catch(errorResponse);
const get = (ctx: Ctx, conversationId: number | string, query = '') =>
  getMessages(ctx, new Request(`http://localhost/api/conversations/${conversationId}/messages${query}`), { conversationId: String(conversationId) }).catch(errorResponse);

describe('POST /api/conversations/:id/messages', () => {
  it('201 with the stored message as JSON; the same echoId again answers the same message', async () => {
    const { db } = database();
    const { ctx, me, conversation } = await createMessagesWorkspace(db);
    const open = await conversation();

    const response = await post(ctx, open.id, { content: 'Hola\nMundo', private: false, echoId: 'e-1', attachmentIds: [] });
    const retry = await post(ctx, open.id, { content: 'Hola\nMundo', private: false, echoId: 'e-1', attachmentIds: [] });

    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const body = await response.json();
    expect(body).toMatchObject({ messageType: 'outgoing', private: false, senderId: me.id, content: 'Hola\nMundo', createdAt: expect.any(String) });
    expect((await retry.json()).id).toBe(body.id);
  });

  it('400 INVALID_INPUT for a body that is not JSON or a message without content; 404 for a conversation the agent may not see', async () => {
    const { db } = database();
    const { ctx, accountId, conversation } = await createMessagesWorkspace(db);
    const open = await conversation();
    const outsider = await createUser(db, { accountId, inboxIds: [(await createInbox(db, { accountId })).id] });

    expect((await post(ctx, open.id, '{not json')).status).toBe(400);
    const empty = await post(ctx, open.id, { content: '  ', private: true });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ error: 'INVALID_INPUT', details: { field: 'content' } });
    expect((await post(ctx, open.id, { content: 'x', private: 'yes' })).status).toBe(400);

    const hidden = await post(ctxFor(db, await actorFor(db, outsider.id, accountId)), open.id, { content: 'Hola' });
    expect(hidden.status).toBe(404);
    expect((await post(ctx, 'abc', { content: 'Hola' })).status).toBe(404);
  });
});

describe('GET /api/conversations/:id/messages', () => {
  it('returns the latest page and, with beforeId, the older one', async () => {
    const { db } = database();
    const { ctx, conversation } = await createMessagesWorkspace(db);
    const open = await conversation();
    const start = Date.now() - 3_600_000;
    for (let i = 0; i < 55; i += 1) await createMessage(db, { conversationId: open.id, content: `m${i}`, createdAt: new Date(start + i * 1000) });

    const latest = await (await get(ctx, open.id)).json();
    expect(latest.hasOlder).toBe(true);
    expect(latest.messages).toHaveLength(50);
    expect(latest.messages[0].content).toBe('m5');

    const older = await (await get(ctx, open.id, `?beforeId=${latest.messages[0].id}`)).json();
    expect(older).toMatchObject({ hasOlder: false });
    expect(older.messages.map((message: { content: string }) => message.content)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  });

  it('404 for a conversation the agent may not see; 400 for a malformed beforeId', async () => {
    const { db } = database();
    const { ctx, accountId, conversation } = await createMessagesWorkspace(db);
    const open = await conversation();
    const outsider = await createUser(db, { accountId, inboxIds: [(await createInbox(db, { accountId })).id] });

    expect((await get(ctxFor(db, await actorFor(db, outsider.id, accountId)), open.id)).status).toBe(404);
    expect((await get(ctx, open.id, '?beforeId=1;drop')).status).toBe(400);
  });
});
