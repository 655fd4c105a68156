import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { cannedResponses, customAttributeDefinitions, inboxMembers, labels, macros, teamMembers, webhooks } from '@/db/schema';
import { createApiToken } from '@/lib/domain/api-tokens/create-api-token';
import { revokeApiToken } from '@/lib/domain/api-tokens/revoke-api-token';
import { api, createApiWorkspace, type ApiWorkspace } from '../../helpers/api-factories';
import { createWebhook } from '../../helpers/channels-factories';
import { createConversation, createTeam } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';

const database = useTestDatabase();

// Who calls: the account's agent (a member of the first inbox) and administrator, the administrator
// of ANOTHER account with the path naming this one, a revoked token, no token.
type Caller = 'agent' | 'administrator' | 'otherAccount' | 'revoked' | 'none';
const CALLERS: Caller[] = ['agent', 'administrator', 'otherAccount', 'revoked', 'none'];

type Ids = { label: number; canned: number; definition: number; webhook: number; team: number; macro: number; conversation: number };
type Endpoint = { name: string; method: string; path: (w: ApiWorkspace, ids: Ids) => string; body?: (w: ApiWorkspace, ids: Ids) => unknown; agent: number };

// Chatwoot's answers for an agent (Pundit: an administrator-only action is 401 "You are not
// authorized to do this action"; an inbox outside their membership is 404 here, as every
// conversation-scoped refusal). Administrators always get 2xx; the other three callers 401.
const ENDPOINTS: Endpoint[] = [
  { name: 'list labels', method: 'GET', path: () => '/labels', agent: 200 },
  { name: 'get label', method: 'GET', path: (_w, ids) => `/labels/${ids.label}`, agent: 200 },
  { name: 'create label', method: 'POST', path: () => '/labels', body: () => ({ title: `l-${crypto.randomUUID().slice(0, 6)}`, color: '#1f93ff' }), agent: 401 },
  { name: 'update label', method: 'PATCH', path: (_w, ids) => `/labels/${ids.label}`, body: () => ({ description: 'x' }), agent: 401 },
  { name: 'list canned responses', method: 'GET', path: () => '/canned_responses', agent: 200 },
  { name: 'create canned response', method: 'POST', path: () => '/canned_responses', body: () => ({ short_code: `c-${crypto.randomUUID().slice(0, 6)}`, content: 'Hola' }), agent: 401 },
  { name: 'update canned response', method: 'PATCH', path: (_w, ids) => `/canned_responses/${ids.canned}`, body: () => ({ content: 'Hola otra vez' }), agent: 401 },
  { name: 'list attribute definitions', method: 'GET', path: () => '/custom_attribute_definitions', agent: 200 },
  { name: 'get attribute definition', method: 'GET', path: (_w, ids) => `/custom_attribute_definitions/${ids.definition}`, agent: 200 },
  {
    name: 'create attribute definition',
    method: 'POST',
    path: () => '/custom_attribute_definitions',
    body: () => ({ attribute_display_name: 'Pedido', attribute_key: `k_${crypto.randomUUID().slice(0, 6)}`, attribute_display_type: 0, attribute_model: 0 }),
    agent: 401,
  },
  { name: 'update attribute definition', method: 'PATCH', path: (_w, ids) => `/custom_attribute_definitions/${ids.definition}`, body: () => ({ attribute_display_name: 'Orden' }), agent: 401 },
  { name: 'list webhooks', method: 'GET', path: () => '/webhooks', agent: 401 },
  { name: 'create webhook', method: 'POST', path: () => '/webhooks', body: () => ({ url: 'http://127.0.0.1:9/hook', subscriptions: ['message_created'] }), agent: 401 },
  { name: 'update webhook', method: 'PATCH', path: (_w, ids) => `/webhooks/${ids.webhook}`, body: () => ({ url: 'http://127.0.0.1:9/other' }), agent: 401 },
  { name: 'list inbox members (own inbox)', method: 'GET', path: (w) => `/inbox_members/${w.inboxId}`, agent: 200 },
  { name: 'list inbox members (other inbox)', method: 'GET', path: (w) => `/inbox_members/${w.otherInboxId}`, agent: 404 },
  { name: 'add inbox members', method: 'POST', path: () => '/inbox_members', body: (w) => ({ inbox_id: w.otherInboxId, user_ids: [w.outsider.id] }), agent: 401 },
  { name: 'list teams', method: 'GET', path: () => '/teams', agent: 200 },
  { name: 'get team', method: 'GET', path: (_w, ids) => `/teams/${ids.team}`, agent: 200 },
  { name: 'list team members', method: 'GET', path: (_w, ids) => `/teams/${ids.team}/team_members`, agent: 401 },
  { name: 'add team members', method: 'POST', path: (_w, ids) => `/teams/${ids.team}/team_members`, body: (w) => ({ user_ids: [w.outsider.id] }), agent: 401 },
  { name: 'list agents', method: 'GET', path: () => '/agents', agent: 200 },
  { name: 'list macros', method: 'GET', path: () => '/macros', agent: 200 },
  { name: 'execute a global macro', method: 'POST', path: (_w, ids) => `/macros/${ids.macro}/execute`, body: (_w, ids) => ({ conversation_ids: [ids.conversation] }), agent: 200 },
  // Deletes last: the rows above stay for every caller.
  { name: 'remove team members', method: 'DELETE', path: (_w, ids) => `/teams/${ids.team}/team_members`, body: (w) => ({ user_ids: [w.outsider.id] }), agent: 401 },
  { name: 'remove inbox members', method: 'DELETE', path: () => '/inbox_members', body: (w) => ({ inbox_id: w.otherInboxId, user_ids: [w.outsider.id] }), agent: 401 },
  { name: 'delete webhook', method: 'DELETE', path: (_w, ids) => `/webhooks/${ids.webhook}`, agent: 401 },
  { name: 'delete attribute definition', method: 'DELETE', path: (_w, ids) => `/custom_attribute_definitions/${ids.definition}`, agent: 401 },
  { name: 'delete canned response', method: 'DELETE', path: (_w, ids) => `/canned_responses/${ids.canned}`, agent: 401 },
  { name: 'delete label', method: 'DELETE', path: (_w, ids) => `/labels/${ids.label}`, agent: 401 },
];

const expectedStatus = (endpoint: Endpoint, caller: Caller): string => {
  if (caller === 'administrator') return '2xx';
  if (caller === 'agent') return endpoint.agent === 200 ? '2xx' : String(endpoint.agent);
  return '401';
};

const statusClass = (status: number) => (status >= 200 && status < 300 ? '2xx' : String(status));

describe('application API: settings endpoints authorization (agent, administrator, other account, revoked token, no token)', () => {
  it('answers each caller as Chatwoot does, and a refused write changes nothing', async () => {
    const { db } = database();
    const w = await createApiWorkspace(db);
    const other = await createApiWorkspace(db);
    // A token of this account's administrator, revoked before use.
    const revokedToken = await createApiToken(w.ports, { name: 'revoked' });
    await revokeApiToken(w.ports, { tokenId: revokedToken.id });
    const revoked = revokedToken.token;

    const [label] = await db.insert(labels).values({ accountId: w.accountId, title: 'billing', color: '#1f93ff' }).returning();
    const [canned] = await db.insert(cannedResponses).values({ accountId: w.accountId, shortCode: 'saludo', content: 'Hola' }).returning();
    const [definition] = await db.insert(customAttributeDefinitions).values({ accountId: w.accountId, model: 'conversation', key: 'order_id', displayName: 'Order', type: 'text' }).returning();
    const webhook = await createWebhook(db, { accountId: w.accountId, url: 'http://127.0.0.1:9/hook' });
    const team = await createTeam(db, { accountId: w.accountId });
    await db.insert(teamMembers).values({ teamId: team.id, userId: w.agent.id });
    const [macro] = await db
      .insert(macros)
      .values({ accountId: w.accountId, name: 'Prioridad', visibility: 'global', actions: [{ action: 'change_priority', params: { priority: 'high' } }], createdById: w.admin.id })
      .returning();
    const conversation = await createConversation(db, { accountId: w.accountId, inboxId: w.inboxId });
    const ids: Ids = { label: label.id, canned: canned.id, definition: definition.id, webhook: webhook.id, team: team.id, macro: macro.id, conversation: conversation.displayId };

    // Every settings row of the account, to see that refused calls change nothing.
    const snapshot = async () =>
      JSON.stringify(
        await Promise.all([
          db.select().from(labels).where(eq(labels.accountId, w.accountId)).orderBy(labels.id),
          db.select().from(cannedResponses).where(eq(cannedResponses.accountId, w.accountId)).orderBy(cannedResponses.id),
          db.select().from(customAttributeDefinitions).where(eq(customAttributeDefinitions.accountId, w.accountId)).orderBy(customAttributeDefinitions.id),
          db.select().from(webhooks).where(eq(webhooks.accountId, w.accountId)).orderBy(webhooks.id),
          db.select().from(teamMembers).where(eq(teamMembers.teamId, team.id)).orderBy(teamMembers.userId),
          db.select().from(inboxMembers).where(inArray(inboxMembers.inboxId, [w.inboxId, w.otherInboxId])).orderBy(inboxMembers.inboxId, inboxMembers.userId),
        ]),
      );
    const tokenOf: Record<Caller, string | null> = { agent: w.agent.token, administrator: w.admin.token, otherAccount: other.admin.token, revoked, none: null };
    const mismatches: string[] = [];
    for (const endpoint of ENDPOINTS) {
      // Refusals first, so the administrator's write (a delete) comes after them.
      const before = await snapshot();
      for (const caller of [...CALLERS.filter((c) => c !== 'administrator'), 'administrator' as const]) {
        if (caller === 'administrator' && (await snapshot()) !== before) mismatches.push(`${endpoint.name}: a refused call changed the settings`);
        const answer = await api(w, tokenOf[caller], endpoint.method, endpoint.path(w, ids), endpoint.body?.(w, ids));
        const expected = expectedStatus(endpoint, caller);
        if (statusClass(answer.status) !== expected) mismatches.push(`${endpoint.name} as ${caller}: ${answer.status} (expected ${expected}) ${JSON.stringify(answer.body).slice(0, 120)}`);
        if (expected === '401' && answer.status === 401) expect(answer.body.error).toEqual(expect.any(String));
      }
    }
    expect(mismatches).toEqual([]);
  });
});
