/**
 * Published retention benchmarks (docs/metrics.md), shown beside the workspace's own numbers so that a rate has a
 * yardstick. They are reference values, not settings: thresholds (settings.ts) are what a workspace targets.
 */

export type ChurnBenchmark = {
  key: 'b2b_enterprise' | 'b2b_smb' | 'b2c';
  label: string;
  /** Monthly logo churn; a range where the sources give one (low = high otherwise). */
  low: number;
  high: number;
};

export const CHURN_BENCHMARKS: readonly ChurnBenchmark[] = [
  { key: 'b2b_enterprise', label: 'B2B enterprise', low: 0.0265, high: 0.0486 },
  { key: 'b2b_smb', label: 'B2B SMB', low: 0.0335, high: 0.0335 },
  { key: 'b2c', label: 'B2C', low: 0.0511, high: 0.0511 },
];

/** Annual customer retention by industry. */
export const ANNUAL_RETENTION_BENCHMARKS: readonly { industry: string; retention: number }[] = [
  { industry: 'Retail', retention: 0.63 },
  { industry: 'Banking', retention: 0.75 },
  { industry: 'Telecom', retention: 0.78 },
  { industry: 'IT', retention: 0.81 },
  { industry: 'Insurance', retention: 0.83 },
  { industry: 'Professional services', retention: 0.84 },
  { industry: 'Media', retention: 0.84 },
];

/**
 * The churn benchmark a segment is measured against. Imported data names segments freely, so besides the demo
 * keys the usual words are recognised ("Enterprise", "SMB", "Consumer"); anything else has no benchmark.
 */
export function churnBenchmarkFor(segment: string | null | undefined): ChurnBenchmark | null {
  if (!segment) return null;
  const words = segment.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  const key = /enterprise|^ent$/.test(words)
    ? 'b2b_enterprise'
    : /smb|sme|small|mid_?market/.test(words)
      ? 'b2b_smb'
      : /b2c|consumer|retail_customer|individual/.test(words)
        ? 'b2c'
        : null;
  return CHURN_BENCHMARKS.find((b) => b.key === key) ?? null;
}

export type BenchmarkComparison = 'better' | 'within' | 'worse';

/** Monthly churn against a benchmark: below its range is better, inside it within, above it worse. */
export function compareChurn(rate: number | null, benchmark: ChurnBenchmark): BenchmarkComparison | null {
  if (rate === null) return null;
  if (rate < benchmark.low) return 'better';
  return rate <= benchmark.high ? 'within' : 'worse';
}

/** The annual retention a constant monthly logo churn amounts to: (1 − churn)^12. */
export function annualRetentionOf(monthlyChurn: number | null): number | null {
  return monthlyChurn === null ? null : (1 - monthlyChurn) ** 12;
}

/** "2.65–4.86%" or "3.35%". */
export function formatBenchmarkRange(benchmark: Pick<ChurnBenchmark, 'low' | 'high'>): string {
  const pct = (value: number) => `${(value * 100).toFixed(2)}%`;
  return benchmark.low === benchmark.high
    ? pct(benchmark.low)
    : `${(benchmark.low * 100).toFixed(2)}–${pct(benchmark.high)}`;
}
