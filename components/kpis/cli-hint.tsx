import { Terminal } from 'lucide-react';
import { formatDateTime } from '@/lib/format';
import { freshnessText } from '@/lib/metrics/freshness';
import { cliRange, monthLabel } from '@/lib/metrics/period';
import type { KpiDocument } from '@/lib/metrics/document';
import { parseMonth, type Month } from '@/lib/metrics/months';
import type { KpiFilters } from '@/lib/metrics/query';

const FLAGS: Record<keyof KpiFilters, string> = {
  segment: '--segment',
  plan: '--plan',
  country: '--country',
  owner: '--owner',
  loyaltyTier: '--loyalty-tier',
};
const quote = (value: string) => (/^[\w.@-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);

/** The `holdfast kpis` call whose "total" row prints the numbers of this page's cards. */
export function kpisCommand(range: { from: Month; to: Month }, filters: KpiFilters): string {
  const flags = (Object.keys(FLAGS) as (keyof KpiFilters)[]).flatMap((name) =>
    filters[name] ? [`${FLAGS[name]} ${quote(filters[name]!)}`] : [],
  );
  return ['npx holdfast kpis', cliRange(range), ...flags].join(' ');
}

/** Where the numbers come from: how fresh the rollups are, and the CLI call that prints the same figures. */
export function DataFreshness({
  doc,
  range,
  filters,
  now,
}: {
  doc: KpiDocument;
  range: { from: Month; to: Month };
  filters: KpiFilters;
  now: Date;
}) {
  const throughMonth = doc.rollup.through ? parseMonth(doc.rollup.through)! : null;
  const through = throughMonth === null ? null : monthLabel(throughMonth);
  // A month begun since the last refresh is computed after the response; until then its figures are unknown.
  const catchingUp = throughMonth === null || throughMonth < range.to;
  return (
    <details className="group text-xs text-zinc-600">
      <summary className="inline-flex items-center gap-1.5">
        <Terminal aria-hidden className="size-3.5" />
        {through ? `Data through ${through}` : 'No data yet'}
        {doc.rollup.refreshed_at && (
          <>
            {' · '}
            <time dateTime={doc.rollup.refreshed_at} title={formatDateTime(new Date(doc.rollup.refreshed_at))}>
              {freshnessText(doc.rollup, now)}
            </time>
          </>
        )}
        {catchingUp && ' — later months are being computed; reload in a minute'}
      </summary>
      <p className="mt-2">The command line prints the same numbers (its “total” row is this period):</p>
      <code className="mt-1 block rounded-md bg-zinc-900 px-3 py-2 font-mono text-[11px] text-zinc-100 select-all">
        {kpisCommand(range, filters)}
      </code>
    </details>
  );
}
