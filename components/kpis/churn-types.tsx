import { KpiLink } from './kpi-link';
import { plural } from '@/lib/format';
import type { KpiDocument } from '@/lib/metrics/document';
import { formatMetric } from '@/lib/metrics/format';
import { ChartCard } from './chart-card';
import { drilldownLinks, formulaInfo, type DrilldownLink } from './formula-info';
import { FormulaPopover } from './formula-popover';

/** Voluntary and involuntary churn of the period side by side: they call for different fixes (product vs dunning). */
export function ChurnTypes({ doc, link }: { doc: KpiDocument; link: DrilldownLink }) {
  const voluntary = doc.totals.voluntary_churned_customers ?? 0;
  const involuntary = doc.totals.involuntary_churned_customers ?? 0;
  const total = voluntary + involuntary;
  const parts = [
    {
      key: 'voluntary',
      label: 'Voluntary',
      count: 'voluntary_churned_customers',
      rate: 'voluntary_churn_rate',
      value: voluntary,
      color: 'bg-accent-600',
      hint: 'They chose to leave: value, price, support, competitors.',
    },
    {
      key: 'involuntary',
      label: 'Involuntary',
      count: 'involuntary_churned_customers',
      rate: 'involuntary_churn_rate',
      value: involuntary,
      color: 'bg-amber-500',
      hint: 'Failed payment or card expiry: recoverable by dunning.',
    },
  ] as const;
  return (
    <ChartCard
      id="churn-types-of-period"
      title="Voluntary vs involuntary churn"
      description="Churned customers (C) of the period by churn type."
    >
      <div className="flex h-3 overflow-hidden rounded-full bg-zinc-100" aria-hidden>
        {total > 0 &&
          parts.map((p) => <div key={p.key} className={p.color} style={{ width: `${(p.value / total) * 100}%` }} />)}
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-4">
        {parts.map((p) => {
          const [countLink] = drilldownLinks(p.count, doc, link);
          return (
            <div key={p.key}>
              <dt className="flex items-center justify-between gap-2 text-sm font-medium text-zinc-700">
                <span className="flex items-center gap-2">
                  <span aria-hidden className={`size-2.5 rounded-full ${p.color}`} />
                  {p.label}
                </span>
                <FormulaPopover info={formulaInfo(doc, p.rate, link)} />
              </dt>
              <dd className="mt-0.5 text-xl font-semibold text-zinc-900 tabular-nums">
                {formatMetric(p.rate, doc.totals[p.rate] ?? null, doc.currency)}
              </dd>
              <dd className="text-xs text-zinc-600">
                {countLink ? (
                  <KpiLink href={countLink.href} className="font-medium text-accent-800 hover:underline">
                    {plural(p.value, 'customer')}
                  </KpiLink>
                ) : (
                  plural(p.value, 'customer')
                )}
              </dd>
              <dd className="mt-1 text-xs text-zinc-600">{p.hint}</dd>
            </div>
          );
        })}
      </dl>
    </ChartCard>
  );
}
