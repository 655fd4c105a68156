import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiAccessTokens } from '@/db/schema';
import { dispatchApi } from '@/lib/api/router';
import { API_ROUTES } from '@/lib/api/routes';
import { createApiToken } from '@/lib/domain/api-tokens/create-api-token';
import { resetRateLimits } from '@/lib/domain/channels/api/rate-limit';
import type { Actor } from '@/lib/domain/context';
import { listConversations } from '@/lib/domain/conversations/list/list-conversations';
import { benchCtx, type BenchPeople } from './bench-context';
import type { Scenario } from './scenarios';

const TOKEN_NAME = 'bench';

// One access token per benchmark person (the previous run's are deleted first).
export const createBenchTokens = async (db: Db, people: BenchPeople): Promise<Map<number, string>> => {
  await db.delete(apiAccessTokens).where(eq(apiAccessTokens.name, TOKEN_NAME));
  const tokens = new Map<number, string>();
  for (const actor of [...people.agents, ...people.administrators]) {
    tokens.set(actor.userId, (await createApiToken(benchCtx(db, actor), { name: TOKEN_NAME })).token);
  }
  return tokens;
};

// Issue 14: GET /api/v1/accounts/{id}/conversations with the default parameters (every assignee,
// open, page 1) through the whole route (token lookup, rate limit, actor, list, details, JSON),
// timed against the domain call it wraps (listConversations with the same view and query) instead
// of a bare replay (its "bare" column): the target is API p95 <= 1.3x that call (report.ts).

export const apiScenarios = ({ db, people, tokens }: { db: Db; people: BenchPeople; tokens: Map<number, string> }): Scenario[] =>
  (['agent', 'administrator'] as const).map((actorKind) => {
    const actorOf = (i: number): Actor => {
      const list = actorKind === 'agent' ? people.agents : people.administrators;
      return list[i % list.length]!;
    };
    return {
      id: `api.conversations.${actorKind}`,
      title: 'API GET conversations (default parameters) vs listConversations',
      group: 'list',
      actor: actorKind,
      target: null,
      run: async (i) => {
        const actor = actorOf(i);
        // The benchmark calls far faster than an integration may: the per-token limit is not what is measured.
        resetRateLimits();
        const request = new Request(`http://bench/api/v1/accounts/${actor.accountId}/conversations`, { headers: { api_access_token: tokens.get(actor.userId)! } });
        const response = await dispatchApi(API_ROUTES, request, { accountId: String(actor.accountId), segments: ['conversations'] }, async () => benchCtx(db, actor));
        if (response.status !== 200) throw new Error(`bench: API answered ${response.status}`);
        return response.json();
      },
      baseline: (i) => listConversations(benchCtx(db, actorOf(i)), { kind: 'all' }, { tab: 'all', status: 'open' }),
    };
  });
