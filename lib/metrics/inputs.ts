import { mergeHistogram } from './stats';

/**
 * The additive inputs of one month (or of a range, summed): what the rollups store and what every KPI formula is
 * computed from. Counts of customers, and money in minor units.
 */
export const MONTH_COUNTERS = [
  'customersStart',
  'customersEnd',
  'newCustomers',
  'reactivatedCustomers',
  'churnedCustomers',
  'earlyChurnedCustomers',
  'involuntaryChurnedCustomers',
  'mrrStart',
  'mrrEnd',
  'newMrr',
  'expansionMrr',
  'contractionMrr',
  'churnedMrr',
  'reactivationMrr',
  /** Order revenue of the customers judged by orders: their part of ARPA's revenue. */
  'orderBasisRevenue',
  'orders',
  'revenue',
  'orderingCustomers',
  /** Customers whose first / second order ever falls in the month (repeat purchase rate sums them up to a month). */
  'firstOrderCustomers',
  'secondOrderCustomers',
  'npsPromoters',
  'npsDetractors',
  'npsResponses',
  'csatSatisfied',
  'csatResponses',
  'cesSum',
  'cesResponses',
  /** Customers acquired in the month, and how many of them have activated since. */
  'acquiredCustomers',
  'activatedCustomers',
] as const;

export type MonthCounter = (typeof MONTH_COUNTERS)[number];

export type MonthInputs = Record<MonthCounter, number> & {
  /** Days from acquisition to activation of the month's activated acquisitions: whole days -> customers. */
  ttvDays: Record<number, number>;
};

export function emptyInputs(): MonthInputs {
  return {
    ...(Object.fromEntries(MONTH_COUNTERS.map((key) => [key, 0])) as Record<MonthCounter, number>),
    ttvDays: {},
  };
}

export function addInputs(into: MonthInputs, from: Readonly<MonthInputs>): MonthInputs {
  for (const key of MONTH_COUNTERS) into[key] += from[key];
  mergeHistogram(into.ttvDays, from.ttvDays);
  return into;
}

export function sumInputs(list: Iterable<Readonly<MonthInputs>>): MonthInputs {
  const total = emptyInputs();
  for (const inputs of list) addInputs(total, inputs);
  return total;
}

/** A cohort matrix cell before division: cohort members retained in `month`, and their revenue. */
export type CohortCell = { cohort: number; month: number; customers: number; revenueCents: number };
