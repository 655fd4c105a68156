import { parseArgs } from 'node:util';
import { fillPlaceholders, sql } from 'drizzle-orm';
import { accounts } from '@/db/schema';
import { countTabsQuery } from '@/lib/domain/conversations/list/count-tabs';
import { buildListConditions } from '@/lib/domain/conversations/list/list-conditions';
import { conversationPageQuery, LIST_PAGE_SIZE } from '@/lib/domain/conversations/list/list-conversation-page';
import { ZListQuery, type TListViewInput } from '@/lib/domain/conversations/list/list-query';
import { buildCardQueries, cardParams, cardQueriesFor } from '@/lib/domain/conversations/list/load-preview-cards';
import type { Actor } from '@/lib/domain/context';
import { benchDatabaseUrl } from './generate';
import { benchCtx, loadBenchPeople } from './measure/bench-context';
import { summarise } from './measure/stats';
import { openTracedDatabase } from './measure/traced-database';

// `node --import tsx bench/build-cost.ts [--runs=2000]`: how long drizzle takes to BUILD the SQL of
// one list call (page, tab counts, the four preview-card queries), without sending it: the part of
// "domain / bare" (bench/README.md, finding 16) that is query building. Needs the benchmark dataset
// (npm run bench) only to resolve views and pick a real page of ids.

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '2000' } } });
const runs = Number(args.runs);

const traced = openTracedDatabase(benchDatabaseUrl());
try {
  const { db } = traced;
  const [account] = await db.select({ id: accounts.id }).from(accounts).where(sql`${accounts.settings} @> '{"benchmark": true}'`);
  if (!account) throw new Error('bench: the benchmark account is missing (run npm run bench first)');
  const people = await loadBenchPeople(db, account.id);
  const actors: Array<[string, Actor]> = [
    ['agent', people.agents[0]!],
    ['admin', people.administrators[0]!],
  ];
  const query = ZListQuery.parse({});
  const rows: Array<Record<string, string>> = [];
  for (const [kind, actor] of actors) {
    const ctx = benchCtx(db, actor);
    const views: Array<[string, TListViewInput]> = [
      ['all', { kind: 'all' }],
      ['inbox', { kind: 'inbox', inboxId: actor.inboxIds[0]! }],
    ];
    for (const [name, view] of views) {
      const conditions = await buildListConditions(ctx, view, query);
      const ids = (await conversationPageQuery(ctx, conditions, query, LIST_PAGE_SIZE)).map((row) => row.id).slice(0, LIST_PAGE_SIZE);
      const parts = {
        page: () => conversationPageQuery(ctx, conditions, query, LIST_PAGE_SIZE).toSQL(),
        counts: () => countTabsQuery(ctx, conditions).toSQL(),
        // What every call did before finding 19: the four preview-card queries built afresh.
        cards: () => buildCardQueries(ctx.db).map((built) => built.toSQL()),
        // What a call does now: the prepared queries from the cache, the ids and the actor bound.
        'cards prepared': () => cardQueriesFor(ctx.db).map((prepared) => fillPlaceholders(prepared.getQuery().params, cardParams(ctx, ids))),
      };
      const times: Record<string, number[]> = { page: [], counts: [], cards: [], 'cards prepared': [], total: [] };
      for (let i = 0; i < runs + runs / 10; i++) {
        let total = 0;
        for (const [part, build] of Object.entries(parts)) {
          const started = performance.now();
          build();
          const elapsed = performance.now() - started;
          if (part !== 'cards prepared') total += elapsed;
          if (i >= runs / 10) times[part]!.push(elapsed);
        }
        if (i >= runs / 10) times.total!.push(total);
      }
      const cell = (part: string) => {
        const s = summarise(times[part]!);
        return `${(s.p50 * 1000).toFixed(0)} / ${(s.p95 * 1000).toFixed(0)}`;
      };
      rows.push({ view: `list.${name}`, actor: kind, page: cell('page'), counts: cell('counts'), cards: cell('cards'), 'cards prepared': cell('cards prepared'), 'total before': cell('total') });
    }
  }
  console.log(`SQL building per list call, µs p50 / p95 over ${runs} builds (after ${runs / 10} warm-up)`);
  console.table(rows);
} finally {
  await traced.close();
}
