import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { asc, sql } from 'drizzle-orm';
import { accounts, labels, teams } from '@/db/schema';
import { benchDatabaseUrl, ensureDataset } from './generate';
import { loadBenchPeople } from './measure/bench-context';
import { measureScenario, type ScenarioResult } from './measure/measure-scenario';
import { formatTable, verdictOf, writeReport } from './measure/report';
import { apiScenarios, createBenchTokens } from './measure/api-scenarios';
import { buildScenarios } from './measure/scenarios';
import { loadSearchTerms } from './measure/search-terms';
import { openTracedDatabase } from './measure/traced-database';

// `npm run bench [-- --runs=200 --warmup=20 --only=list.,views. --set jit=off --regenerate]`: generates the dataset when
// needed (bench/generate.ts), then times every scenario of bench/measure/scenarios.ts through the
// domain functions and bare through the driver, prints the table and writes bench/results.json.

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    budget: { type: 'string', default: '60' },
    only: { type: 'string' },
    // Server settings for the benchmark's sessions, e.g. --set jit=off (domain and bare alike).
    set: { type: 'string', multiple: true, default: [] },
    regenerate: { type: 'boolean', default: false },
    output: { type: 'string', default: path.resolve(import.meta.dirname, 'results.json') },
  },
});

const url = benchDatabaseUrl();
const { marker } = await ensureDataset({ url, regenerate: args.regenerate });
const settings = Object.fromEntries(
  args.set.map((pair) => {
    const [name, ...value] = pair.split('=');
    if (!name || value.length === 0) throw new Error(`bench: --set takes name=value, got "${pair}"`);
    return [name, value.join('=')];
  }),
);
const traced = openTracedDatabase(url, { settings });
try {
  const { db } = traced;
  const [settings] = await traced.sql<Array<Record<string, string>>>`
    select version() as version, current_setting('shared_buffers') as shared_buffers, current_setting('work_mem') as work_mem,
           current_setting('effective_cache_size') as effective_cache_size, current_setting('random_page_cost') as random_page_cost,
           current_setting('jit') as jit, current_setting('max_parallel_workers_per_gather') as max_parallel_workers_per_gather`;
  const [account] = await db.select({ id: accounts.id }).from(accounts).where(sql`${accounts.settings} @> '{"benchmark": true}'`);
  if (!account) throw new Error('bench: the benchmark account is missing');
  const labelIds = await db.select({ id: labels.id }).from(labels).where(sql`${labels.accountId} = ${account.id}`).orderBy(asc(labels.id));
  const teamIds = await db.select({ id: teams.id }).from(teams).where(sql`${teams.accountId} = ${account.id}`).orderBy(asc(teams.id));
  const people = await loadBenchPeople(db, account.id);
  const terms = await loadSearchTerms(db);
  const tokens = await createBenchTokens(db, people);
  const scenarios = [
    ...buildScenarios({
      db,
      people,
      labelIds: labelIds.map((row) => row.id),
      teamIds: teamIds.map((row) => row.id),
      terms,
    }),
    ...apiScenarios({ db, people, tokens }),
  ].filter((scenario) => !args.only || args.only.split(',').some((part) => scenario.id.includes(part)));

  const options = { runs: Number(args.runs), warmup: Number(args.warmup), budgetMs: Number(args.budget) * 1000, minRuns: 30 };
  const startedAt = new Date().toISOString();
  const loadBefore = os.loadavg();
  console.log(`bench: ${scenarios.length} operations, ${options.runs} timed runs each (${options.warmup} warm-up), load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const result = await measureScenario(traced, scenario, options);
    results.push(result);
    console.log(`  ${scenario.id}: p50 ${result.domain.p50.toFixed(1)} ms, p95 ${result.domain.p95.toFixed(1)} ms, x${result.ratioP95.toFixed(2)} bare (${verdictOf(result)})`);
  }
  const loadAfter = os.loadavg();

  console.log(`\n${formatTable(results)}\n`);
  console.log(`load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' ')}`);
  await writeReport(args.output, {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadAfter,
      postgres: settings,
    },
    dataset: { ...marker },
    options: { ...options, settings },
    results,
  });
  console.log(`bench: results written to ${path.relative(process.cwd(), args.output)}`);
} finally {
  await traced.close();
}
