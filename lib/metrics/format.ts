import { formatCount, formatMoney } from '@/lib/format';
import { METRICS, type MetricKey, type MetricKind } from './catalog';

/** What a page or the CLI table shows for a value of a kind; null (no denominator, or not computed yet) is "—". */
export function formatKind(kind: MetricKind, value: number | null, currency: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (kind) {
    case 'rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'money':
      return formatMoney(value, currency);
    case 'ratio':
      return value.toFixed(2);
    case 'score':
      return value.toFixed(1);
    case 'days':
      return `${formatCount(value)} d`;
    case 'count':
      return formatCount(value);
  }
}

/** What a page or the CLI table shows for a KPI value. */
export function formatMetric(key: MetricKey, value: number | null, currency: string): string {
  return formatKind(METRICS[key].kind, value, currency);
}
