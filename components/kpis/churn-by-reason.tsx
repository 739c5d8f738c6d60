import { KpiLink } from './kpi-link';
import { formatCount, formatMoney, plural } from '@/lib/format';
import { formatKind } from '@/lib/metrics/format';
import { churnReasonLabel } from '@/lib/metrics/labels';
import type { ReasonChurn } from '@/server/services/kpi-breakdowns';
import { ChartCard } from './chart-card';

type ChurnByReasonProps = { rows: ReasonChurn[]; currency: string; periodLabel: string; churnedHref: string | null };

/** Why customers left: the churned customers of the period split by the reason recorded on them. */
export function ChurnByReason({ rows, currency, periodLabel, churnedHref }: ChurnByReasonProps) {
  const top = Math.max(1, ...rows.map((r) => r.churnedCustomers));
  return (
    <ChartCard
      id="churn-by-reason"
      title="Churn by reason"
      description={`The ${plural(
        rows.reduce((n, r) => n + r.churnedCustomers, 0),
        'customer',
      )} counted as churned (C) in ${periodLabel}, by the reason recorded on them.`}
    >
      {rows.length === 0 ? (
        <p className="py-8 text-center text-sm text-zinc-600">No customer churned in this period.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Churned customers by churn reason</caption>
          <thead className="text-xs text-zinc-600">
            <tr>
              <th scope="col" className="pb-1.5 font-medium">
                Reason
              </th>
              <th scope="col" className="hidden w-2/5 pb-1.5 font-medium sm:table-cell">
                <span className="sr-only">Share</span>
              </th>
              <th scope="col" className="pb-1.5 text-right font-medium">
                Customers
              </th>
              <th scope="col" className="pb-1.5 text-right font-medium">
                MRR lost
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.reason}>
                <th scope="row" className="py-1 pr-3 font-medium text-zinc-800">
                  {churnReasonLabel(row.reason)}
                </th>
                <td className="hidden py-1 pr-3 sm:table-cell">
                  <div className="h-2 rounded-full bg-zinc-100">
                    <div
                      className="h-2 rounded-full bg-accent-600"
                      style={{ width: `${(row.churnedCustomers / top) * 100}%` }}
                    />
                  </div>
                </td>
                <td className="py-1 text-right whitespace-nowrap text-zinc-900 tabular-nums">
                  {formatCount(row.churnedCustomers)}{' '}
                  <span className="text-xs text-zinc-500">({formatKind('rate', row.share, currency)})</span>
                </td>
                <td className="py-1 pl-3 text-right whitespace-nowrap text-zinc-700 tabular-nums">
                  {formatMoney(row.churnedMrrStart, currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {churnedHref && rows.length > 0 && (
        <p className="mt-3 text-xs">
          <KpiLink href={churnedHref} className="font-medium text-accent-800 hover:underline">
            See the churned customers with their reasons
          </KpiLink>
        </p>
      )}
    </ChartCard>
  );
}
