'use client';

import { useId, useState } from 'react';
import { formatCount } from '@/lib/format';
import { formatKind } from '@/lib/metrics/format';
import { projectWhatIf, WHAT_IF_BASELINE_MONTHS, type WhatIfBaseline, type WhatIfOutcome } from '@/lib/metrics/what-if';
import { cn } from '@/lib/cn';

type WhatIfPanelProps = { baseline: WhatIfBaseline; currency: string; asOf: string };

const ROWS: { key: keyof WhatIfOutcome; label: string; kind: 'count' | 'money' }[] = [
  { key: 'customers', label: 'Active customers', kind: 'count' },
  { key: 'mrr', label: 'MRR', kind: 'money' },
  { key: 'ltv', label: 'LTV within the horizon', kind: 'money' },
];

/**
 * Lower monthly logo churn by X points and see active customers, MRR and LTV 12 and 24 months out. The math is
 * lib/metrics/what-if.ts (pure, tested); this only asks for X and lays the numbers out.
 */
export function WhatIfPanel({ baseline, currency, asOf }: WhatIfPanelProps) {
  const id = useId();
  const maxPoints = Math.max(0.1, Math.min(10, Math.floor((baseline.monthlyChurn ?? 0) * 1000) / 10));
  const [points, setPoints] = useState(() => Math.min(1, maxPoints));
  const result = projectWhatIf(baseline, points);
  const format = (kind: 'count' | 'money' | 'rate', value: number | null) =>
    kind === 'count' ? (value === null ? '—' : formatCount(Math.round(value))) : formatKind(kind, value, currency);
  const difference = (kind: 'count' | 'money', a: number | null, b: number | null) => {
    if (a === null || b === null) return '—';
    const delta = kind === 'count' ? Math.round(b) - Math.round(a) : b - a;
    return `${delta >= 0 ? '+' : '−'}${format(kind, Math.abs(delta))}`;
  };

  if (!result) {
    return (
      <p className="text-sm text-zinc-600">
        No customer churned in the {WHAT_IF_BASELINE_MONTHS} months before {asOf}: there is no churn to lower.
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <div className="min-w-64 flex-1">
          <label htmlFor={`${id}-points`} className="block text-sm font-medium text-zinc-800">
            Lower monthly logo churn by
          </label>
          <div className="mt-1.5 flex items-center gap-3">
            <input
              id={`${id}-points`}
              type="range"
              min={0}
              max={maxPoints}
              step={0.1}
              value={points}
              onChange={(e) => setPoints(Number(e.target.value))}
              className="h-2 flex-1 cursor-pointer accent-accent-700"
              aria-valuetext={`${points.toFixed(1)} percentage points`}
            />
            <input
              type="number"
              min={0}
              max={maxPoints}
              step={0.1}
              value={points}
              onChange={(e) => setPoints(Math.min(maxPoints, Math.max(0, Number(e.target.value) || 0)))}
              aria-label="Percentage points"
              className="h-8 w-20 rounded-md border border-zinc-300 px-2 text-right text-sm tabular-nums"
            />
            <span className="text-sm text-zinc-600">points</span>
          </div>
        </div>
        <p className="text-sm text-zinc-700" aria-live="polite">
          Monthly churn <span className="font-semibold tabular-nums">{format('rate', result.churn.baseline)}</span> →{' '}
          <span className="font-semibold text-accent-800 tabular-nums">{format('rate', result.churn.scenario)}</span>
        </p>
      </div>

      <div className="relative overflow-x-auto">
        <table className="w-full min-w-xl text-sm" aria-live="polite">
          <caption className="sr-only">
            Projection with today&apos;s churn and with lower churn, 12 and 24 months out
          </caption>
          <thead className="text-xs text-zinc-600">
            <tr>
              <th scope="col" rowSpan={2} className="pb-1 text-left align-bottom font-medium">
                Projected
              </th>
              {result.horizons.map((h) => (
                <th
                  key={h.months}
                  scope="colgroup"
                  colSpan={3}
                  className="border-b border-zinc-200 pb-1 text-center font-semibold text-zinc-800"
                >
                  In {h.months} months
                </th>
              ))}
            </tr>
            <tr>
              {result.horizons.flatMap((h) => [
                <th key={`${h.months}-b`} scope="col" className="pt-1 text-right font-medium">
                  Today&apos;s churn
                </th>,
                <th key={`${h.months}-s`} scope="col" className="pt-1 text-right font-medium">
                  Lower churn
                </th>,
                <th key={`${h.months}-d`} scope="col" className="pt-1 pr-2 text-right font-medium">
                  Difference
                </th>,
              ])}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {ROWS.map((row) => (
              <tr key={row.key}>
                <th scope="row" className="py-1.5 text-left font-medium text-zinc-800">
                  {row.label}
                </th>
                {result.horizons.flatMap((h) => [
                  <td key={`${h.months}-b`} className="py-1.5 text-right text-zinc-700 tabular-nums">
                    {format(row.kind, h.baseline[row.key])}
                  </td>,
                  <td key={`${h.months}-s`} className="py-1.5 text-right font-semibold text-zinc-900 tabular-nums">
                    {format(row.kind, h.scenario[row.key])}
                  </td>,
                  <td key={`${h.months}-d`} className={cn('py-1.5 pr-2 text-right tabular-nums', 'text-emerald-700')}>
                    {difference(row.kind, h.baseline[row.key], h.scenario[row.key])}
                  </td>,
                ])}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm text-zinc-700">
        Lifetime LTV (ARPA × margin / churn):{' '}
        <span className="tabular-nums">{format('money', result.lifetimeLtv.baseline)}</span> →{' '}
        <span className="font-semibold text-accent-800 tabular-nums">
          {format('money', result.lifetimeLtv.scenario)}
        </span>
        {result.lifetimeLtv.scenario === null && ' (no churn: no finite lifetime)'}
      </p>
      <p className="text-xs text-zinc-600">
        Starts from {formatCount(baseline.customers)} active customers and {format('money', baseline.mrr)} MRR at the
        end of {asOf}. Today&apos;s churn and the new plus reactivated customers ({baseline.newPerMonth.toFixed(1)} a
        month) are the averages of the {WHAT_IF_BASELINE_MONTHS} months before, the basis LTV uses; revenue per customer
        stays at today&apos;s; gross margin {format('rate', baseline.grossMargin)}. Each month: customers × (1 − churn)
        + new.
      </p>
    </div>
  );
}
