import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as clientHandlers from '@/app/public/api/v1/_lib/client-api-handlers';
import { clientApiHandler, type ClientApiRequest } from '@/app/public/api/v1/_lib/client-api-route';
import { POST as contactRealtimeAuth } from '@/app/public/api/v1/realtime/auth/route';
import { contactHandler, postMessageHandler, sessionHandler, viewHandler } from '@/app/api/widget/_lib/widget-handlers';
import { widgetHandler, type WidgetCall } from '@/app/api/widget/_lib/widget-route';
import { POST as widgetRealtimeAuth } from '@/app/api/widget/realtime-auth/route';
import { dispatchApi } from '@/lib/api/router';
import { API_ROUTES, PROFILE_ROUTES } from '@/lib/api/routes';
import { resetRateLimits } from '@/lib/domain/channels/api/rate-limit';
import { createApiWorkspace, type ApiWorkspace } from '../../helpers/api-factories';
import { createChannelWorkspace, createWebhook, type ChannelWorkspace } from '../../helpers/channels-factories';
import { useTestDatabase } from '../../helpers/db';
import { createTeam } from '../../helpers/factories';
import { insertMacro } from '../../helpers/macro-factories';

// Issue 12 #5 for the three JSON APIs: a value PostgreSQL cannot hold (a NUL byte, an id past its
// integer, an impossible date, deep nesting, a string too long for an index, an array where text is
// expected), sent with VALID credentials against real records through every route, is a 4xx, never
// a 5xx; the values every request must refuse leave every table as it was.

const database = useTestDatabase();
// A fixed clock: the token's last use is written once, so "nothing stored" is every table unchanged.
const NOW = new Date('2026-06-01T12:00:00Z');

const nested = (levels: number): unknown => Array.from({ length: levels }).reduce<unknown>((inner) => [inner], 'x');
// Refused wherever they appear: 4xx and nothing stored.
const REFUSED: Record<string, unknown> = { nul: 'a\u0000b', nulKey: { 'a\u0000b': 'x' }, deep: nested(2_000) };
// Anything but a 5xx (some are fine values somewhere: a name may be "1e30").
const ODD: Record<string, unknown> = {
  hugeId: '99999999999999999999',
  hugeNumber: 1e30,
  exponent: '1e30',
  negative: -1,
  fraction: 1.5,
  array: ['x', 'y'],
  object: { x: { y: 1 } },
  long: randomBytes(15_000).toString('base64'),
  date: '9999-12-31T23:59:00-14:00',
  notDate: 'not-a-date',
  empty: '',
};
const BAD_PATH = ['99999999999999999999', '1e30', '-1', '0', '1.5', 'a\u0000b', 'x'.repeat(300)];
const QUERY_KEYS = ['before', 'page', 'q', 'inbox_id', 'team_id', 'status', 'assignee_type', 'labels', 'attribute_model', 'typing_status'];

// Every way to put a bad value in a body: the whole body, and each leaf of a valid body in turn
// (array items included).
const leafPaths = (value: unknown, path: string[] = []): string[][] =>
  value && typeof value === 'object' && Object.keys(value).length ? Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...path, key])) : [path];
const withLeaf = (body: unknown, path: string[], bad: unknown): unknown => {
  if (!path.length) return bad;
  const [key, ...rest] = path;
  const copy = (Array.isArray(body) ? [...body] : { ...(body as Record<string, unknown>) }) as Record<string, unknown>;
  copy[key] = withLeaf(copy[key], rest, bad);
  return copy;
};
const bodyVariants = (base: unknown, bads: Record<string, unknown>) =>
  Object.entries(bads).flatMap(([name, bad]) => [...new Set([[], ...leafPaths(base)].map((path) => path.join('.')))].map((path) => ({ name: `${path || 'body'}=${name}`, body: withLeaf(base, path ? path.split('.') : [], bad) })));
const formOf = (body: unknown) => {
  const form = new FormData();
  for (const [key, value] of Object.entries(body && typeof body === 'object' ? body : { body })) form.append(key, typeof value === 'string' ? value : JSON.stringify(value));
  return form;
};

const snapshot = async (): Promise<string> => {
  const tables = (await database().db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)) as unknown;
  const names = ((tables as { rows?: { table_name: string }[] }).rows ?? (tables as { table_name: string }[])).map((row) => row.table_name);
  const result = (await database().db.execute(sql.raw(names.map((name) => `select '${name}' as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${name}" x`).join(' union all ')))) as unknown;
  return ((result as { rows?: { t: string; h: string }[] }).rows ?? (result as { t: string; h: string }[])).map((row) => `${row.t}:${row.h}`).join('\n');
};

// `refuse`: the answer must be a 4xx (a body, path or form that holds a refused value); else only no 5xx.
type Probe = { name: string; refuse: boolean; send: () => Promise<Response> };

const run = async (probes: Probe[]) => {
  const failures: string[] = [];
  for (const probe of probes) {
    resetRateLimits();
    const response = await probe.send();
    if (response.status >= 500 || (probe.refuse && response.status < 400)) failures.push(`${probe.name}: ${response.status} ${(await response.text()).slice(0, 200)}`);
  }
  return failures;
};

// The refused values first (every table unchanged after them), then the odd ones (no 5xx).
const check = async (probesFor: (bads: Record<string, unknown>, refused: boolean) => Probe[]) => {
  const before = await snapshot();
  expect(await run(probesFor(REFUSED, true))).toEqual([]);
  expect(await snapshot()).toBe(before);
  expect(await run(probesFor(ODD, false))).toEqual([]);
};

// Query values are text: the string and number ones (a NUL in one the route does not read is ignored).
const queryValues = (bads: Record<string, unknown>) => Object.entries({ ...bads, nul: 'a\u0000b' }).filter(([, bad]) => typeof bad === 'string' || typeof bad === 'number');
// Multipart probes carry NUL in a field or a field's name. A form cannot nest (a nested value would
// travel as JSON text, its NUL escaped), and the odd values travel as text in the JSON probes already.
const formVariants = (base: unknown, bads: Record<string, unknown>) =>
  bads === REFUSED ? bodyVariants(base, { nul: REFUSED.nul }).concat({ name: 'body=nulKey', body: REFUSED.nulKey }) : [];

// ---- client API -----------------------------------------------------------------------------------

type ClientRoute = { handler: keyof typeof clientHandlers; method: string; path: ('contact' | 'conversation' | 'message')[]; body?: unknown; query?: boolean; multipart?: boolean };
const CONTACT_BODY = { name: 'Ana', email: 'ana@cliente.test', phone_number: '+525511112222', identifier: 'crm-1', custom_attributes: { plan: 'pro' } };
const CLIENT_ROUTES: ClientRoute[] = [
  { handler: 'createContactHandler', method: 'POST', path: [], body: CONTACT_BODY },
  { handler: 'getContactHandler', method: 'GET', path: ['contact'] },
  { handler: 'updateContactHandler', method: 'PATCH', path: ['contact'], body: CONTACT_BODY },
  { handler: 'listConversationsHandler', method: 'GET', path: ['contact'] },
  { handler: 'createConversationHandler', method: 'POST', path: ['contact'], body: { custom_attributes: { plan: 'pro' } } },
  { handler: 'getConversationHandler', method: 'GET', path: ['contact', 'conversation'] },
  { handler: 'listMessagesHandler', method: 'GET', path: ['contact', 'conversation'], query: true },
  { handler: 'postMessageHandler', method: 'POST', path: ['contact', 'conversation'], body: { content: 'Hola', echo_id: 'e1', source_id: 's1', message_type: 'incoming' }, multipart: true },
  {
    handler: 'updateMessageHandler',
    method: 'PATCH',
    path: ['contact', 'conversation', 'message'],
    body: { submitted_values: { name: 'a', title: 'b', value: 'c', csat_survey_response: { feedback_message: 'ok', rating: 5 } } },
  },
  { handler: 'toggleStatusHandler', method: 'POST', path: ['contact', 'conversation'] },
  { handler: 'updateLastSeenHandler', method: 'POST', path: ['contact', 'conversation'] },
  { handler: 'toggleTypingHandler', method: 'POST', path: ['contact', 'conversation'], body: { typing_status: 'on' }, query: true },
];

const clientCall = (workspace: ChannelWorkspace, route: ClientRoute, params: Record<string, string>, body?: unknown, query = '') => {
  const handle = clientHandlers[route.handler] as (call: ClientApiRequest) => Promise<Response>;
  const request = new Request(`http://localhost/public/api/v1/x${query}`, {
    method: route.method,
    headers: { 'X-Forwarded-For': '203.0.113.9', ...(body instanceof FormData ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  return clientApiHandler(handle, { ports: async () => workspace.ctx })(request, {
    params: Promise.resolve({ inboxIdentifier: params.inbox, contactIdentifier: params.contact, conversationId: params.conversation, messageId: params.message }),
  });
};

describe('client API: bad input with a valid source id is 4xx, never 5xx', () => {
  let workspace: ChannelWorkspace;
  const real: Record<string, string> = {};
  beforeAll(async () => {
    workspace = await createChannelWorkspace(database().db, { now: NOW });
    const contact = await (await clientCall(workspace, CLIENT_ROUTES[0], { inbox: workspace.inbox.identifier }, { name: 'Real' })).json();
    const conversation = await (await clientCall(workspace, CLIENT_ROUTES[4], { inbox: workspace.inbox.identifier, contact: contact.source_id }, {})).json();
    const message = await (await clientCall(workspace, CLIENT_ROUTES[7], { inbox: workspace.inbox.identifier, contact: contact.source_id, conversation: String(conversation.id) }, { content: 'Hola' })).json();
    Object.assign(real, { inbox: workspace.inbox.identifier, contact: contact.source_id, conversation: String(conversation.id), message: String(message.id) });
  });

  it('through every route: path params, query, JSON and multipart bodies', async () => {
    await check((bads, refused) =>
      CLIENT_ROUTES.flatMap((route) => {
        const name = `${route.method} ${route.handler}`;
        const paths = refused
          ? (['inbox', ...route.path] as const).flatMap((param) =>
              BAD_PATH.map((bad) => ({ name: `${name} ${param}=${JSON.stringify(bad)}`, refuse: true, send: () => clientCall(workspace, route, { ...real, [param]: bad }, route.body) })),
            )
          : [];
        const queries = route.query
          ? queryValues(bads).flatMap(([badName, bad]) =>
              QUERY_KEYS.map((key) => ({ name: `${name} ?${key}=${badName}`, refuse: false, send: () => clientCall(workspace, route, real, route.body, `?${key}=${encodeURIComponent(String(bad))}`) })),
            )
          : [];
        const bodies = route.body ? bodyVariants(route.body, bads).map((variant) => ({ name: `${name} ${variant.name}`, refuse: refused, send: () => clientCall(workspace, route, real, variant.body) })) : [];
        const forms = route.multipart
          ? formVariants(route.body, bads).map((variant) => ({ name: `${name} multipart ${variant.name}`, refuse: refused, send: () => clientCall(workspace, route, real, formOf(variant.body)) }))
          : [];
        return [...paths, ...queries, ...bodies, ...forms];
      }),
    );
    // The realtime auth endpoint (no database behind it, but the same rule).
    expect((await contactRealtimeAuth(new Request('http://localhost/x', { method: 'POST', body: formOf({ socket_id: '1.1', channel_name: 'a\u0000b', pubsub_token: 'a\u0000b' }) }))).status).toBeGreaterThanOrEqual(400);
  });
});

// ---- widget API -----------------------------------------------------------------------------------

const widgetCall = (workspace: ChannelWorkspace, handle: (call: WidgetCall) => Promise<Response>, token: string | null, body?: unknown) =>
  widgetHandler(handle, { visitor: handle !== sessionHandler, ports: async () => workspace.ctx })(
    new Request('http://localhost/api/widget/x', {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'X-Forwarded-For': '203.0.113.7', ...(token ? { 'X-Bandeja-Visitor': token } : {}), ...(body instanceof FormData || body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ inboxIdentifier: workspace.inbox.identifier }) },
  );

describe('widget API: bad input with a valid visitor token is 4xx, never 5xx', () => {
  it('session, messages (JSON and multipart), contact', async () => {
    const workspace = await createChannelWorkspace(database().db, { channelType: 'website', now: NOW });
    const { token } = await (await widgetCall(workspace, sessionHandler, null, {})).json();
    expect((await widgetCall(workspace, postMessageHandler, token, { content: 'Hola', echoId: 'real' })).status).toBe(201);
    const routes = [
      { handle: sessionHandler, body: { token, identifier: 'v-1', identifierHash: 'x' } },
      { handle: postMessageHandler, body: { content: 'Hola', echoId: 'e1' }, multipart: true },
      { handle: contactHandler, body: { name: 'Ana', email: 'ana@cliente.test' } },
    ];
    await check((bads, refused) =>
      routes.flatMap((route) => [
        ...bodyVariants(route.body, bads).map((variant) => ({ name: `${route.handle.name} ${variant.name}`, refuse: refused, send: () => widgetCall(workspace, route.handle, token, variant.body) })),
        ...(route.multipart
          ? formVariants(route.body, bads).map((variant) => ({ name: `${route.handle.name} multipart ${variant.name}`, refuse: refused, send: () => widgetCall(workspace, route.handle, token, formOf(variant.body)) }))
          : []),
      ]),
    );
    expect((await widgetCall(workspace, viewHandler, token)).status).toBe(200);
    expect((await widgetRealtimeAuth(new Request('http://localhost/x', { method: 'POST', headers: { 'X-Bandeja-Visitor': token }, body: formOf({ socket_id: '1.1', channel_name: 'a\u0000b' }) }))).status).toBeLessThan(500);
  });
});

// ---- application API ------------------------------------------------------------------------------

// A valid body for each write (the ids are filled in from the workspace's real records; webhook
// targets are a literal public address, so no DNS is asked).
const bodiesFor = (w: ApiWorkspace, ids: Record<string, number>): Record<string, unknown> => ({
  'POST /conversations': { inbox_id: w.inboxId, contact_id: w.contactId, source_id: 's-1', status: 'pending', assignee_id: w.agent.id, message: { content: 'Hola' } },
  'POST /conversations/filter': {
    payload: [
      { attribute_key: 'status', filter_operator: 'equal_to', values: ['open'], query_operator: 'and' },
      { attribute_key: 'last_activity_at', filter_operator: 'is_greater_than', values: ['2024-01-01'], query_operator: 'and' },
      { attribute_key: 'inbox_id', filter_operator: 'equal_to', values: [1], query_operator: null },
    ],
  },
  'PATCH /conversations/:conversationId': { priority: 'high' },
  'POST /conversations/:conversationId/toggle_status': { status: 'snoozed', snoozed_until: 1_900_000_000 },
  'POST /conversations/:conversationId/toggle_priority': { priority: 'high' },
  'POST /conversations/:conversationId/assignments': { assignee_id: w.agent.id },
  'POST /conversations/:conversationId/transcript': { email: 'ana@cliente.test' },
  'POST /conversations/:conversationId/labels': { labels: ['vip'] },
  'POST /conversations/:conversationId/custom_attributes': { custom_attributes: { plan: 'pro' } },
  'POST /conversations/:conversationId/participants': { user_ids: [w.agent.id] },
  'DELETE /conversations/:conversationId/participants': { user_ids: [w.agent.id] },
  'POST /conversations/:conversationId/messages': { content: 'Hola', private: false, message_type: 'outgoing', content_type: 'text', echo_id: 'e1' },
  'POST /contacts': { name: 'Ana', email: 'ana@cliente.test', phone_number: '+525511112222', identifier: 'crm-1', custom_attributes: { plan: 'pro' }, additional_attributes: { city: 'x', country: 'y', company_name: 'z', description: 'd' } },
  'PUT /contacts/:contactId': { name: 'Ana', email: 'ana@cliente.test', identifier: 'crm-1', additional_attributes: { city: 'x' } },
  'PATCH /contacts/:contactId': { name: 'Ana', phone_number: '+525511112222', custom_attributes: { plan: 'pro' } },
  'POST /contacts/filter': {
    payload: [
      { attribute_key: 'name', filter_operator: 'contains', values: ['a'], query_operator: 'and' },
      { attribute_key: 'created_at', filter_operator: 'is_greater_than', values: ['2024-01-01'], query_operator: null },
    ],
  },
  'POST /contacts/:contactId/contact_inboxes': { inbox_id: w.inboxId, source_id: 's-2' },
  'POST /contacts/:contactId/labels': { labels: ['vip'] },
  'POST /actions/contact_merge': { base_contact_id: w.contactId, mergee_contact_id: ids.otherContact },
  'POST /inbox_members': { inbox_id: w.inboxId, user_ids: [w.agent.id] },
  'DELETE /inbox_members': { inbox_id: w.otherInboxId, user_ids: [w.agent.id] },
  'POST /teams/:teamId/team_members': { user_ids: [w.agent.id] },
  'DELETE /teams/:teamId/team_members': { user_ids: [w.agent.id] },
  'POST /labels': { title: 'nueva', description: 'd', color: '#ff0000', show_on_sidebar: true },
  'PATCH /labels/:labelId': { title: 'otra', description: 'd', color: '#00ff00', show_on_sidebar: false },
  'POST /canned_responses': { short_code: 'hola2', content: 'Hola' },
  'PATCH /canned_responses/:cannedResponseId': { short_code: 'hola3', content: 'Hola' },
  'POST /custom_attribute_definitions': { attribute_display_name: 'Plan', attribute_display_type: 'list', attribute_key: 'plan2', attribute_model: 'contact_attribute', attribute_values: ['a'], regex_pattern: '^a', regex_cue: 'c' },
  'PATCH /custom_attribute_definitions/:definitionId': { attribute_display_name: 'Plan', attribute_description: 'd', attribute_values: ['a'] },
  'POST /webhooks': { url: 'https://93.184.216.34/h', subscriptions: ['message_created'], inbox_id: w.inboxId },
  'PATCH /webhooks/:webhookId': { url: 'https://93.184.216.34/h2', subscriptions: ['message_created'], inbox_id: w.inboxId },
  'POST /macros/:macroId/execute': { conversation_ids: [ids.conversationId] },
});

describe('application API: bad input with a valid access token is 4xx, never 5xx', () => {
  it('through every route: path params, query and bodies (JSON and multipart)', { timeout: 600_000 }, async () => {
    const w = await createApiWorkspace(database().db, { now: () => NOW });
    const call = async (method: string, path: string, body?: unknown, query = '') => {
      const segments = path.split('/').filter(Boolean);
      const request = new Request(`http://localhost/api/v1/accounts/${w.accountId}${path}${query}`, {
        method,
        headers: { api_access_token: w.admin.token, ...(body instanceof FormData || body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
      });
      return segments[0] === 'profile' ? dispatchApi(PROFILE_ROUTES, request, { segments }, async () => w.ports) : dispatchApi(API_ROUTES, request, { accountId: String(w.accountId), segments }, async () => w.ports);
    };
    const created = async (method: string, path: string, body: unknown) => (await (await call(method, path, body)).json()) as { id: number; payload?: { contact?: { id: number } } };
    const conversation = await created('POST', '/conversations', { inbox_id: w.inboxId, contact_id: w.contactId, message: { content: 'Hola' } });
    const message = await created('POST', `/conversations/${conversation.id}/messages`, { content: 'Respuesta' });
    const otherContact = await created('POST', '/contacts', { name: 'Otra' });
    const ids: Record<string, number> = {
      conversationId: conversation.id,
      messageId: message.id,
      contactId: w.contactId,
      otherContact: otherContact.payload?.contact?.id ?? 0,
      inboxId: w.inboxId,
      teamId: (await createTeam(w.db, { accountId: w.accountId })).id,
      labelId: (await created('POST', '/labels', { title: 'vip' })).id,
      cannedResponseId: (await created('POST', '/canned_responses', { short_code: 'hola', content: 'Hola' })).id,
      definitionId: (await created('POST', '/custom_attribute_definitions', { attribute_display_name: 'Plan', attribute_key: 'plan', attribute_model: 'conversation_attribute' })).id,
      webhookId: (await createWebhook(w.db, { accountId: w.accountId, url: 'https://93.184.216.34/a' })).id,
      macroId: (await insertMacro(w.db, { accountId: w.accountId, createdById: w.admin.id, visibility: 'global', actions: [{ action: 'change_priority', params: { priority: 'low' } }] })).id,
    };
    expect(Object.entries(ids).filter(([, id]) => !Number.isInteger(id) || id <= 0)).toEqual([]);
    const bodies = bodiesFor(w, ids);
    const routes = [...API_ROUTES, ...PROFILE_ROUTES];
    // Path params are the real records' ids, but for the one under test.
    const pathOf = (route: (typeof routes)[number], bad?: { param: string; value: string }) => route.path.replace(/:(\w+)/g, (_, param: string) => (bad?.param === param ? bad.value : String(ids[param])));

    await check((bads, refused) =>
      routes.flatMap((route) => {
        const name = `${route.method} ${route.path}`;
        const params = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]);
        const base = bodies[name];
        const paths = refused ? params.flatMap((param) => BAD_PATH.map((value) => ({ name: `${name} ${param}=${JSON.stringify(value)}`, refuse: true, send: () => call(route.method, pathOf(route, { param, value }), base) }))) : [];
        const queries =
          route.method === 'GET'
            ? queryValues(bads).flatMap(([badName, bad]) => QUERY_KEYS.map((key) => ({ name: `${name} ?${key}=${badName}`, refuse: false, send: () => call(route.method, pathOf(route), undefined, `?${key}=${encodeURIComponent(String(bad))}`) })))
            : [];
        // Writes without a body (deletes, unread…) are probed by their path params only.
        const writes = base
          ? [
              ...bodyVariants(base, bads).map((variant) => ({ name: `${name} ${variant.name}`, refuse: refused, send: () => call(route.method, pathOf(route), variant.body) })),
              ...formVariants(base, bads).map((variant) => ({ name: `${name} multipart ${variant.name}`, refuse: refused, send: () => call(route.method, pathOf(route), formOf(variant.body)) })),
            ]
          : [];
        return [...paths, ...queries, ...writes];
      }),
    );
  });
});
