import type { Db } from '@/db/client';
import { dispatchApi } from '@/lib/api/router';
import { API_ROUTES } from '@/lib/api/routes';
import { createApiToken } from '@/lib/domain/api-tokens/create-api-token';
import { resetRateLimits } from '@/lib/domain/channels/api/rate-limit';
import { actorFor, createAccount, createContact, createInbox, createUser, ctxFor, type TestCtx } from './factories';

export type ApiWorkspace = {
  db: Db;
  accountId: number;
  inboxId: number;
  otherInboxId: number;
  admin: { id: number; token: string };
  agent: { id: number; token: string };
  // An agent of the account who is in neither inbox.
  outsider: { id: number; token: string };
  contactId: number;
  // The ports every request of this workspace runs with (recording realtime, mail and files).
  ports: TestCtx;
};

const tokenFor = async (db: Db, userId: number, accountId: number) =>
  (await createApiToken(ctxFor(db, await actorFor(db, userId, accountId)), { name: 'test' })).token;

// An account with an API inbox (the agent's) and another inbox, an administrator, an agent, an agent
// in no inbox, a contact, and a token for each person.
export const createApiWorkspace = async (db: Db, options: { now?: () => Date } = {}): Promise<ApiWorkspace> => {
  resetRateLimits();
  const account = await createAccount(db, { locale: 'en' });
  const inbox = await createInbox(db, { accountId: account.id, channelType: 'api' });
  const other = await createInbox(db, { accountId: account.id, channelType: 'api' });
  const admin = await createUser(db, { accountId: account.id, role: 'administrator', name: 'Admin' });
  const agent = await createUser(db, { accountId: account.id, inboxIds: [inbox.id], name: 'Laura' });
  const outsider = await createUser(db, { accountId: account.id, name: 'Otto' });
  const contact = await createContact(db, { accountId: account.id, name: 'Ana Cliente' });
  return {
    db,
    accountId: account.id,
    inboxId: inbox.id,
    otherInboxId: other.id,
    admin: { id: admin.id, token: await tokenFor(db, admin.id, account.id) },
    agent: { id: agent.id, token: await tokenFor(db, agent.id, account.id) },
    outsider: { id: outsider.id, token: await tokenFor(db, outsider.id, account.id) },
    contactId: contact.id,
    ports: ctxFor(db, await actorFor(db, admin.id, account.id), { now: options.now }),
  };
};

export type ApiAnswer = { status: number; body: any; headers: Headers }; // eslint-disable-line @typescript-eslint/no-explicit-any

// One request to the application API as its route makes it: `path` is under /api/v1/accounts/{id}.
export const api = async (
  workspace: ApiWorkspace,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  options: { accountId?: number | string; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> => {
  const accountId = String(options.accountId ?? workspace.accountId);
  const url = new URL(`http://localhost/api/v1/accounts/${accountId}${path}`);
  const headers: Record<string, string> = { ...(token ? { api_access_token: token } : {}), ...options.headers };
  if (body !== undefined && !(body instanceof FormData) && typeof body !== 'string') headers['Content-Type'] = 'application/json';
  const request = new Request(url, {
    method,
    headers,
    body: body === undefined ? undefined : body instanceof FormData || typeof body === 'string' ? body : JSON.stringify(body),
  });
  const segments = url.pathname.split('/').filter(Boolean).slice(4);
  const response = await dispatchApi(API_ROUTES, request, { accountId, segments }, async () => workspace.ports);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
};
