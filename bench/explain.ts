import { parseArgs } from 'node:util';
import { asc, sql } from 'drizzle-orm';
import { accounts, labels, teams } from '@/db/schema';
import { benchDatabaseUrl } from './generate';
import { loadBenchPeople } from './measure/bench-context';
import { buildScenarios, type Scenario } from './measure/scenarios';
import { loadSearchTerms } from './measure/search-terms';
import { openTracedDatabase, wavesOf, type TracedDatabase } from './measure/traced-database';

// `node --import tsx bench/explain.ts <scenario id> [--call=i] [--timings] [--set jit=off]`: records the SQL one call
// of a scenario sends and prints EXPLAIN (ANALYZE, BUFFERS) of each statement, with its parameters,
// as the evidence for an index or a query shape. With --timings it instead warms up and prints, for
// five calls, when each statement was issued and answered (where the time of a call goes). Run
// `npm run bench` once first (it makes the dataset).

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    call: { type: 'string', default: '0' },
    timings: { type: 'boolean', default: false },
    set: { type: 'string', multiple: true, default: [] },
  },
});

const explainCall = async (traced: TracedDatabase, scenario: Scenario, call: number) => {
  await scenario.run(call);
  const { statements } = await traced.record(() => scenario.run(call));
  for (const [index, statement] of statements.entries()) {
    const plan = await traced.sql.unsafe(`explain (analyze, buffers) ${statement.text}`, statement.params as never[]);
    console.log(`\n-- statement ${index + 1} of ${statements.length} (${(statement.answeredAt - statement.issuedAt).toFixed(1)} ms)`);
    console.log(statement.text);
    console.log(`-- params: ${JSON.stringify(statement.params)}`);
    console.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
  }
};

const timeCalls = async (traced: TracedDatabase, scenario: Scenario, first: number) => {
  for (let i = 0; i < 30; i++) await scenario.run(first + 100 + i);
  for (let call = first; call < first + 5; call++) {
    const started = performance.now();
    const { statements } = await traced.record(() => scenario.run(call));
    const total = performance.now() - started;
    console.log(`call ${call}: ${total.toFixed(1)} ms, ${statements.length} statements in ${wavesOf(statements).length} waves`);
    const at = (time: number) => `${(time - started).toFixed(1)}`.padStart(6);
    for (const statement of statements) {
      console.log(`  ${at(statement.issuedAt)} → ${at(statement.answeredAt)} ms  ${statement.text.replace(/\s+/g, ' ').slice(0, 100)}`);
    }
  }
};

// --set name=value: a server setting for this session, as in `npm run bench -- --set jit=off`.
const settings = Object.fromEntries(args.set.map((pair) => [pair.split('=')[0]!, pair.split('=').slice(1).join('=')]));
const traced = openTracedDatabase(benchDatabaseUrl(), { settings });
try {
  const { db } = traced;
  const [account] = await db.select({ id: accounts.id }).from(accounts).where(sql`${accounts.settings} @> '{"benchmark": true}'`);
  if (!account) throw new Error('bench: no benchmark dataset here; run `npm run bench` first');
  const scenarios = buildScenarios({
    db,
    people: await loadBenchPeople(db, account.id),
    labelIds: (await db.select({ id: labels.id }).from(labels).orderBy(asc(labels.id))).map((row) => row.id),
    teamIds: (await db.select({ id: teams.id }).from(teams).orderBy(asc(teams.id))).map((row) => row.id),
    terms: await loadSearchTerms(db),
  });
  const scenario = scenarios.find((candidate) => candidate.id === positionals[0]);
  if (!scenario) throw new Error(`bench: no scenario "${positionals[0]}"; one of:\n${scenarios.map((s) => `  ${s.id}`).join('\n')}`);
  if (args.timings) await timeCalls(traced, scenario, Number(args.call));
  else await explainCall(traced, scenario, Number(args.call));
} finally {
  await traced.close();
}
