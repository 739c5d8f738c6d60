import { ratio } from './formulas';

const DAY_MS = 86_400_000;

/** Activated / acquired, over the customers acquired in a period. */
export function activationRate(activated: number, acquired: number): number | null {
  return ratio(activated, acquired);
}

/** Time to value in whole days elapsed from acquisition to activation (TTV rollups keep whole-day histograms). */
export function timeToValueDays(acquiredAt: number, activatedAt: number): number {
  return Math.floor((activatedAt - acquiredAt) / DAY_MS);
}
