import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as realtimeAuth } from '@/app/api/widget/realtime-auth/route';
import { contactHandler, postMessageHandler, sessionHandler, viewHandler } from '@/app/api/widget/_lib/widget-handlers';
import { widgetHandler, type WidgetCall } from '@/app/api/widget/_lib/widget-route';
import { resetRateLimits } from '@/lib/domain/channels/api/rate-limit';
import { getRealtimeConfig } from '@/lib/realtime/config';
import { createChannelWorkspace, type ChannelWorkspace } from '../../helpers/channels-factories';
import { useTestDatabase } from '../../helpers/db';

const database = useTestDatabase();

beforeEach(() => resetRateLimits());

// Calls a widget handler the way its route does, with the test database behind it.
const call = async (
  workspace: ChannelWorkspace,
  handle: (call: WidgetCall) => Promise<Response>,
  options: { token?: string; body?: unknown; form?: FormData; method?: string; needsVisitor?: boolean } = {},
) => {
  const headers: Record<string, string> = { 'X-Forwarded-For': '203.0.113.7', ...(options.token ? { 'X-Bandeja-Visitor': options.token } : {}) };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const request = new Request('http://localhost/api/widget/x', {
    method: options.method ?? (options.body === undefined && !options.form ? 'GET' : 'POST'),
    headers,
    body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const response = await widgetHandler(handle, { visitor: options.needsVisitor ?? true, ports: async () => workspace.ctx })(request, {
    params: Promise.resolve({ inboxIdentifier: workspace.inbox.identifier }),
  });
  return { status: response.status, body: await response.json(), retryAfter: response.headers.get('retry-after') };
};

const startSession = async (workspace: ChannelWorkspace, body: unknown = {}) => call(workspace, sessionHandler, { body, needsVisitor: false });

describe('website widget API', () => {
  it('session, messages (text and a file), contact; a missing or bad token is 401', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db, { channelType: 'website' });
    const session = await startSession(workspace);
    expect(session).toMatchObject({ status: 200, body: { token: expect.any(String), channel: expect.stringMatching(/^private-visitor-/), messages: [] } });
    const { token } = session.body as { token: string };

    expect((await call(workspace, viewHandler)).status).toBe(401);
    expect((await call(workspace, viewHandler, { token: `${token}x` })).status).toBe(401);
    const api = await createChannelWorkspace(db);
    expect((await call(api, viewHandler, { token })).status).toBe(404);

    expect(await call(workspace, postMessageHandler, { token, body: { content: 'Hola', echoId: 'e1' } })).toMatchObject({ status: 201, body: { duplicate: false, messages: [{ content: 'Hola', incoming: true }] } });
    expect(await call(workspace, postMessageHandler, { token, body: { content: 'Hola', echoId: 'e1' } })).toMatchObject({ status: 200, body: { duplicate: true } });
    expect((await call(workspace, postMessageHandler, { token, body: { content: '   ', echoId: 'e2' } })).status).toBe(422);
    expect((await call(workspace, postMessageHandler, { token, body: { content: 'x', echoId: 'e3', extra: 1 } })).status).toBe(422);

    const form = new FormData();
    form.set('echoId', 'e4');
    form.set('content', '');
    form.set('file', new File([await readFile(path.resolve(import.meta.dirname, '../../e2e/fixtures/pixel.png'))], 'foto.png', { type: 'image/png' }));
    const withFile = await call(workspace, postMessageHandler, { token, form });
    expect(withFile.status).toBe(201);
    const last = withFile.body.messages.at(-1);
    expect(last.attachments).toMatchObject([{ kind: 'image', fileName: 'foto.png', url: expect.stringMatching(/^\/api\/attachments\/\d+\?expires=\d+&signature=/) }]);

    expect((await call(workspace, contactHandler, { token, body: { email: 'no' } })).status).toBe(422);
    expect(await call(workspace, contactHandler, { token, body: { name: 'Ana', email: 'ana@cliente.test' } })).toMatchObject({ status: 200, body: { name: 'Ana', email: 'ana@cliente.test' } });
    expect((await call(workspace, viewHandler, { token })).body.visitor).toMatchObject({ name: 'Ana', email: 'ana@cliente.test', verified: false });
  });

  it('refuses an unverified identifier when the inbox requires verification (403)', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db, { channelType: 'website', settings: { hmacSecret: 's', requireIdentityVerification: true } });
    expect(await startSession(workspace, { identifier: 'u-1', identifierHash: 'f00' })).toMatchObject({ status: 403, body: { error: 'FORBIDDEN' } });
  });

  it('rate limits one visitor (429 with Retry-After)', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db, { channelType: 'website' });
    const { token } = (await startSession(workspace)).body as { token: string };
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 25; i += 1) {
      const response = await call(workspace, viewHandler, { token });
      statuses.push(response.status);
      retryAfter ??= response.retryAfter;
    }
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it('realtime auth: the visitor token opens its own channel only', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db, { channelType: 'website' });
    const mine = (await startSession(workspace)).body as { token: string; channel: string };
    const theirs = (await startSession(workspace)).body as { token: string; channel: string };
    const auth = async (channel: string, token?: string) => {
      const response = await realtimeAuth(
        new Request('http://localhost/api/widget/realtime-auth', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(token ? { 'X-Bandeja-Visitor': token } : {}) },
          body: new URLSearchParams({ socket_id: '123.456', channel_name: channel }),
        }),
      );
      return { status: response.status, body: await response.json() };
    };
    expect(await auth(mine.channel, mine.token)).toMatchObject({ status: 200, body: { auth: expect.stringMatching(new RegExp(`^${getRealtimeConfig().key}:[0-9a-f]{64}$`)) } });
    expect((await auth(theirs.channel, mine.token)).status).toBe(403);
    expect((await auth(`private-account-${workspace.accountId}-inbox-${workspace.inbox.id}`, mine.token)).status).toBe(403);
    expect((await auth(`presence-conversation-1`, mine.token)).status).toBe(403);
    expect((await auth(mine.channel)).status).toBe(401);
  });
});
