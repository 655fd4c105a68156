import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accountUsers, apiAccessTokens, inboxMembers } from '@/db/schema';
import { API_TOKEN_LIMIT } from '@/lib/api/authenticate';
import { hashApiToken, MAX_API_TOKENS } from '@/lib/domain/api-tokens/api-token-schemas';
import { createApiToken } from '@/lib/domain/api-tokens/create-api-token';
import { listApiTokens } from '@/lib/domain/api-tokens/list-api-tokens';
import { revokeApiToken } from '@/lib/domain/api-tokens/revoke-api-token';
import { api, createApiWorkspace } from '../../helpers/api-factories';
import { actorFor, createConversation, ctxFor } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';

const database = useTestDatabase();

describe('API access tokens', () => {
  it('stores only a hash, lists without the text, revokes (next request 401), and only its owner may revoke', async () => {
    const w = await createApiWorkspace(database().db);
    const ctx = ctxFor(w.db, await actorFor(w.db, w.agent.id, w.accountId));
    const created = await createApiToken(ctx, { name: '  CRM  ' });
    expect(created).toMatchObject({ name: 'CRM', token: expect.stringMatching(/^bdj_[A-Za-z0-9_-]{43}$/) });
    const [row] = await w.db.select().from(apiAccessTokens).where(eq(apiAccessTokens.id, created.id));
    expect(row.tokenHash).toBe(hashApiToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect((await listApiTokens(ctx)).map((token) => token.name)).toEqual(['CRM', 'test']);

    expect((await api(w, created.token, 'GET', '/conversations')).status).toBe(200);
    // Someone else cannot revoke it.
    const admin = ctxFor(w.db, await actorFor(w.db, w.admin.id, w.accountId));
    await expect(revokeApiToken(admin, { tokenId: created.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await revokeApiToken(ctx, { tokenId: created.id });
    expect((await api(w, created.token, 'GET', '/conversations')).status).toBe(401);
    expect((await listApiTokens(ctx)).map((token) => token.name)).toEqual(['test']);
    await expect(revokeApiToken(ctx, { tokenId: created.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createApiToken(ctx, { name: '   ' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('the actor is loaded at every request: a member taken out of an inbox, or made administrator, reads accordingly at once', async () => {
    const w = await createApiWorkspace(database().db);
    const conversation = await createConversation(w.db, { accountId: w.accountId, inboxId: w.inboxId });
    const listed = async () => (await api(w, w.agent.token, 'GET', '/conversations')).body.data.payload.map((c: { id: number }) => c.id);
    expect(await listed()).toEqual([conversation.displayId]);
    // Taken out of the inbox: the next read no longer shows it.
    await w.db.delete(inboxMembers).where(and(eq(inboxMembers.userId, w.agent.id), eq(inboxMembers.inboxId, w.inboxId)));
    expect(await listed()).toEqual([]);
    expect((await api(w, w.agent.token, 'GET', `/conversations/${conversation.displayId}`)).status).toBe(404);
    // Made administrator: sees it again at once.
    await w.db.update(accountUsers).set({ role: 'administrator' }).where(eq(accountUsers.userId, w.agent.id));
    expect(await listed()).toEqual([conversation.displayId]);
  });

  it('caps live tokens per person', async () => {
    const w = await createApiWorkspace(database().db);
    const ctx = ctxFor(w.db, await actorFor(w.db, w.outsider.id, w.accountId));
    for (let i = 1; i < MAX_API_TOKENS; i += 1) await createApiToken(ctx, { name: `t${i}` });
    await expect(createApiToken(ctx, { name: 'one too many' })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { reason: 'too_many_tokens' } });
  });

  it('last_used_at moves at most once a minute; the rate limit answers 429 with Retry-After (injected clock)', async () => {
    let now = new Date('2026-03-02T10:00:00Z');
    const w = await createApiWorkspace(database().db, { now: () => now });
    const lastUsed = async () => (await w.db.select().from(apiAccessTokens).where(eq(apiAccessTokens.tokenHash, hashApiToken(w.agent.token))))[0].lastUsedAt;

    await api(w, w.agent.token, 'GET', '/conversations/meta');
    expect(await lastUsed()).toEqual(now);
    now = new Date('2026-03-02T10:00:30Z');
    await api(w, w.agent.token, 'GET', '/conversations/meta');
    expect(await lastUsed()).toEqual(new Date('2026-03-02T10:00:00Z'));
    now = new Date('2026-03-02T10:01:01Z');
    await api(w, w.agent.token, 'GET', '/conversations/meta');
    expect(await lastUsed()).toEqual(now);

    // The burst is used up within the same instant; the next request waits for a token.
    for (let i = 1; i < API_TOKEN_LIMIT.burst; i += 1) await api(w, w.agent.token, 'GET', '/conversations/meta');
    const limited = await api(w, w.agent.token, 'GET', '/conversations/meta');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    // Another token of the same account is not affected.
    expect((await api(w, w.admin.token, 'GET', '/conversations/meta')).status).toBe(200);
    now = new Date(now.getTime() + 1000);
    expect((await api(w, w.agent.token, 'GET', '/conversations/meta')).status).toBe(200);
  });
});
