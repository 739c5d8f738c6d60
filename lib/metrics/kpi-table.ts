import { METRIC_KEYS } from './catalog';
import type { KpiDocument } from './document';

/** The KPI document's monthly series as a table: one row per month, one column per metric (snake_case keys). */
export function kpiTable(document: KpiDocument): { columns: string[]; rows: Record<string, unknown>[] } {
  const keys = METRIC_KEYS.filter((key) => key in document.series);
  return {
    columns: ['month', ...keys],
    rows: document.months.map((month, i) =>
      Object.fromEntries([['month', month], ...keys.map((key) => [key, document.series[key][i]])]),
    ),
  };
}
