import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { accountUsers, customAttributeDefinitions, labels } from '@/db/schema';
import { createApiToken } from '@/lib/domain/api-tokens/create-api-token';
import { revokeApiToken } from '@/lib/domain/api-tokens/revoke-api-token';
import { api, createApiWorkspace, type ApiAnswer, type ApiWorkspace } from '../../helpers/api-factories';
import { actorFor, createContact, createConversation, createMessage, createUser, ctxFor } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';

// Issue 14: every conversation and contact endpoint of the application API × every kind of caller.
// A caller who must not reach the target gets 401 or 404 (Chatwoot's answers) and the database is
// unchanged; a list answers them without the target; the first caller allowed is not refused.
// (Settings endpoints: settings-authorization-api.test.ts.)

const database = useTestDatabase();

// In the order they call: the refused ones first, so that an allowed write comes after them.
// otherAccount: an administrator of another account, the path naming this one. otherInbox: an agent
// of this account's other inbox. deactivated: an agent of the target's inbox, deactivated since.
// revoked: the administrator's token, revoked. none: no token.
const CALLERS = ['none', 'otherAccount', 'revoked', 'deactivated', 'otherInbox', 'agent', 'administrator'] as const;
type Caller = (typeof CALLERS)[number];

// What each endpoint works on: a fresh conversation (with a message) of the agent's inbox and its
// contact, and a second contact with a conversation there (merge), made for each endpoint.
type Target = { contactId: number; contactName: string; conversationId: number; displayId: number; messageId: number; mergeeId: number };

type Endpoint = {
  name: string;
  method: string;
  path: (t: Target) => string;
  body?: (t: Target, w: ApiWorkspace) => unknown;
  // The least caller that may reach the target: the inbox's agent, or administrators only.
  allowed: 'agent' | 'administrator';
  // A list: answers 200 to callers who may not see the target, without it; true when it shows.
  shows?: (body: any, t: Target) => boolean; // eslint-disable-line @typescript-eslint/no-explicit-any
};

type Item = { id: number };
const hasId = (items: Item[] | undefined, id: number) => (items ?? []).some((item) => item.id === id);
const conversationsShow = (body: { data?: { payload?: Item[] }; payload?: Item[] }, t: Target) => hasId(body.data?.payload ?? body.payload, t.displayId);
const contactsShow = (body: { payload?: Item[] }, t: Target) => hasId(body.payload, t.contactId);
const conversation = (t: Target) => `/conversations/${t.displayId}`;
const contact = (t: Target) => `/contacts/${t.contactId}`;

const ENDPOINTS: Endpoint[] = [
  { name: 'list conversations', method: 'GET', path: () => '/conversations?assignee_type=all', allowed: 'agent', shows: conversationsShow },
  { name: 'conversation counts (meta)', method: 'GET', path: () => '/conversations/meta?assignee_type=all', allowed: 'agent', shows: (body) => body.meta.all_count > 0 },
  {
    name: 'filter conversations',
    method: 'POST',
    path: () => '/conversations/filter',
    body: () => ({ payload: [{ attribute_key: 'status', filter_operator: 'equal_to', values: ['open'], query_operator: null }] }),
    allowed: 'agent',
    shows: conversationsShow,
  },
  { name: 'get conversation', method: 'GET', path: conversation, allowed: 'agent' },
  {
    name: 'create conversation',
    method: 'POST',
    path: () => '/conversations',
    body: (t, w) => ({ inbox_id: w.inboxId, contact_id: t.contactId, message: { content: 'Te escribimos' } }),
    allowed: 'agent',
  },
  { name: 'update conversation (priority)', method: 'PATCH', path: conversation, body: () => ({ priority: 'high' }), allowed: 'agent' },
  { name: 'toggle_status', method: 'POST', path: (t) => `${conversation(t)}/toggle_status`, body: () => ({ status: 'resolved' }), allowed: 'agent' },
  { name: 'toggle_priority', method: 'POST', path: (t) => `${conversation(t)}/toggle_priority`, body: () => ({ priority: 'urgent' }), allowed: 'agent' },
  { name: 'assignments', method: 'POST', path: (t) => `${conversation(t)}/assignments`, body: (_t, w) => ({ assignee_id: w.agent.id }), allowed: 'agent' },
  { name: 'list conversation labels', method: 'GET', path: (t) => `${conversation(t)}/labels`, allowed: 'agent' },
  { name: 'set conversation labels', method: 'POST', path: (t) => `${conversation(t)}/labels`, body: () => ({ labels: ['billing'] }), allowed: 'agent' },
  { name: 'custom_attributes', method: 'POST', path: (t) => `${conversation(t)}/custom_attributes`, body: () => ({ custom_attributes: { order_id: 'A-1' } }), allowed: 'agent' },
  { name: 'list participants', method: 'GET', path: (t) => `${conversation(t)}/participants`, allowed: 'agent' },
  { name: 'add participants', method: 'POST', path: (t) => `${conversation(t)}/participants`, body: (_t, w) => ({ user_ids: [w.agent.id] }), allowed: 'agent' },
  { name: 'remove participants', method: 'DELETE', path: (t) => `${conversation(t)}/participants`, body: (_t, w) => ({ user_ids: [w.admin.id] }), allowed: 'agent' },
  { name: 'unread', method: 'POST', path: (t) => `${conversation(t)}/unread`, allowed: 'agent' },
  { name: 'update_last_seen', method: 'POST', path: (t) => `${conversation(t)}/update_last_seen`, allowed: 'agent' },
  { name: 'list messages', method: 'GET', path: (t) => `${conversation(t)}/messages`, allowed: 'agent' },
  { name: 'create message', method: 'POST', path: (t) => `${conversation(t)}/messages`, body: () => ({ content: 'Hola Ana' }), allowed: 'agent' },
  { name: 'delete message', method: 'DELETE', path: (t) => `${conversation(t)}/messages/${t.messageId}`, allowed: 'agent' },
  { name: 'transcript', method: 'POST', path: (t) => `${conversation(t)}/transcript`, body: () => ({ email: 'ana@example.test' }), allowed: 'agent' },
  { name: 'list contacts', method: 'GET', path: () => '/contacts', allowed: 'agent', shows: contactsShow },
  { name: 'search contacts', method: 'GET', path: (t) => `/contacts/search?q=${encodeURIComponent(t.contactName)}`, allowed: 'agent', shows: contactsShow },
  {
    name: 'filter contacts',
    method: 'POST',
    path: () => '/contacts/filter',
    body: (t) => ({ payload: [{ attribute_key: 'name', filter_operator: 'equal_to', values: [t.contactName], query_operator: null }] }),
    allowed: 'agent',
    shows: contactsShow,
  },
  { name: 'create contact', method: 'POST', path: () => '/contacts', body: () => ({ name: 'Nuevo', email: `nuevo-${crypto.randomUUID().slice(0, 8)}@example.test` }), allowed: 'administrator' },
  { name: 'get contact', method: 'GET', path: contact, allowed: 'agent' },
  { name: 'update contact (PUT)', method: 'PUT', path: contact, body: () => ({ name: 'Ana María' }), allowed: 'agent' },
  { name: 'update contact (PATCH)', method: 'PATCH', path: contact, body: () => ({ name: 'Ana M.' }), allowed: 'agent' },
  { name: 'contact conversations', method: 'GET', path: (t) => `${contact(t)}/conversations`, allowed: 'agent' },
  { name: 'contactable_inboxes', method: 'GET', path: (t) => `${contact(t)}/contactable_inboxes`, allowed: 'agent' },
  { name: 'list contact labels', method: 'GET', path: (t) => `${contact(t)}/labels`, allowed: 'agent' },
  { name: 'set contact labels', method: 'POST', path: (t) => `${contact(t)}/labels`, body: () => ({ labels: ['billing'] }), allowed: 'agent' },
  { name: 'contact_inboxes', method: 'POST', path: (t) => `${contact(t)}/contact_inboxes`, body: (_t, w) => ({ inbox_id: w.inboxId }), allowed: 'agent' },
  // K3: merging is the agents' call (on contacts they may see), as the merge dialog.
  { name: 'merge contacts', method: 'POST', path: () => '/actions/contact_merge', body: (t) => ({ base_contact_id: t.contactId, mergee_contact_id: t.mergeeId }), allowed: 'agent' },
  { name: 'delete contact', method: 'DELETE', path: contact, allowed: 'administrator' },
];

// Every table but api_access_tokens, hashed row by row (as authorization-matrix.test.ts does): what
// "nothing changed" means. A live token's first use writes its last_used_at, which is not a change
// the refused request made to the account's data.
const snapshot = async (db: Db): Promise<string> => {
  const tables = (await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'api_access_tokens' order by 1`)) as unknown;
  const names = ((tables as { rows?: { table_name: string }[] }).rows ?? (tables as { table_name: string }[])).map((row) => row.table_name);
  const parts = names.map((name) => `select '${name}' as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${name}" x`);
  const result = (await db.execute(sql.raw(parts.join(' union all ')))) as unknown;
  const rows = (result as { rows?: { t: string; h: string }[] }).rows ?? (result as { t: string; h: string }[]);
  return rows.map((row) => `${row.t}:${row.h}`).join('\n');
};

const changedTables = (before: string, after: string) => {
  const old = new Set(before.split('\n'));
  return after
    .split('\n')
    .filter((line) => !old.has(line))
    .map((line) => line.split(':')[0]);
};

const tokenFor = async (db: Db, userId: number, accountId: number) => createApiToken(ctxFor(db, await actorFor(db, userId, accountId)), { name: 'matrix' });

const newTarget = async (w: ApiWorkspace): Promise<Target> => {
  const contactName = `Ana ${crypto.randomUUID().slice(0, 8)}`;
  const owner = await createContact(w.db, { accountId: w.accountId, name: contactName, email: `${contactName.replace(' ', '-').toLowerCase()}@example.test` });
  const target = await createConversation(w.db, { accountId: w.accountId, inboxId: w.inboxId, contactId: owner.id });
  const message = await createMessage(w.db, { conversationId: target.id, content: 'Hola, ¿me ayudan?' });
  const mergee = await createContact(w.db, { accountId: w.accountId, name: `${contactName} bis` });
  await createConversation(w.db, { accountId: w.accountId, inboxId: w.inboxId, contactId: mergee.id });
  return { contactId: owner.id, contactName, conversationId: target.id, displayId: target.displayId, messageId: message.id, mergeeId: mergee.id };
};

const refusedStatus = (status: number) => status === 401 || status === 404;
const brief = (answer: ApiAnswer) => `${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`;

describe('application API: conversation and contact endpoints × callers', () => {
  it('refuses (401/404) every caller who may not reach the target, changing nothing; lists leave it out; the first allowed caller is served', async () => {
    const { db } = database();
    const w = await createApiWorkspace(db);
    const other = await createApiWorkspace(db);
    await db.insert(labels).values({ accountId: w.accountId, title: 'billing', color: '#1f93ff' });
    await db.insert(customAttributeDefinitions).values({ accountId: w.accountId, model: 'conversation', key: 'order_id', displayName: 'Order', type: 'text' });
    const otherInboxAgent = await createUser(db, { accountId: w.accountId, inboxIds: [w.otherInboxId], name: 'Olga' });
    const former = await createUser(db, { accountId: w.accountId, inboxIds: [w.inboxId], name: 'Fede' });
    const formerToken = await tokenFor(db, former.id, w.accountId);
    await db.update(accountUsers).set({ active: false }).where(eq(accountUsers.userId, former.id));
    const revoked = await createApiToken(w.ports, { name: 'revoked' });
    await revokeApiToken(w.ports, { tokenId: revoked.id });
    const tokenOf: Record<Caller, string | null> = {
      none: null,
      otherAccount: other.admin.token,
      revoked: revoked.token,
      deactivated: formerToken.token,
      otherInbox: (await tokenFor(db, otherInboxAgent.id, w.accountId)).token,
      agent: w.agent.token,
      administrator: w.admin.token,
    };

    const failures: string[] = [];
    for (const endpoint of ENDPOINTS) {
      const t = await newTarget(w);
      const call = (caller: Caller) => api(w, tokenOf[caller], endpoint.method, endpoint.path(t), endpoint.body?.(t, w));
      const firstAllowed: Caller = endpoint.allowed === 'agent' ? 'agent' : 'administrator';
      for (const caller of CALLERS.slice(0, CALLERS.indexOf(firstAllowed))) {
        const before = await snapshot(db);
        const answer = await call(caller);
        const changed = changedTables(before, await snapshot(db));
        if (changed.length) failures.push(`${endpoint.name} as ${caller}: changed ${changed.join(', ')} (${brief(answer)})`);
        // A list answers an agent of the account without what they may not see; any other refused
        // caller is refused whole.
        if (endpoint.shows && caller === 'otherInbox') {
          if (answer.status !== 200 || endpoint.shows!(answer.body, t)) failures.push(`${endpoint.name} as ${caller}: expected 200 without the target, got ${brief(answer)}`);
        } else if (!refusedStatus(answer.status)) failures.push(`${endpoint.name} as ${caller}: expected 401/404, got ${brief(answer)}`);
        else if (typeof answer.body?.error !== 'string') failures.push(`${endpoint.name} as ${caller}: ${answer.status} without Chatwoot's { error } (${brief(answer)})`);
      }
      const served = await call(firstAllowed);
      if (served.status < 200 || served.status > 299) failures.push(`${endpoint.name} as ${firstAllowed}: refused, ${brief(served)}`);
      else if (endpoint.shows && !endpoint.shows(served.body, t)) failures.push(`${endpoint.name} as ${firstAllowed}: the target is missing from the list`);
    }
    expect(failures).toEqual([]);
  });
});
