import { formatCompactMoney, formatCount, formatMoney } from '@/lib/format';
import { METRICS, type MetricKey, type MetricKind } from './catalog';

const fixed = (digits: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const oneDecimal = fixed(1);
const twoDecimals = fixed(2);

/** "4.5%", "2,176.8%": a fraction as a percentage with one decimal, thousands separated. */
export function formatPercent(fraction: number): string {
  return `${oneDecimal.format(fraction * 100)}%`;
}

/** A number with `digits` decimals and thousands separators ("1,425.50"). */
export function formatDecimal(value: number, digits: 1 | 2): string {
  return (digits === 1 ? oneDecimal : twoDecimals).format(value);
}

/** What a page or the CLI table shows for a value of a kind; null (no denominator, or not computed yet) is "—". */
export function formatKind(kind: MetricKind, value: number | null, currency: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (kind) {
    case 'rate':
      return formatPercent(value);
    case 'money':
      return formatMoney(value, currency);
    case 'ratio':
      return formatDecimal(value, 2);
    case 'score':
      return formatDecimal(value, 1);
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

/** A headline card's value: money compact ("$2.11M"; the exact amount is in the table and the formula), the rest as everywhere. */
export function formatMetricCompact(key: MetricKey, value: number | null, currency: string): string {
  if (METRICS[key].kind !== 'money' || value === null || !Number.isFinite(value))
    return formatMetric(key, value, currency);
  return formatCompactMoney(value, currency);
}
