import { METRICS, type MetricKey } from '@/lib/metrics/catalog';
import type { KpiDocument } from '@/lib/metrics/document';
import { formatMetric } from '@/lib/metrics/format';
import type { DrilldownMetric } from '@/lib/metrics/movements';
import { ChartCard, type DataCell } from './chart-card';
import { CHART_COLORS, fittedAxis, longMonth } from './chart-format';
import { formulaInfo, type DrilldownLink } from './formula-info';
import { TrendChart, type TrendRow, type TrendSeries } from './trend-chart';

type ChartSpec = {
  id: string;
  title: string;
  description: string;
  /** The metric whose formula the card explains. */
  formula: MetricKey;
  series: (TrendSeries & { key: MetricKey })[];
  /** A click on a month opens this drill-down. */
  clickTo?: DrilldownMetric;
  references?: (doc: KpiDocument) => { y: number; label: string; color: string }[];
  /** The value axis spans the data (and the references) rather than starting at 0. */
  fitted?: boolean;
};

const line = (key: MetricKey, color: string): TrendSeries & { key: MetricKey } => ({
  key,
  label: METRICS[key].label,
  color,
  type: 'line',
});
const bar = (key: MetricKey, color: string, stack?: string): TrendSeries & { key: MetricKey } => ({
  key,
  label: METRICS[key].label,
  color,
  type: 'bar',
  stack,
});

export const TREND_CHARTS: ChartSpec[] = [
  {
    id: 'churn',
    title: 'Logo churn rate',
    description: 'Monthly, against the on-target and watch thresholds. Select a month for the customers who churned.',
    formula: 'logo_churn_rate',
    series: [line('logo_churn_rate', CHART_COLORS.accent)],
    clickTo: 'churned_customers',
    references: (doc) => [
      { y: doc.settings.churn_thresholds.target, label: 'on target', color: CHART_COLORS.good },
      { y: doc.settings.churn_thresholds.watch, label: 'watch', color: CHART_COLORS.bad },
    ],
  },
  {
    id: 'mrr',
    title: 'MRR',
    description: 'Month-end monthly recurring revenue. Select a month for its paying customers.',
    formula: 'mrr',
    series: [{ key: 'mrr', label: 'MRR', color: CHART_COLORS.accent, type: 'area' }],
    clickTo: 'active_customers',
  },
  {
    id: 'revenue-retention',
    title: 'Revenue retention',
    description: 'Net (with expansion) and gross revenue retention; above 100% the base grows on its own.',
    formula: 'nrr',
    series: [line('nrr', CHART_COLORS.accent), line('grr', CHART_COLORS.orange)],
    references: () => [{ y: 1, label: '100%', color: CHART_COLORS.muted }],
    fitted: true,
  },
  {
    id: 'customers',
    title: 'Customers won and lost',
    description: 'New and reactivated customers against churned ones, per month.',
    formula: 'active_customers',
    series: [
      bar('new_customers', CHART_COLORS.good),
      bar('reactivated_customers', CHART_COLORS.sky),
      bar('churned_customers', CHART_COLORS.bad),
    ],
  },
  {
    id: 'churn-types',
    title: 'Voluntary vs involuntary churn',
    description: 'Churned customers by churn type: involuntary is failed payment or card expiry.',
    formula: 'involuntary_churned_customers',
    series: [
      bar('voluntary_churned_customers', CHART_COLORS.accent, 'type'),
      bar('involuntary_churned_customers', CHART_COLORS.warn, 'type'),
    ],
  },
  {
    id: 'nps',
    title: 'NPS',
    description: 'Net promoter score of the answers given each month.',
    formula: 'nps',
    series: [line('nps', CHART_COLORS.accent)],
    references: () => [{ y: 0, label: '0', color: CHART_COLORS.muted }],
  },
];

/** Which drill-down a series' values open in the data table (counts open their own set). */
const TABLE_LINKS: Partial<Record<MetricKey, DrilldownMetric>> = {
  logo_churn_rate: 'churned_customers',
  new_customers: 'new_customers',
  reactivated_customers: 'reactivated_customers',
  churned_customers: 'churned_customers',
  voluntary_churned_customers: 'voluntary_churned_customers',
  involuntary_churned_customers: 'involuntary_churned_customers',
  mrr: 'active_customers',
};

/** The trend window (24 months ending with the period) as one chart per metric family. */
export function TrendSection({ trend, link }: { trend: KpiDocument; link: DrilldownLink }) {
  const through = trend.rollup.through;
  const known = (month: string) => through !== null && month <= through;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {TREND_CHARTS.map((chart) => {
        const rows: TrendRow[] = trend.months.map((month, i) => ({
          month,
          ...Object.fromEntries(chart.series.map((s) => [s.key, trend.series[s.key][i]])),
        }));
        const references = chart.references?.(trend);
        const axis = chart.fitted
          ? fittedAxis(
              chart.series.flatMap((s) => trend.series[s.key]),
              references?.map((r) => r.y),
            )
          : null;
        const hrefs = chart.clickTo
          ? Object.fromEntries(trend.months.filter(known).map((m) => [m, link(chart.clickTo!, m)]))
          : undefined;
        const cell = (key: MetricKey, i: number): DataCell => {
          const month = trend.months[i];
          const target = TABLE_LINKS[key];
          return {
            text: formatMetric(key, trend.series[key][i], trend.currency),
            href: target && known(month) ? link(target, month) : undefined,
          };
        };
        return (
          <ChartCard
            key={chart.id}
            id={chart.id}
            title={chart.title}
            description={chart.description}
            formula={formulaInfo(trend, chart.formula, link, 'last month')}
            table={{
              caption: `${chart.title} by month`,
              columns: chart.series.map((s) => ({ label: s.label })),
              rows: trend.months
                .map((month, i) => ({ label: longMonth(month), cells: chart.series.map((s) => cell(s.key, i)) }))
                .reverse(),
            }}
          >
            <TrendChart
              data={rows}
              series={chart.series}
              kind={METRICS[chart.series[0].key].kind}
              currency={trend.currency}
              references={references}
              axis={axis}
              hrefs={hrefs}
              label={chart.title}
            />
          </ChartCard>
        );
      })}
    </div>
  );
}
