import { Download } from 'lucide-react';
import { formatMonth, type Month } from '@/lib/metrics/months';
import type { KpiFilters } from '@/lib/metrics/query';

/** The monthly KPI table of this view (one row per month, a column per metric) from GET /api/exports/kpis. */
export function kpiTableHref(range: { from: Month; to: Month }, filters: KpiFilters): string {
  const params = new URLSearchParams({ from: formatMonth(range.from), to: formatMonth(range.to), format: 'csv' });
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  return `/api/exports/kpis?${params}`;
}

export function KpiDownload({ range, filters }: { range: { from: Month; to: Month }; filters: KpiFilters }) {
  return (
    <a
      href={kpiTableHref(range, filters)}
      download
      className="inline-flex items-center gap-1.5 text-xs font-medium text-zinc-700 underline-offset-2 hover:underline"
    >
      <Download aria-hidden className="size-3.5" />
      Download the monthly table (CSV)
    </a>
  );
}
