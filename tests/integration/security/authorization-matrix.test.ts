import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { apiAccessTokens, cannedResponses, notifications, users, webhookDeliveries } from '@/db/schema';
import { passwordStamp } from '@/lib/domain/auth/session-validity';
import { useTestDatabase } from '@/tests/helpers/db';
import { createAccount, createContact, createConversation, createInbox, createMessage, createTeam, createUser } from '@/tests/helpers/factories';
import { createWebhook } from '@/tests/helpers/channels-factories';
import { createAttributeDefinition } from '@/tests/helpers/filters-factories';
import { createLabel, storeSavedView } from '@/tests/helpers/list-factories';
import { insertMacro } from '@/tests/helpers/macro-factories';
import { createOutboxEntry } from '@/tests/helpers/mail-factories';

// Issue 12: EVERY server action (the exports of the 'use server' files in lib/actions) and EVERY
// route handler (app/**/route.ts), found on disk, × administrator, agent of the inbox, agent of
// another inbox, member (administrator) of another account, signed out. The real actions and route
// handlers run on a real database with the session of each role (next-auth's `auth()` is the only
// thing replaced, with the claims a cookie would carry). A role that must not reach the target gets
// NOT_FOUND / FORBIDDEN / UNAUTHENTICATED (signed out: the redirect to /login, or 401) and the
// whole database is byte-for-byte what it was. A new action or route without an entry here fails.

const hoisted = vi.hoisted(() => ({ session: null as unknown, db: null as unknown }));

vi.mock('@/lib/auth', () => ({
  auth: async () => hoisted.session,
  signIn: async () => undefined,
  signOut: async () => undefined,
  updateSession: async () => undefined,
  handlers: { GET: async () => new Response(null, { status: 404 }), POST: async () => new Response(null, { status: 404 }) },
}));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));
vi.mock('@/db/client', async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => hoisted.db }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': '192.0.2.10', referer: 'http://localhost/all', host: 'localhost' }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock('@/lib/realtime/publisher', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getRealtimePublisher: () => ({ publish: async () => undefined, endUserConnections: async () => undefined }),
}));

const root = path.resolve(import.meta.dirname, '../../..');
const database = useTestDatabase();
const db = (): Db => database().db;

type Role = 'administrator' | 'agentOfInbox' | 'agentOfOtherInbox' | 'otherAccount' | 'signedOut';
const ROLES: Role[] = ['administrator', 'agentOfInbox', 'agentOfOtherInbox', 'otherAccount', 'signedOut'];

// Who must be refused:
// - admin: administrator-only work on the account (settings); agents and other accounts refused.
// - adminCreate: creates in the actor's own account: agents refused (another account's
//   administrator creates in theirs, which is allowed and changes nothing of this account).
// - inbox: a conversation / contact of the inbox: the agent of another inbox and other accounts refused.
// - owner: a record of the inbox's agent (notification, saved view, token): everyone else refused.
// - self: the caller's own data only (profile, password): only the signed-out caller is refused.
type Scope = 'admin' | 'adminCreate' | 'inbox' | 'owner' | 'self';
const REFUSED: Record<Scope, Role[]> = {
  admin: ['agentOfInbox', 'agentOfOtherInbox', 'otherAccount', 'signedOut'],
  adminCreate: ['agentOfInbox', 'agentOfOtherInbox', 'signedOut'],
  inbox: ['agentOfOtherInbox', 'otherAccount', 'signedOut'],
  owner: ['administrator', 'agentOfOtherInbox', 'otherAccount', 'signedOut'],
  self: ['signedOut'],
};

type World = Awaited<ReturnType<typeof buildWorld>>;

const buildWorld = async () => {
  const d = db();
  const account = await createAccount(d);
  const inbox = await createInbox(d, { accountId: account.id });
  const otherInbox = await createInbox(d, { accountId: account.id });
  const admin = await createUser(d, { accountId: account.id, role: 'administrator' });
  const team = await createTeam(d, { accountId: account.id });
  const agent = await createUser(d, { accountId: account.id, inboxIds: [inbox.id] });
  const otherAgent = await createUser(d, { accountId: account.id, inboxIds: [otherInbox.id] });
  const foreignAccount = await createAccount(d);
  const foreigner = await createUser(d, { accountId: foreignAccount.id, role: 'administrator' });
  // The same attribute key in the other account: its administrator gets past the key check.
  await createAttributeDefinition(d, { accountId: foreignAccount.id, model: 'conversation', key: 'pedido', type: 'text' });
  const contact = await createContact(d, { accountId: account.id, name: 'Lucía Cliente' });
  const secondContact = await createContact(d, { accountId: account.id, name: 'Lucía Duplicada' });
  const conversation = await createConversation(d, { accountId: account.id, inboxId: inbox.id, contactId: contact.id });
  await createConversation(d, { accountId: account.id, inboxId: inbox.id, contactId: secondContact.id });
  const message = await createMessage(d, { conversationId: conversation.id, content: 'Hola, mi pedido' });
  const label = await createLabel(d, { accountId: account.id });
  const definition = await createAttributeDefinition(d, { accountId: account.id, model: 'conversation', key: 'pedido', type: 'text' });
  const macro = await insertMacro(d, { accountId: account.id, createdById: admin.id, visibility: 'global', actions: [{ action: 'change_priority', params: { priority: 'high' } }] as never });
  const webhook = await createWebhook(d, { accountId: account.id, url: 'https://1.1.1.1/hook' });
  const [delivery] = await d
    .insert(webhookDeliveries)
    .values({ webhookId: webhook.id, accountId: account.id, event: 'message_created', payload: {}, status: 'failed' } as never)
    .returning();
  const [canned] = await d.insert(cannedResponses).values({ accountId: account.id, shortCode: 'hola', content: 'Hola' }).returning();
  const outbox = await createOutboxEntry(d, { accountId: account.id, status: 'failed' } as never);
  const [notification] = await d.insert(notifications).values({ accountId: account.id, userId: agent.id, type: 'conversation_mention', conversationId: conversation.id }).returning();
  const savedViewId = await storeSavedView(d, { accountId: account.id, userId: agent.id, filter: { operator: 'and', conditions: [] } });
  const [token] = await d.insert(apiAccessTokens).values({ accountId: account.id, userId: agent.id, name: 'n8n', tokenHash: `hash-${crypto.randomUUID()}` }).returning();
  // Each member signs in: a password hash (any stored value: the session stamp is derived from it).
  const sessions = new Map<Role, unknown>();
  for (const [role, user, accountId] of [
    ['administrator', admin, account.id],
    ['agentOfInbox', agent, account.id],
    ['agentOfOtherInbox', otherAgent, account.id],
    ['otherAccount', foreigner, foreignAccount.id],
  ] as const) {
    const hash = `stored-hash-${crypto.randomUUID()}`;
    await d.update(users).set({ passwordHash: hash }).where(eq(users.id, user.id));
    sessions.set(role, { user: { id: String(user.id), accountId, locale: 'es' }, sessionId: crypto.randomUUID(), passwordStamp: passwordStamp(hash), expires: '2099-01-01T00:00:00Z' });
  }
  sessions.set('signedOut', null);
  return { account, inbox, otherInbox, admin, agent, otherAgent, foreigner, team, contact, secondContact, conversation, message, label, definition, macro, webhook, delivery, canned, outbox, notification, savedViewId, token, sessions };
};

const form = (fields: Record<string, string | number | (string | number)[]>): FormData => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) data.append(name, String(item));
  return data;
};

// An action's arguments for a world: a form (useActionState's (previous, form)), or plain arguments.
type ActionEntry = { scope: Scope; args: (w: World) => unknown[] } | { public: string };
const f = (scope: Scope, fields: (w: World) => Record<string, string | number | (string | number)[]>): ActionEntry => ({ scope, args: (w) => [{}, form(fields(w))] });

const ACTIONS: Record<string, ActionEntry> = {
  // auth.ts
  signInAction: { public: 'signing in: covered by tests/integration/auth/authenticate.test.ts' },
  signOutAction: { public: "ends the caller's own session only (its id from the cookie)" },
  updateLocaleAction: f('self', () => ({ locale: 'en' })),
  // chat.ts
  sendMessageFormAction: f('inbox', (w) => ({ conversationId: w.conversation.id, content: 'Respuesta' })),
  changeStatusAction: f('inbox', (w) => ({ conversationId: w.conversation.id, status: 'resolved' })),
  snoozeAction: f('inbox', (w) => ({ conversationId: w.conversation.id, preset: 'tomorrow' })),
  muteAction: f('inbox', (w) => ({ conversationId: w.conversation.id, mute: 'true' })),
  sendTranscriptAction: f('inbox', (w) => ({ conversationId: w.conversation.id, to: 'other', email: 'copia@example.test' })),
  deleteMessageAction: f('inbox', (w) => ({ conversationId: w.conversation.id, messageId: w.message.id })),
  // contacts.ts
  startConversationAction: f('inbox', (w) => ({ contactId: w.contact.id, inboxId: w.inbox.id, content: 'Hola' })),
  updateContactAction: f('inbox', (w) => ({ contactId: w.contact.id, returnTo: '/contacts', name: 'Otro nombre' })),
  mergeContactsAction: f('inbox', (w) => ({ primaryId: w.contact.id, secondaryId: w.secondContact.id, returnTo: '/contacts' })),
  deleteContactAction: f('admin', (w) => ({ contactId: w.secondContact.id, returnTo: '/contacts' })),
  // conversations.ts
  bulkUpdateAction: f('inbox', (w) => ({ conversationIds: [w.conversation.id], kind: 'status', status: 'resolved' })),
  loadMoreConversationsAction: { scope: 'inbox', args: (w) => [{ kind: 'inbox', inboxId: w.inbox.id }, { status: 'all', tab: 'all' }] },
  findConversationsAction: { scope: 'inbox', args: () => ['Lucía'] },
  // filters.ts
  filterAction: f('self', () => ({ path: '/all', intent: 'apply', operator: 'and', field: 'status', op: 'equal_to', value: 'open' })),
  // labels.ts
  createLabelAction: f('adminCreate', () => ({ title: 'nueva', color: '#112233' })),
  updateLabelAction: f('admin', (w) => ({ labelId: w.label.id, title: 'renombrada', color: '#112233' })),
  deleteLabelAction: f('admin', (w) => ({ labelId: w.label.id })),
  // notifications.ts
  openNotificationAction: f('owner', (w) => ({ notificationId: w.notification.id })),
  markNotificationReadAction: f('owner', (w) => ({ notificationId: w.notification.id })),
  markAllNotificationsReadAction: f('self', () => ({})),
  // outbox.ts
  retryMailAction: f('admin', (w) => ({ outboxId: w.outbox.id })),
  // saved-views.ts
  renameSavedViewAction: f('owner', (w) => ({ savedViewId: w.savedViewId, name: 'Renombrada' })),
  deleteSavedViewAction: f('owner', (w) => ({ savedViewId: w.savedViewId })),
  // settings-agents.ts
  inviteAgentAction: f('adminCreate', () => ({ name: 'Nueva', email: `nueva-${crypto.randomUUID()}@example.test`, role: 'agent' })),
  resendInvitationAction: f('admin', (w) => ({ userId: w.agent.id })),
  changeAgentRoleAction: f('admin', (w) => ({ userId: w.agent.id, role: 'administrator' })),
  setAgentActiveAction: f('admin', (w) => ({ userId: w.agent.id, active: 'false' })),
  // settings-api-tokens.ts
  createApiTokenAction: f('self', () => ({ tokenName: 'otro' })),
  revokeApiTokenAction: f('owner', (w) => ({ tokenId: String(w.token.id) })),
  // settings-catalog.ts
  createCannedResponseAction: f('adminCreate', () => ({ shortCode: 'nuevo', content: 'Nuevo' })),
  updateCannedResponseAction: f('admin', (w) => ({ cannedResponseId: w.canned.id, shortCode: 'hola', content: 'Cambiado' })),
  deleteCannedResponseAction: f('admin', (w) => ({ cannedResponseId: w.canned.id })),
  createAttributeDefinitionAction: f('adminCreate', () => ({ displayName: 'Talla', model: 'contact', type: 'text', key: 'talla' })),
  updateAttributeDefinitionAction: f('admin', (w) => ({ definitionId: w.definition.id, displayName: 'Pedido n.º' })),
  deleteAttributeDefinitionAction: f('admin', (w) => ({ definitionId: w.definition.id })),
  // settings-inboxes.ts
  createInboxAction: f('adminCreate', () => ({ name: 'Nueva bandeja', channelType: 'api' })),
  updateInboxAction: f('admin', (w) => ({ inboxId: w.inbox.id, name: 'Renombrada' })),
  deleteInboxAction: f('admin', (w) => ({ inboxId: w.inbox.id, confirmName: w.inbox.name })),
  addInboxMemberAction: f('admin', (w) => ({ inboxId: w.inbox.id, userId: w.otherAgent.id })),
  removeInboxMemberAction: f('admin', (w) => ({ inboxId: w.inbox.id, userId: w.agent.id })),
  // settings-macros.ts
  saveMacroAction: f('admin', (w) => ({ intent: 'save', macroId: String(w.macro.id), name: 'Cambiada', visibility: 'global' })),
  deleteMacroAction: f('admin', (w) => ({ macroId: w.macro.id })),
  // settings-password.ts
  setPasswordAction: { public: 'needs an invitation or reset token: tests/integration/auth/change-password.test.ts and the invitation tests' },
  // settings-profile.ts
  updateProfileAction: f('self', () => ({ name: 'Yo', timeZone: 'Europe/Madrid' })),
  updateEnterToSendAction: f('self', () => ({ enterToSend: 'on' })),
  changePasswordAction: f('self', () => ({ currentPassword: 'no-es-esta', newPassword: 'otra-clave-larga', confirmPassword: 'otra-clave-larga' })),
  // settings-teams.ts
  createTeamAction: f('adminCreate', () => ({ name: `Equipo ${crypto.randomUUID().slice(0, 6)}` })),
  updateTeamAction: f('admin', (w) => ({ teamId: w.team.id, name: 'Renombrado' })),
  deleteTeamAction: f('admin', (w) => ({ teamId: w.team.id })),
  addTeamMemberAction: f('admin', (w) => ({ teamId: w.team.id, userId: w.agent.id })),
  removeTeamMemberAction: f('admin', (w) => ({ teamId: w.team.id, userId: w.agent.id })),
  // sidebar.ts
  assignAgentAction: f('inbox', (w) => ({ conversationId: w.conversation.id, assigneeId: 'me' })),
  assignTeamAction: f('inbox', (w) => ({ conversationId: w.conversation.id, teamId: w.team.id })),
  setPriorityAction: f('inbox', (w) => ({ conversationId: w.conversation.id, priority: 'high' })),
  addLabelAction: f('inbox', (w) => ({ conversationId: w.conversation.id, labelId: w.label.id })),
  removeLabelAction: f('inbox', (w) => ({ conversationId: w.conversation.id, labelId: w.label.id })),
  addParticipantAction: f('inbox', (w) => ({ conversationId: w.conversation.id, userId: w.admin.id })),
  removeParticipantAction: f('inbox', (w) => ({ conversationId: w.conversation.id, userId: w.admin.id })),
  attributeValuesAction: f('inbox', (w) => ({ model: 'conversation', recordId: w.conversation.id, keys: 'pedido', 'value:pedido': '123', 'was:pedido': '' })),
  runMacroAction: f('inbox', (w) => ({ conversationId: w.conversation.id, macroId: w.macro.id })),
  addLabelByTitleAction: f('inbox', (w) => ({ conversationId: w.conversation.id, title: w.label.title })),
  // webhooks.ts
  createWebhookAction: f('adminCreate', () => ({ url: 'https://1.1.1.1/nuevo', subscriptions: 'message_created' })),
  updateWebhookAction: f('admin', (w) => ({ webhookId: w.webhook.id, url: 'https://1.1.1.1/otro', subscriptions: 'message_created' })),
  deleteWebhookAction: f('admin', (w) => ({ webhookId: w.webhook.id })),
  resendWebhookDeliveryAction: f('admin', (w) => ({ deliveryId: w.delivery.id })),
};

// Route handlers: a request per method, or why the session roles do not apply.
type RouteEntry = { scope: Scope; requests: (w: World) => { method: string; params: Record<string, string>; body?: BodyInit; type?: string }[] } | { public: string };
const ROUTES: Record<string, RouteEntry> = {
  'api/attachments/[attachmentId]': { public: 'signed links (HMAC, expiry) or the session: tests/integration/attachments/attachment-routes.test.ts' },
  'api/auth/[...nextauth]': { public: "next-auth's own sign-in / sign-out endpoints" },
  'api/canned-responses': { scope: 'self', requests: () => [{ method: 'GET', params: {} }] },
  'api/channels/email/inbound': { public: 'inbound mail, authenticated by the channel secret: tests/integration/channels/email-inbound*.test.ts' },
  'api/contacts/[contactId]/avatar': { scope: 'inbox', requests: (w) => [{ method: 'GET', params: { contactId: String(w.contact.id) } }] },
  'api/conversations/[conversationId]/attachments': {
    scope: 'inbox',
    requests: (w) => {
      const body = new FormData();
      body.append('file', new Blob(['hola']), 'hola.txt');
      return [{ method: 'POST', params: { conversationId: String(w.conversation.id) }, body }];
    },
  },
  'api/conversations/[conversationId]/messages': {
    scope: 'inbox',
    requests: (w) => [
      { method: 'GET', params: { conversationId: String(w.conversation.id) } },
      { method: 'POST', params: { conversationId: String(w.conversation.id) }, body: JSON.stringify({ content: 'Hola' }), type: 'application/json' },
    ],
  },
  'api/conversations/[conversationId]/typing': {
    scope: 'inbox',
    requests: (w) => [{ method: 'POST', params: { conversationId: String(w.conversation.id) }, body: JSON.stringify({ typing: true }), type: 'application/json' }],
  },
  'api/health': { public: 'liveness, no data' },
  'api/push': { scope: 'self', requests: () => [{ method: 'GET', params: {} }] },
  'api/realtime/auth': {
    scope: 'inbox',
    requests: (w) => [{ method: 'POST', params: {}, body: JSON.stringify({ socket_id: '123.456', channel_name: `private-account-${w.account.id}-inbox-${w.inbox.id}` }), type: 'application/json' }],
  },
  'api/realtime/user-auth': { scope: 'self', requests: () => [{ method: 'POST', params: {}, body: JSON.stringify({ socket_id: '123.456' }), type: 'application/json' }] },
  'api/v1/accounts/[accountId]/[...path]': { public: 'application API, access tokens: tests/integration/api/*.test.ts (401 for another account, 404 outside the inboxes)' },
  'api/v1/profile': { public: 'application API, access tokens: tests/integration/api/*.test.ts' },
  'api/widget/[inboxIdentifier]/contact': { public: 'website widget, visitor tokens: tests/integration/channels/widget*.test.ts' },
  'api/widget/[inboxIdentifier]/messages': { public: 'website widget, visitor tokens' },
  'api/widget/[inboxIdentifier]/session': { public: 'website widget, visitor tokens' },
  'api/widget/realtime-auth': { public: "website widget: the visitor's own channel only" },
  'public/api/v1/inboxes/[inboxIdentifier]/contacts': { public: 'client API, source ids and identifier_hash: tests/integration/channels/client-api*.test.ts' },
  'public/api/v1/inboxes/[inboxIdentifier]/contacts/[contactIdentifier]': { public: 'client API' },
  'public/api/v1/inboxes/[inboxIdentifier]/contacts/[contactIdentifier]/conversations': { public: 'client API' },
  'public/api/v1/inboxes/[inboxIdentifier]/contacts/[contactIdentifier]/conversations/[conversationId]': { public: 'client API' },
  'public/api/v1/inboxes/[inboxIdentifier]/contacts/[contactIdentifier]/conversations/[conversationId]/messages': { public: 'client API' },
  'public/api/v1/inboxes/[inboxIdentifier]/contacts/[contactIdentifier]/conversations/[conversationId]/messages/[messageId]': { public: 'client API' },
  'public/api/v1/inboxes/[inboxIdentifier]/contacts/[contactIdentifier]/conversations/[conversationId]/toggle_status': { public: 'client API' },
  'public/api/v1/inboxes/[inboxIdentifier]/contacts/[contactIdentifier]/conversations/[conversationId]/toggle_typing': { public: 'client API' },
  'public/api/v1/inboxes/[inboxIdentifier]/contacts/[contactIdentifier]/conversations/[conversationId]/update_last_seen': { public: 'client API' },
  'public/api/v1/realtime/auth': { public: 'client API: the contact channel of a pubsub token' },
  'widget.js': { public: 'static script' },
};

// ---- discovery -----------------------------------------------------------------------------------

const filesUnder = async (dir: string, name: (file: string) => boolean): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && name(entry.name)).map((entry) => path.join(entry.parentPath, entry.name));
};

const actionModules = async () => {
  const files = await filesUnder(path.join(root, 'lib/actions'), (file) => file.endsWith('.ts'));
  const modules: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const file of files) {
    if (!/^['"]use server['"]/.test((await readFile(file, 'utf8')).trimStart())) continue;
    const exports = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) if (typeof value === 'function') modules[name] = value as (typeof modules)[string];
  }
  return modules;
};

const routeModules = async () => {
  const files = await filesUnder(path.join(root, 'app'), (file) => file === 'route.ts');
  return files.map((file) => ({
    file,
    key: path
      .relative(path.join(root, 'app'), path.dirname(file))
      .split(path.sep)
      .filter((segment) => !/^\(.*\)$/.test(segment))
      .join('/'),
  }));
};

// ---- the check -----------------------------------------------------------------------------------

// Every table of the app, hashed row by row: what "nothing changed" means.
const snapshot = async (): Promise<string> => {
  const tables = (await db().execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)) as unknown;
  const names = ((tables as { rows?: { table_name: string }[] }).rows ?? (tables as { table_name: string }[])).map((row) => row.table_name);
  const parts = names.map((name) => `select '${name}' as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${name}" x`);
  const result = (await db().execute(sql.raw(parts.join(' union all ')))) as unknown;
  const rows = (result as { rows?: { t: string; h: string }[] }).rows ?? (result as { t: string; h: string }[]);
  return rows.map((row) => `${row.t}:${row.h}`).join('\n');
};

const DENIED = new Set(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED']);

// What an action call came to: its returned state, or the redirect / error it threw.
const outcome = async (run: () => Promise<unknown>): Promise<{ value?: unknown; redirect?: string; thrown?: unknown }> => {
  try {
    return { value: await run() };
  } catch (error) {
    const digest = (error as { digest?: unknown })?.digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return { redirect: digest.split(';')[2] ?? '' };
    return { thrown: error };
  }
};

const deniedOutcome = (result: Awaited<ReturnType<typeof outcome>>, world: World): boolean => {
  if (result.redirect !== undefined) return result.redirect.startsWith('/login');
  const value = result.value as { error?: unknown } | unknown[] | undefined;
  if (Array.isArray(value)) return !JSON.stringify(value).includes(`"id":${world.conversation.id}`);
  return typeof (value as { error?: unknown })?.error === 'string' && DENIED.has(String((value as { error: string }).error));
};

type RouteRequest = ReturnType<Extract<RouteEntry, { requests: unknown }>['requests']>[number];
type Handlers = Record<string, (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>>;

const call = (handlers: Handlers, key: string, request: RouteRequest): Promise<Response> =>
  handlers[request.method](
    new Request(`http://localhost/${key}`, { method: request.method, body: request.body, headers: request.type ? { 'content-type': request.type } : {} }),
    { params: Promise.resolve(request.params) },
  );

const problems: string[] = [];

beforeAll(() => {
  hoisted.db = db();
});
afterAll(() => {
  hoisted.session = null;
});

describe('authorization matrix', { timeout: 600_000 }, () => {
  it('every server action has an entry, and refuses every role that must not reach its target, changing nothing', async () => {
    const actions = await actionModules();
    expect(Object.keys(actions).length).toBeGreaterThan(50);
    const missing = Object.keys(actions).filter((name) => !ACTIONS[name]);
    const stale = Object.keys(ACTIONS).filter((name) => !actions[name]);
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });

    for (const [name, entry] of Object.entries(ACTIONS)) {
      if ('public' in entry) continue;
      const world = await buildWorld();
      for (const role of REFUSED[entry.scope]) {
        hoisted.session = world.sessions.get(role);
        const before = await snapshot();
        const result = await outcome(() => actions[name](...entry.args(world)));
        const after = await snapshot();
        if (result.thrown) problems.push(`${name} as ${role}: threw ${String(result.thrown)}`);
        else if (!deniedOutcome(result, world)) problems.push(`${name} as ${role}: not refused (${JSON.stringify(result).slice(0, 200)})`);
        if (before !== after) problems.push(`${name} as ${role}: the database changed`);
      }
      // The entry reaches its target: the first role allowed is not refused.
      const allowed = ROLES.find((role) => !REFUSED[entry.scope].includes(role))!;
      hoisted.session = world.sessions.get(allowed);
      const result = await outcome(() => actions[name](...entry.args(world)));
      if (result.thrown || (result.redirect === undefined && deniedOutcome(result, world) && !Array.isArray(result.value)) || result.redirect?.startsWith('/login')) {
        problems.push(`${name} as ${allowed} (allowed): ${result.thrown ? String(result.thrown) : JSON.stringify(result).slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every route handler has an entry; the session routes refuse every role that must not reach their target, changing nothing', async () => {
    const routes = await routeModules();
    expect(routes.length).toBeGreaterThan(20);
    const missing = routes.map((route) => route.key).filter((key) => !ROUTES[key]);
    const stale = Object.keys(ROUTES).filter((key) => !routes.some((route) => route.key === key));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });

    const failures: string[] = [];
    for (const { file, key } of routes) {
      const entry = ROUTES[key];
      if ('public' in entry) continue;
      const handlers = (await import(file)) as Handlers;
      const world = await buildWorld();
      for (const role of REFUSED[entry.scope]) {
        hoisted.session = world.sessions.get(role);
        for (const request of entry.requests(world)) {
          const before = await snapshot();
          const response = await call(handlers, key, request);
          const body = await response.text();
          if (![401, 403, 404].includes(response.status)) failures.push(`${request.method} ${key} as ${role}: ${response.status} ${body.slice(0, 120)}`);
          if (before !== (await snapshot())) failures.push(`${request.method} ${key} as ${role}: the database changed`);
        }
      }
      const allowed = ROLES.find((role) => !REFUSED[entry.scope].includes(role))!;
      hoisted.session = world.sessions.get(allowed);
      for (const request of entry.requests(world)) {
        const response = await call(handlers, key, request);
        // Reached: not refused (a missing picture or an unconfigured push key is not a refusal).
        const text = await response.clone().text();
        if ([401, 403].includes(response.status) || (response.status === 404 && /"entity":"(conversation|contact|inbox)"/.test(text))) failures.push(`${request.method} ${key} as ${allowed} (allowed): ${response.status} ${(await response.text()).slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
