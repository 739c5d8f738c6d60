import { KpiLink } from './kpi-link';
import {
  ANNUAL_RETENTION_BENCHMARKS,
  annualRetentionOf,
  CHURN_BENCHMARKS,
  churnBenchmarkFor,
  compareChurn,
  formatBenchmarkRange,
} from '@/lib/metrics/benchmarks';
import { METRICS, type MetricKey } from '@/lib/metrics/catalog';
import { changeOf } from '@/lib/metrics/change';
import { formatKind, formatMetric, formatMetricCompact, formatPercent } from '@/lib/metrics/format';
import { churnStatus } from '@/lib/metrics/settings';
import type { KpiDashboard } from '@/server/services/kpi-dashboard';
import { ChurnStatusBadge } from './churn-status-badge';
import { formulaInfo, type DrilldownLink } from './formula-info';
import { MetricCard } from './metric-card';

const GROUPS: { title: string; keys: MetricKey[] }[] = [
  { title: 'Retention', keys: ['logo_churn_rate', 'crr', 'nrr', 'grr'] },
  { title: 'Revenue', keys: ['mrr', 'net_new_mrr', 'arpa', 'ltv'] },
  { title: 'Customers', keys: ['active_customers', 'new_customers', 'churned_customers', 'nps'] },
];

const COMPARISON = { better: 'better than', within: 'within', worse: 'worse than' } as const;

/** The headline numbers of the period, grouped, each with its change, formula and yardstick. */
export function HeadlineCards({ dashboard, link }: { dashboard: KpiDashboard; link: DrilldownLink }) {
  const { current, previous, period } = dashboard;
  const value = (key: MetricKey) => current.totals[key] ?? null;
  const footerOf = (key: MetricKey) => {
    if (key === 'logo_churn_rate') return <ChurnYardsticks dashboard={dashboard} />;
    if (key === 'crr') return <RetentionYardstick churn={value('logo_churn_rate')} />;
    if (key === 'nrr') return <p>Above 100%: expansion outgrows what is lost.</p>;
    return null;
  };
  return (
    <div className="space-y-5">
      {GROUPS.map((group) => (
        <div key={group.title}>
          <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">{group.title}</h3>
          <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
            {group.keys.map((key) => (
              <MetricCard
                key={key}
                id={key}
                label={labelOf(key)}
                value={formatMetricCompact(key, value(key), current.currency)}
                exact={formatMetric(key, value(key), current.currency)}
                change={previous && changeOf(key, value(key), previous.totals[key] ?? null)}
                against={period.previous?.label ?? null}
                formula={formulaInfo(current, key, link)}
                footer={footerOf(key)}
              />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

/** Card titles say "monthly" where a rate is one, since a quarter's figure is still a monthly rate. */
const CARD_LABELS: Partial<Record<MetricKey, string>> = {
  logo_churn_rate: 'Logo churn rate (monthly)',
  crr: 'Customer retention (monthly)',
};
const labelOf = (key: MetricKey) => CARD_LABELS[key] ?? METRICS[key].label;

/** Threshold status (the segment's own thresholds when filtered by one) and the published benchmark beside it. */
function ChurnYardsticks({ dashboard }: { dashboard: KpiDashboard }) {
  const rate = dashboard.current.totals.logo_churn_rate ?? null;
  const thresholds = dashboard.current.settings.churn_thresholds;
  const benchmark = churnBenchmarkFor(dashboard.filters.segment);
  const comparison = benchmark ? compareChurn(rate, benchmark) : null;
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <ChurnStatusBadge status={churnStatus(rate, thresholds)} />
        <span>
          on target ≤ {formatPercent(thresholds.target)}, watch ≤ {formatPercent(thresholds.watch)}
        </span>
        <KpiLink href="/kpis/thresholds" className="font-medium text-accent-800 hover:underline">
          Thresholds
        </KpiLink>
      </div>
      {benchmark ? (
        <p>
          Benchmark {benchmark.label}:{' '}
          <span className="font-medium text-zinc-800">{formatBenchmarkRange(benchmark)}</span>
          {comparison && ` — ${COMPARISON[comparison]} it`}
        </p>
      ) : (
        <p>
          Benchmarks:{' '}
          {CHURN_BENCHMARKS.map((b, i) => (
            <span key={b.label}>
              {i > 0 && ' · '}
              <span className="whitespace-nowrap">
                {b.label} {formatBenchmarkRange(b)}
              </span>
            </span>
          ))}
        </p>
      )}
    </>
  );
}

/** Monthly retention is hard to compare with published annual figures; (1 − churn)^12 bridges the two. */
function RetentionYardstick({ churn }: { churn: number | null }) {
  const annual = annualRetentionOf(churn);
  const low = ANNUAL_RETENTION_BENCHMARKS[0];
  const high = ANNUAL_RETENTION_BENCHMARKS.at(-1)!;
  return (
    <>
      <p>
        A year at this churn: <span className="font-medium text-zinc-800">{formatKind('rate', annual, 'USD')}</span>{' '}
        retained, (1 − churn)^12
      </p>
      <p title={ANNUAL_RETENTION_BENCHMARKS.map((b) => `${b.industry} ${formatPercent(b.retention)}`).join(', ')}>
        Industry annual retention: {low.industry.toLowerCase()} {formatPercent(low.retention)} to{' '}
        {high.industry.toLowerCase()} {formatPercent(high.retention)}
      </p>
    </>
  );
}
