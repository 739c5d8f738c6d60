import { METRICS, type MetricKey } from './catalog';
import { formatDecimal } from './format';

export type Change = {
  /** Percentage points for rates, points for NPS, the difference for ratios and other scores, a relative change otherwise. */
  delta: number;
  unit: 'points' | 'difference' | 'relative';
  /** Whether the move is good news, by the metric's `better` direction. */
  tone: 'good' | 'bad' | 'neutral';
};

/**
 * The change of a metric from the previous period. Rates move in points (5% -> 6% is +1 pt, not +20%), counts and
 * money relatively; nothing to compare (either side unknown, or a relative change from 0) is null.
 */
export function changeOf(key: MetricKey, current: number | null, previous: number | null): Change | null {
  if (current === null || previous === null) return null;
  const { kind, better } = METRICS[key];
  let delta: number;
  let unit: Change['unit'];
  if (kind === 'rate') [delta, unit] = [(current - previous) * 100, 'points'];
  // NPS is counted in points; other scores (CES, a mean on 1-7) simply differ.
  else if (kind === 'score') [delta, unit] = [current - previous, key === 'nps' ? 'points' : 'difference'];
  else if (kind === 'ratio') [delta, unit] = [current - previous, 'difference'];
  else if (previous === 0) return null;
  else [delta, unit] = [((current - previous) / Math.abs(previous)) * 100, 'relative'];
  // Below display precision is no change.
  if (Math.abs(delta) < 0.05) delta = 0;
  const tone = delta === 0 || better === null ? 'neutral' : delta > 0 === (better === 'higher') ? 'good' : 'bad';
  return { delta, unit, tone };
}

/** "+1.2 pts", "−3.4%", "+2,176.8%", "+0.25", "0.0 pts". */
export function formatChange(change: Change): string {
  const sign = change.delta > 0 ? '+' : change.delta < 0 ? '−' : '';
  const size = Math.abs(change.delta);
  if (change.unit === 'points') return `${sign}${formatDecimal(size, 1)} pts`;
  if (change.unit === 'difference') return `${sign}${formatDecimal(size, 2)}`;
  return `${sign}${formatDecimal(size, 1)}%`;
}
