import { KpiLink } from './kpi-link';
import { METRICS, type MetricKey } from '@/lib/metrics/catalog';
import { changeOf } from '@/lib/metrics/change';
import type { KpiDocument } from '@/lib/metrics/document';
import { formatMetric } from '@/lib/metrics/format';
import { ChangeIndicator } from './change-indicator';
import { drilldownLinks, formulaInfo, type DrilldownLink } from './formula-info';
import { FormulaPopover } from './formula-popover';

const GROUPS: { title: string; keys: MetricKey[] }[] = [
  {
    title: 'Customers',
    keys: [
      'customers_at_start',
      'active_customers',
      'new_customers',
      'reactivated_customers',
      'churned_customers',
      'early_churned_customers',
      'voluntary_churned_customers',
      'involuntary_churned_customers',
    ],
  },
  { title: 'Churn and retention', keys: ['logo_churn_rate', 'voluntary_churn_rate', 'involuntary_churn_rate', 'crr'] },
  {
    title: 'Revenue',
    keys: [
      'mrr_start',
      'mrr',
      'new_mrr',
      'expansion_mrr',
      'contraction_mrr',
      'churned_mrr',
      'reactivation_mrr',
      'net_new_mrr',
      'gross_revenue_churn',
      'net_revenue_churn',
      'grr',
      'nrr',
      'quick_ratio',
      'arpa',
      'ltv',
    ],
  },
  { title: 'Orders', keys: ['revenue', 'orders', 'repeat_purchase_rate'] },
  {
    title: 'Feedback',
    keys: ['nps', 'nps_promoters', 'nps_detractors', 'nps_responses', 'csat', 'csat_responses', 'ces', 'ces_responses'],
  },
  { title: 'Activation', keys: ['acquired_customers', 'activated_customers', 'activation_rate', 'ttv_median_days'] },
];

/** `previous` is null when the period is compared with nothing (a month so far): its columns are left out. */
type MetricsTableProps = {
  current: KpiDocument;
  previous: { doc: KpiDocument; label: string } | null;
  link: DrilldownLink;
};

/** Every KPI of the period with its formula: the same numbers as the "total" row of `holdfast kpis`. */
export function MetricsTable({ current, previous, link }: MetricsTableProps) {
  const columns = previous ? 5 : 3;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">
          {previous ? 'Every KPI of the period, the period before and the change' : 'Every KPI of the period'}
        </caption>
        <thead className="border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold tracking-wide">
              Metric
            </th>
            <th scope="col" className="px-4 py-2 text-right font-semibold tracking-wide">
              This period
            </th>
            {previous && (
              <>
                <th scope="col" className="px-4 py-2 text-right font-semibold tracking-wide">
                  {previous.label}
                </th>
                <th scope="col" className="px-4 py-2 font-semibold tracking-wide">
                  Change
                </th>
              </>
            )}
            <th scope="col" className="w-10 px-2 py-2">
              <span className="sr-only">Formula</span>
            </th>
          </tr>
        </thead>
        {GROUPS.map((group) => (
          <tbody key={group.title} className="divide-y divide-zinc-100">
            <tr>
              <th
                scope="colgroup"
                colSpan={columns}
                className="bg-zinc-50/60 px-4 pt-3 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase"
              >
                {group.title}
              </th>
            </tr>
            {group.keys.map((key) => {
              const value = current.totals[key] ?? null;
              const [primary] = drilldownLinks(key, current, link);
              const text = formatMetric(key, value, current.currency);
              return (
                <tr key={key}>
                  <th scope="row" className="px-4 py-2 font-medium text-zinc-900">
                    {METRICS[key].label}
                    <span className="mt-0.5 block font-mono text-[11px] font-normal text-zinc-500">
                      {METRICS[key].formula}
                    </span>
                  </th>
                  <td className="px-4 py-2 text-right font-semibold text-zinc-900 tabular-nums">
                    {primary ? (
                      <KpiLink href={primary.href} className="text-accent-800 hover:underline" title={primary.label}>
                        {text}
                      </KpiLink>
                    ) : (
                      text
                    )}
                  </td>
                  {previous && (
                    <>
                      <td className="px-4 py-2 text-right text-zinc-600 tabular-nums">
                        {formatMetric(key, previous.doc.totals[key] ?? null, current.currency)}
                      </td>
                      <td className="px-4 py-2">
                        <ChangeIndicator
                          change={changeOf(key, value, previous.doc.totals[key] ?? null)}
                          against={previous.label}
                          compact
                        />
                      </td>
                    </>
                  )}
                  <td className="px-2 py-2">
                    <FormulaPopover info={formulaInfo(current, key, link)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}
