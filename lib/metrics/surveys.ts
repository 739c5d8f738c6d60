import { ratio } from './formulas';
import { mean } from './stats';

/** NPS 0-10: promoters answer 9-10, detractors 0-6. CSAT 1-5: satisfied answers are 4-5. */
export const NPS_PROMOTER_MIN = 9;
export const NPS_DETRACTOR_MAX = 6;
export const CSAT_SATISFIED_MIN = 4;

export const isPromoter = (score: number) => score >= NPS_PROMOTER_MIN;
export const isDetractor = (score: number) => score <= NPS_DETRACTOR_MAX;
export const isSatisfied = (score: number) => score >= CSAT_SATISFIED_MIN;

/** % promoters - % detractors, in points from -100 to 100 (the scale NPS is always quoted on). */
export function npsFromCounts(promoters: number, detractors: number, responses: number): number | null {
  const share = ratio(promoters - detractors, responses);
  return share === null ? null : 100 * share;
}

export function nps(scores: readonly number[]): number | null {
  return npsFromCounts(scores.filter(isPromoter).length, scores.filter(isDetractor).length, scores.length);
}

/** Share of 4-5 answers, a fraction. */
export function csatFromCounts(satisfied: number, responses: number): number | null {
  return ratio(satisfied, responses);
}

export function csat(scores: readonly number[]): number | null {
  return csatFromCounts(scores.filter(isSatisfied).length, scores.length);
}

/** Mean effort score (1-7, where 7 = very easy). */
export function cesFromCounts(sum: number, responses: number): number | null {
  return ratio(sum, responses);
}

export function ces(scores: readonly number[]): number | null {
  return mean(scores);
}
