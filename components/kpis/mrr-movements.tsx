import { KpiLink } from './kpi-link';
import { formatMoney } from '@/lib/format';
import type { KpiDocument } from '@/lib/metrics/document';
import { mrrWaterfall } from '@/lib/metrics/waterfall';
import { cn } from '@/lib/cn';
import { ChartCard } from './chart-card';
import { formulaInfo, lastKnownMonth, type DrilldownLink } from './formula-info';
import { WaterfallChart } from './waterfall-chart';

/** How MRR got from the start of the period to its end: the waterfall, and the movements as a list with their customers. */
export function MrrMovements({ doc, link }: { doc: KpiDocument; link: DrilldownLink }) {
  const steps = mrrWaterfall(doc.totals);
  const month = lastKnownMonth(doc);
  const hrefs = Object.fromEntries(
    (steps ?? []).flatMap((s) => (s.drilldown && month ? [[s.key, link(s.drilldown)]] : [])),
  );
  return (
    <ChartCard
      id="mrr-movements"
      title="MRR movements"
      description="From MRR at the start of the period to MRR at its end; the axis starts near the lowest level so that the movements show. Reactivation is its own movement, outside NRR."
      formula={formulaInfo(doc, 'net_new_mrr', link)}
    >
      {steps === null ? (
        <p className="py-8 text-center text-sm text-zinc-600">No MRR computed for this period yet.</p>
      ) : (
        <>
          <WaterfallChart steps={steps} currency={doc.currency} hrefs={hrefs} />
          <ul className="mt-3 grid gap-x-6 gap-y-1 text-xs sm:grid-cols-2">
            {steps
              .filter((s) => s.kind !== 'total')
              .map((s) => (
                <li key={s.key} className="flex items-baseline justify-between gap-3">
                  {hrefs[s.key] ? (
                    <KpiLink href={hrefs[s.key]} className="font-medium text-accent-800 hover:underline">
                      {s.label}
                    </KpiLink>
                  ) : (
                    <span className="text-zinc-600">{s.label}</span>
                  )}
                  <span
                    className={cn('whitespace-nowrap tabular-nums', s.value >= 0 ? 'text-emerald-700' : 'text-red-700')}
                  >
                    {s.value >= 0 ? '+' : '−'}
                    {formatMoney(Math.abs(s.value), doc.currency)}
                  </span>
                </li>
              ))}
          </ul>
        </>
      )}
    </ChartCard>
  );
}
