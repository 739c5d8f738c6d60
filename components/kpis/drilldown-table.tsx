'use client';

import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { formatCount, formatMoney } from '@/lib/format';
import { churnReasonLabel, segmentLabel, valueLabel } from '@/lib/metrics/labels';
import type { KpiFilters } from '@/lib/metrics/query';
import type { DrilldownMetric } from '@/lib/metrics/movements';
import { cn } from '@/lib/cn';
import type { loadDrilldownPageAction } from '@/app/(app)/kpis/customers/actions';
import type { KpiDrilldownPage } from '@/server/services/kpis';

type Row = KpiDrilldownPage['customers'][number];

type DrilldownTableProps = {
  metric: DrilldownMetric;
  month: string;
  filters: KpiFilters;
  first: KpiDrilldownPage;
  currency: string;
  /** Churn lists show why each customer left. */
  showReason: boolean;
  /** The next page as a plain link, for browsers without JavaScript. */
  nextHref: string | null;
  loadMore: typeof loadDrilldownPageAction;
};

/** The customers of a drill-down, a keyset page at a time: "Load more" appends the next page below. */
export function DrilldownTable({ metric, month, filters, first, currency, showReason, nextHref, loadMore }: DrilldownTableProps) {
  const [rows, setRows] = useState<Row[]>(first.customers);
  const [cursor, setCursor] = useState(first.nextCursor);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function more() {
    if (cursor === null) return;
    setError(null);
    startTransition(async () => {
      const result = await loadMore(null, { metric, month, cursor, filters });
      if (!result.ok || !result.data) return setError(result.ok ? 'Nothing more came back.' : result.message);
      const page = result.data;
      setRows((previous) => [...previous, ...page.customers]);
      setCursor(page.nextCursor);
    });
  }

  const money = (cents: number) => formatMoney(cents, currency);
  return (
    <>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Customers in this list</caption>
          <thead className="border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-2.5 font-semibold tracking-wide">
                Customer
              </th>
              <th scope="col" className="px-4 py-2.5 font-semibold tracking-wide">
                Segment · plan
              </th>
              <th scope="col" className="px-4 py-2.5 text-right font-semibold tracking-wide">
                MRR at start
              </th>
              <th scope="col" className="px-4 py-2.5 text-right font-semibold tracking-wide">
                MRR at end
              </th>
              <th scope="col" className="px-4 py-2.5 text-right font-semibold tracking-wide">
                Orders · revenue
              </th>
              {showReason && (
                <th scope="col" className="px-4 py-2.5 font-semibold tracking-wide">
                  Churn reason
                </th>
              )}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {rows.map((row) => {
              const delta = row.mrrEndCents - row.mrrStartCents;
              return (
                <tr key={row.id}>
                  <th scope="row" className="px-4 py-2.5 font-medium text-zinc-900">
                    {row.name}
                    <span className="block font-mono text-xs font-normal text-zinc-500">{row.externalId}</span>
                  </th>
                  <td className="px-4 py-2.5 text-zinc-700">
                    {row.segment ? segmentLabel(row.segment) : '—'} · {row.plan ? valueLabel(row.plan) : '—'}
                  </td>
                  <td className="px-4 py-2.5 text-right text-zinc-700 tabular-nums">{money(row.mrrStartCents)}</td>
                  <td className="px-4 py-2.5 text-right tabular-nums">
                    <span className="text-zinc-900">{money(row.mrrEndCents)}</span>
                    {delta !== 0 && (
                      <span className={cn('block text-xs', delta > 0 ? 'text-emerald-700' : 'text-red-700')}>
                        {delta > 0 ? '+' : '−'}
                        {money(Math.abs(delta))}
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-2.5 text-right text-zinc-700 tabular-nums">
                    {formatCount(row.orders)} · {money(row.revenueCents)}
                  </td>
                  {showReason && (
                    <td className="px-4 py-2.5 text-zinc-700">
                      {row.churnReason ? churnReasonLabel(row.churnReason) : '—'}
                      {row.churnType === 'involuntary' && <span className="block text-xs text-amber-800">Involuntary</span>}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-200 px-4 py-3 text-sm text-zinc-600">
        <p role="status">
          Showing {formatCount(rows.length)} customer{rows.length === 1 ? '' : 's'}
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
