import type { Scenario } from './scenarios';
import { summarise, type Summary } from './stats';
import { wavesOf, type TracedDatabase } from './traced-database';

export type MeasureOptions = {
  runs: number;
  warmup: number;
  // A scenario stops early (after at least minRuns) once it has spent this long: a pathological
  // operation is reported with fewer runs instead of holding the whole benchmark.
  budgetMs: number;
  minRuns: number;
};

export type ScenarioResult = {
  id: string;
  title: string;
  group: Scenario['group'];
  actor: Scenario['actor'];
  target: number | null;
  statementsPerCall: number;
  wavesPerCall: number;
  domain: Summary;
  bare: Summary;
  ratioP50: number;
  ratioP95: number;
};

const timed = async (work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

// Warms up, then for each run: records the statements of call i (untimed, it also warms exactly
// what the timed runs read), times the domain call and the bare replay of its statements (or the
// scenario's baseline call), the two in
// alternating order so that neither always runs on the caches the other just filled.
export const measureScenario = async (traced: TracedDatabase, scenario: Scenario, options: MeasureOptions): Promise<ScenarioResult> => {
  for (let i = 0; i < options.warmup; i++) await scenario.run(options.runs + i);
  const domain: number[] = [];
  const bare: number[] = [];
  let statements = 0;
  let waves = 0;
  const started = performance.now();
  for (let i = 0; i < options.runs; i++) {
    const recorded = await traced.record(() => scenario.run(i));
    statements += recorded.statements.length;
    waves += wavesOf(recorded.statements).length;
    const runDomain = async () => domain.push(await timed(() => scenario.run(i)));
    const runBare = async () => bare.push(await timed(() => (scenario.baseline ? scenario.baseline(i) : traced.replay(recorded.statements))));
    if (i % 2 === 0) {
      await runDomain();
      await runBare();
    } else {
      await runBare();
      await runDomain();
    }
    if (i + 1 >= options.minRuns && performance.now() - started > options.budgetMs) break;
  }
  const domainSummary = summarise(domain);
  const bareSummary = summarise(bare);
  return {
    id: scenario.id,
    title: scenario.title,
    group: scenario.group,
    actor: scenario.actor,
    target: scenario.target,
    statementsPerCall: statements / domain.length,
    wavesPerCall: waves / domain.length,
    domain: domainSummary,
    bare: bareSummary,
    ratioP50: domainSummary.p50 / bareSummary.p50,
    ratioP95: domainSummary.p95 / bareSummary.p95,
  };
};
