import { KpiLink } from './kpi-link';
import { formatCount } from '@/lib/format';
import { compareChurn, formatBenchmarkRange } from '@/lib/metrics/benchmarks';
import { formatKind } from '@/lib/metrics/format';
import { segmentLabel } from '@/lib/metrics/labels';
import type { SegmentChurn } from '@/server/services/kpi-breakdowns';
import { ChartCard } from './chart-card';
import { ChurnStatusBadge } from './churn-status-badge';

type ChurnBySegmentProps = {
  rows: SegmentChurn[];
  /** The segment the page is filtered by, highlighted. */
  selected?: string;
  /** Months in the period: over several, the counts are sums of the months' (customer-months). */
  months: number;
  /** The KPI page filtered by a segment. */
  segmentHref: (segment: string) => string;
};

const COMPARISON = { better: 'better than', within: 'within', worse: 'worse than' } as const;
const rate = (value: number | null) => formatKind('rate', value, 'USD');

/**
 * Monthly logo churn of each segment on one scale, with the segment's thresholds as ticks and its published benchmark
 * as a shaded band, so that "is 4% good?" is answered for each segment on its own terms.
 */
export function ChurnBySegment({ rows, selected, months, segmentHref }: ChurnBySegmentProps) {
  const scale =
    Math.max(0.08, ...rows.map((r) => Math.max(r.rate ?? 0, r.thresholds.watch, r.benchmark?.high ?? 0))) * 1.1;
  const at = (value: number) => `${Math.min(100, (value / scale) * 100)}%`;
  return (
    <ChartCard
      id="churn-by-segment"
      title="Churn by segment against benchmarks"
      description="Monthly logo churn (C / S) per segment. Ticks: the segment's on-target and watch thresholds; band: the published benchmark."
    >
      {rows.length === 0 ? (
        <p className="py-8 text-center text-sm text-zinc-600">No customers at the start of any month of this period.</p>
      ) : (
        <ul className="space-y-3.5">
          {rows.map((row) => {
            const comparison = row.benchmark ? compareChurn(row.rate, row.benchmark) : null;
            return (
              <li
                key={row.segment}
                className={row.segment === selected ? 'rounded-md bg-accent-50/60 px-2 py-1.5 -mx-2' : undefined}
              >
                <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                  <KpiLink
                    href={segmentHref(row.segment)}
                    className="text-sm font-medium text-zinc-900 hover:text-accent-800 hover:underline"
                  >
                    {segmentLabel(row.segment)}
                  </KpiLink>
                  <span className="flex items-center gap-2 text-sm">
                    <span className="font-semibold text-zinc-900 tabular-nums">{rate(row.rate)}</span>
                    <ChurnStatusBadge status={row.status} />
                  </span>
                </div>
                <div className="relative mt-1.5 h-3 rounded-full bg-zinc-100" aria-hidden>
                  {row.benchmark && (
                    <div
                      className="absolute inset-y-0 rounded-sm bg-zinc-300/70 ring-1 ring-zinc-400/60"
                      style={{
                        left: at(row.benchmark.low),
                        width: `max(3px, calc(${at(row.benchmark.high)} - ${at(row.benchmark.low)}))`,
                      }}
                    />
                  )}
                  <div
                    className="absolute inset-y-0.5 left-0 rounded-full bg-accent-600"
                    style={{ width: row.rate === null ? 0 : at(row.rate) }}
                  />
                  <div
                    className="absolute -inset-y-0.5 w-0.5 bg-emerald-600"
                    style={{ left: at(row.thresholds.target) }}
                  />
                  <div className="absolute -inset-y-0.5 w-0.5 bg-red-600" style={{ left: at(row.thresholds.watch) }} />
                </div>
                <p className="mt-1 text-xs text-zinc-600">
                  {formatCount(row.churnedCustomers)} churned of {formatCount(row.customersStart)}{' '}
                  {months > 1 ? `customer-months at start over ${months} months` : 'at the start'}
                  {row.involuntaryChurnedCustomers > 0 &&
                    ` (${formatCount(row.involuntaryChurnedCustomers)} involuntary)`}
                  {' · '}
                  {row.benchmark
                    ? `benchmark ${row.benchmark.label} ${formatBenchmarkRange(row.benchmark)}${comparison ? `: ${COMPARISON[comparison]} it` : ''}`
                    : 'no published benchmark for this segment'}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </ChartCard>
  );
}
