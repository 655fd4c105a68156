import { writeFile } from 'node:fs/promises';
import type { ScenarioResult } from './measure-scenario';

// The benchmark's output: a table on stdout and everything (machine, dataset, every figure) in
// bench/results.json.

// Issue #3: each operation within 1.5x the same SQL run bare through the driver.
export const RATIO_TARGET = 1.5;
// Issue 14: the API's GET conversations within 1.3x the domain call it wraps (its "bare" column).
export const API_RATIO_TARGET = 1.3;

export type BenchReport = {
  startedAt: string;
  finishedAt: string;
  machine: Record<string, unknown>;
  dataset: Record<string, unknown>;
  options: Record<string, unknown>;
  results: ScenarioResult[];
};

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '-');
const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));
const padLeft = (text: string, width: number) => (text.length >= width ? text : ' '.repeat(width - text.length) + text);

// "ok" when the p95 target (if any) and the ratio target both hold, else what misses.
export const verdictOf = (result: ScenarioResult): string => {
  const misses: string[] = [];
  if (result.target !== null && result.domain.p95 > result.target) misses.push(`p95>${result.target}`);
  const ratioTarget = result.id.startsWith('api.') ? API_RATIO_TARGET : RATIO_TARGET;
  if (result.ratioP95 > ratioTarget) misses.push(`ratio>${ratioTarget}`);
  return misses.length ? `MISS ${misses.join(' ')}` : 'ok';
};

export const formatTable = (results: ScenarioResult[]): string => {
  const header = ['operation', 'actor', 'runs', 'stmts', 'p50', 'p95', 'p99', 'bare p50', 'bare p95', 'x p50', 'x p95', 'target', 'verdict'];
  const rows = results.map((r) => [
    r.id.replace(/\.(agent|administrator)$/, ''),
    r.actor === 'administrator' ? 'admin' : 'agent',
    String(r.domain.runs),
    r.statementsPerCall.toFixed(1),
    ms(r.domain.p50),
    ms(r.domain.p95),
    ms(r.domain.p99),
    ms(r.bare.p50),
    ms(r.bare.p95),
    r.ratioP50.toFixed(2),
    r.ratioP95.toFixed(2),
    r.target === null ? '-' : `${r.target}`,
    verdictOf(r),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column <= 1 || column === cells.length - 1 ? pad(cell, widths[column]!) : padLeft(cell, widths[column]!))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
};

export const writeReport = async (path: string, report: BenchReport): Promise<void> => {
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
};
