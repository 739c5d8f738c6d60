import type { KpiDocument } from './document';
import type { DrilldownMetric } from './movements';

export type WaterfallStep = {
  key: 'start' | 'new' | 'expansion' | 'reactivation' | 'contraction' | 'churned' | 'other' | 'end';
  label: string;
  kind: 'total' | 'increase' | 'decrease';
  /** Signed change (or the level, for the two totals), in minor units. */
  value: number;
  /** Where the bar starts and ends on the MRR axis. */
  from: number;
  to: number;
  drilldown: DrilldownMetric | null;
};

const MOVEMENTS = [
  { key: 'new', label: 'New', series: 'new_mrr', sign: 1 },
  { key: 'expansion', label: 'Expansion', series: 'expansion_mrr', sign: 1 },
  { key: 'reactivation', label: 'Reactivation', series: 'reactivation_mrr', sign: 1 },
  { key: 'contraction', label: 'Contraction', series: 'contraction_mrr', sign: -1 },
  { key: 'churned', label: 'Churned', series: 'churned_mrr', sign: -1 },
] as const;

/**
 * MRR at the start of the period, each movement over the period, MRR at its end: the bars of a waterfall. The
 * movements account for every change of a paying customer's month-end MRR, so they add up to the end; a remainder
 * (e.g. customers deleted since) is shown as "Other" rather than hidden. Null when the period has no known month.
 */
export function mrrWaterfall(totals: KpiDocument['totals']): WaterfallStep[] | null {
  const start = totals.mrr_start;
  const end = totals.mrr;
  if (start == null || end == null) return null;
  const steps: WaterfallStep[] = [
    { key: 'start', label: 'MRR at start', kind: 'total', value: start, from: 0, to: start, drilldown: null },
  ];
  let level = start;
  for (const movement of MOVEMENTS) {
    const value = movement.sign * (totals[movement.series] ?? 0);
    steps.push({
      key: movement.key,
      label: movement.label,
      kind: movement.sign > 0 ? 'increase' : 'decrease',
      value,
      from: level,
      to: level + value,
      drilldown: movement.series,
    });
    level += value;
  }
  const other = end - level;
  if (other !== 0)
    steps.push({
      key: 'other',
      label: 'Other',
      kind: other > 0 ? 'increase' : 'decrease',
      value: other,
      from: level,
      to: end,
      drilldown: null,
    });
  steps.push({ key: 'end', label: 'MRR at end', kind: 'total', value: end, from: 0, to: end, drilldown: null });
  return steps;
}
