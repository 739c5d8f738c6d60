import type { MetricKind } from '@/lib/metrics/catalog';
import { formatKind } from '@/lib/metrics/format';
import { monthLabel } from '@/lib/metrics/period';
import { parseMonth } from '@/lib/metrics/months';

/** Chart colours (SVG attributes take plain colours, not CSS variables). */
export const CHART_COLORS = {
  accent: '#0f766e',
  accentLight: '#5eead4',
  good: '#059669',
  bad: '#dc2626',
  warn: '#d97706',
  muted: '#a1a1aa',
  indigo: '#4f46e5',
  sky: '#0284c7',
} as const;

/** Short axis ticks: "$240K", "5%", "1.2K". Full values are in the tooltip and the data table. */
export function axisFormat(kind: MetricKind, currency: string): (value: number) => string {
  if (kind === 'rate') return (value) => `${Math.round(value * 1000) / 10}%`;
  if (kind === 'money') {
    const format = new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
    const digits = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    return (value) => format.format(value / 10 ** digits);
  }
  const format = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
  return (value) => format.format(value);
}

export function valueFormat(kind: MetricKind, currency: string): (value: number | null) => string {
  return (value) => formatKind(kind, value, currency);
}

/** "Mar 26" under a chart; "Mar 2026" in its tooltip. */
export function shortMonth(month: string): string {
  const label = monthLabel(parseMonth(month)!);
  return `${label.slice(0, 3)} ${label.slice(-2)}`;
}

export function longMonth(month: string): string {
  return monthLabel(parseMonth(month)!);
}
