// Percentiles over timed runs (nearest rank: a reported p95 is a time one run actually took).

export type Summary = { runs: number; p50: number; p95: number; p99: number; mean: number; max: number };

export const percentile = (sorted: number[], p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};

export const summarise = (times: number[]): Summary => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((sum, time) => sum + time, 0) / Math.max(1, sorted.length),
    max: sorted.at(-1) ?? Number.NaN,
  };
};
