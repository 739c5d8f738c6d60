'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { formatCount, formatMoney, plural } from '@/lib/format';
import { DRILLDOWN_SORT_LABELS, drilldownSortValue, type DrilldownSort } from '@/lib/metrics/drilldowns';
import { churnReasonLabel, segmentLabel, valueLabel } from '@/lib/metrics/labels';
import type { KpiFilters } from '@/lib/metrics/query';
import type { DrilldownMetric } from '@/lib/metrics/movements';
import { monthLabel } from '@/lib/metrics/period';
import { cn } from '@/lib/cn';
import type { loadDrilldownPageAction } from '@/app/(app)/kpis/customers/actions';
import type { KpiDrilldownPage } from '@/server/services/kpis';

type Row = KpiDrilldownPage['customers'][number];

type DrilldownTableProps = {
  metric: DrilldownMetric;
  filters: KpiFilters;
  first: KpiDrilldownPage;
  currency: string;
  sort: DrilldownSort;
  /** Churn lists show why each customer left. */
  showReason: boolean;
  /** The next page as a plain link, for browsers without JavaScript. */
  nextHref: string | null;
  loadMore: typeof loadDrilldownPageAction;
};

const th = 'px-4 py-2.5 font-semibold tracking-wide whitespace-nowrap';

/**
 * The customers of a drill-down, sorted by the list's MRR figure, a keyset page at a time: "Load more" appends the
 * next page below. A list over several months has a row per customer and month, with the month shown.
 */
export function DrilldownTable({
  metric,
  filters,
  first,
  currency,
  sort,
  showReason,
  nextHref,
  loadMore,
}: DrilldownTableProps) {
  const [rows, setRows] = useState<Row[]>(first.customers);
  const [cursor, setCursor] = useState(first.nextCursor);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const showMonth = first.from !== first.to;
  // The movement columns; a list sorted by one of its MRR columns marks that column instead.
  const movement = sort === 'lost' || sort === 'gained';

  function more() {
    if (cursor === null) return;
    setError(null);
    startTransition(async () => {
      const result = await loadMore(null, { metric, from: first.from, to: first.to, cursor, filters });
      if (!result.ok || !result.data) return setError(result.ok ? 'Nothing more came back.' : result.message);
      const page = result.data;
      setRows((previous) => [...previous, ...page.customers]);
      setCursor(page.nextCursor);
    });
  }

  const money = (cents: number) => formatMoney(cents, currency);
  const sorted = (column: DrilldownSort) => (sort === column ? ('descending' as const) : undefined);
  return (
    <>
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Customers in this list, by {DRILLDOWN_SORT_LABELS[sort]}, largest first</caption>
          <thead className="border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-600 uppercase">
            <tr>
              <th scope="col" className={th}>
                Customer
              </th>
              {showMonth && (
                <th scope="col" className={th}>
                  Month
                </th>
              )}
              <th scope="col" className={th}>
                Segment · plan
              </th>
              <th scope="col" aria-sort={sorted('mrr_start')} className={cn(th, 'text-right')}>
                MRR at start
              </th>
              <th scope="col" aria-sort={sorted('mrr_end')} className={cn(th, 'text-right')}>
                MRR at end
              </th>
              {movement && (
                <th scope="col" aria-sort="descending" className={cn(th, 'text-right')}>
                  {DRILLDOWN_SORT_LABELS[sort]}
                </th>
              )}
              <th scope="col" aria-sort={sorted('revenue')} className={cn(th, 'text-right')}>
                Orders · revenue
              </th>
              {showReason && (
                <th scope="col" className={th}>
                  Churn reason
                </th>
              )}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {rows.map((row) => (
              <tr key={`${row.month}-${row.id}`}>
                <th scope="row" className="px-4 py-2.5 font-medium">
                  <Link href={`/customers/${row.id}`} className="text-accent-800 hover:underline">
                    {row.name}
                  </Link>
                  <span className="block font-mono text-xs font-normal text-zinc-500">{row.externalId}</span>
                </th>
                {showMonth && <td className="px-4 py-2.5 whitespace-nowrap text-zinc-700">{monthLabel(row.month)}</td>}
                <td className="px-4 py-2.5 text-zinc-700">
                  {row.segment ? segmentLabel(row.segment) : '—'} · {row.plan ? valueLabel(row.plan) : '—'}
                </td>
                <td className="px-4 py-2.5 text-right whitespace-nowrap text-zinc-700 tabular-nums">
                  {money(row.mrrStartCents)}
                </td>
                <td className="px-4 py-2.5 text-right whitespace-nowrap text-zinc-900 tabular-nums">
                  {money(row.mrrEndCents)}
                </td>
                {movement && (
                  <td
                    className={cn(
                      'px-4 py-2.5 text-right font-medium whitespace-nowrap tabular-nums',
                      sort === 'lost' ? 'text-red-700' : 'text-emerald-700',
                    )}
                  >
                    {money(drilldownSortValue(sort, row))}
                  </td>
                )}
                <td className="px-4 py-2.5 text-right whitespace-nowrap text-zinc-700 tabular-nums">
                  {formatCount(row.orders)} · {money(row.revenueCents)}
                </td>
                {showReason && (
                  <td className="px-4 py-2.5 text-zinc-700">
                    {row.churnReason ? churnReasonLabel(row.churnReason) : '—'}
                    {row.churnType === 'involuntary' && (
                      <span className="block text-xs text-amber-800">Involuntary</span>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-200 px-4 py-3 text-sm text-zinc-600">
        <p role="status">
          Showing {plural(rows.length, showMonth ? 'row' : 'customer')}
          {cursor === null ? '' : ' so far'}
        </p>
        {error && <Alert tone="error">{error}</Alert>}
        {cursor !== null &&
          (nextHref ? (
            <Button asChild variant="secondary" size="sm">
              <a
                href={nextHref}
                onClick={(e) => {
                  e.preventDefault();
                  more();
                }}
                aria-disabled={pending || undefined}
              >
                {pending ? 'Loading…' : 'Load more'}
              </a>
            </Button>
          ) : (
            <Button variant="secondary" size="sm" onClick={more} disabled={pending}>
              {pending ? 'Loading…' : 'Load more'}
            </Button>
          ))}
      </div>
    </>
  );
}
