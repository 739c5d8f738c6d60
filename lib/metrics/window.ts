import { median } from './stats';

export const DEFAULT_INACTIVITY_WINDOW_DAYS = 90;

/** Gaps between each customer's consecutive orders, in seconds (order times in epoch ms, any order). */
export function interPurchaseIntervals(orderTimesByCustomer: Iterable<readonly number[]>): number[] {
  const gaps: number[] = [];
  for (const times of orderTimesByCustomer) {
    const sorted = [...times].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) gaps.push((sorted[i] - sorted[i - 1]) / 1000);
  }
  return gaps;
}

/**
 * W for order data: 3 x the workspace's median inter-purchase interval, in whole days (at least 1), so that the
 * window spans three purchase cycles; 90 days while no customer has two orders. A set value overrides both.
 */
export function inactivityWindowDays(medianIntervalSeconds: number | null, override: number | null = null): number {
  if (override !== null) return override;
  if (medianIntervalSeconds === null) return DEFAULT_INACTIVITY_WINDOW_DAYS;
  return Math.max(1, Math.round((3 * medianIntervalSeconds) / 86_400));
}

export function medianIntervalSeconds(orderTimesByCustomer: Iterable<readonly number[]>): number | null {
  return median(interPurchaseIntervals(orderTimesByCustomer));
}
