import { distinctTickFormat, niceTicks } from '@/lib/metrics/axis';
import type { MetricKind } from '@/lib/metrics/catalog';
import { formatKind } from '@/lib/metrics/format';
import { monthLabel } from '@/lib/metrics/period';
import { parseMonth } from '@/lib/metrics/months';
import type { WaterfallStep } from '@/lib/metrics/waterfall';

/** Chart colours (SVG attributes take plain colours, not CSS variables). */
export const CHART_COLORS = {
  accent: '#0f766e',
  accentLight: '#5eead4',
  good: '#059669',
  bad: '#dc2626',
  warn: '#d97706',
  muted: '#a1a1aa',
  indigo: '#4f46e5',
  /** Beside the teal accent where two lines must tell apart (orange against teal reads in every common colour vision). */
  orange: '#c2410c',
  sky: '#0284c7',
} as const;

const minorDigits = (currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** "$2.1M" with `digits` fraction digits at most, from minor units. */
export function compactMoney(currency: string, digits = 1): (cents: number) => string {
  const format = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: digits,
  });
  const minor = 10 ** minorDigits(currency);
  return (cents) => format.format(cents / minor);
}

/**
 * The MRR waterfall's value axis. Movements are a few percent of MRR: drawn from 0 they would be slivers, so the
 * axis starts below the lowest level (the card says so) and the two totals run off its bottom. Round ticks, each
 * with a label of its own.
 */
export function waterfallAxis(
  steps: readonly WaterfallStep[],
  currency: string,
): { domain: [number, number]; ticks: number[]; format: (cents: number) => string } {
  const levels = steps.flatMap((s) => (s.kind === 'total' ? [s.to] : [s.from, s.to]));
  const low = Math.min(...levels);
  const high = Math.max(...levels);
  const pad = Math.max((high - low) * 0.6, high * 0.02, 1);
  const ticks = niceTicks(Math.max(0, low - pad), high + pad * 0.4, 5);
  const format = distinctTickFormat(ticks, (cents, digits) => compactMoney(currency, digits)(cents));
  return { domain: [ticks[0], ticks.at(-1)!], ticks, format };
}

/**
 * An axis fitted to the values (and the reference lines that must show), for series that move in a narrow band far
 * from 0: revenue retention between 94% and 101% drawn from 0% is two flat lines at the top.
 */
export function fittedAxis(
  values: readonly (number | null)[],
  include: readonly number[] = [],
): { domain: [number, number]; ticks: number[] } | null {
  const known = [...values.filter((v): v is number => v !== null && Number.isFinite(v)), ...include];
  if (known.length === 0) return null;
  const low = Math.min(...known);
  const high = Math.max(...known);
  const pad = Math.max((high - low) * 0.1, Math.abs(high) * 0.01);
  const ticks = niceTicks(low - pad, high + pad, 5);
  return { domain: [ticks[0], ticks.at(-1)!], ticks };
}

/** Short axis ticks: "$240K", "5%", "1.2K". Full values are in the tooltip and the data table. */
export function axisFormat(kind: MetricKind, currency: string): (value: number) => string {
  if (kind === 'rate') return (value) => `${Math.round(value * 1000) / 10}%`;
  if (kind === 'money') return compactMoney(currency);
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
