import { monthOf, monthStart, type Month } from './months';

const DAY_MS = 86_400_000;

export type MrrChange = { at: number; mrrCents: number };
export type Order = { at: number; amountCents: number };

/** One customer's revenue history; times are epoch milliseconds. */
export type CustomerHistory = { subscriptions: readonly MrrChange[]; orders: readonly Order[] };

/**
 * A customer in one month: the per-customer monthly state every KPI is counted from (and the row shape of the
 * customer_months rollup). "Start" is the end of the previous month.
 */
export type CustomerMonth = {
  month: Month;
  /** The month the customer first became active; null if never. */
  firstMonth: Month | null;
  /** Judged by orders (no subscription rows at all) rather than by MRR. */
  orderBasis: boolean;
  activeStart: boolean;
  activeEnd: boolean;
  /** Active at some instant of the month, its start included. */
  activeDuring: boolean;
  mrrStart: number;
  mrrEnd: number;
  orders: number;
  revenueCents: number;
  /** This month holds the customer's first / second order ever. */
  firstOrder: boolean;
  secondOrder: boolean;
};

export type StateOptions = { from: Month; through: Month; windowDays: number };

/**
 * The customer's months from..through in which they were active at some instant or ordered; other months have no
 * row (everything in them is 0 / false).
 *
 * Subscription customers are active while their MRR is > 0; a row holds from its effective time until the next one,
 * so month-end MRR is the last row before the next month starts. Customers without subscription rows are judged by
 * orders: active at time t when they ordered in [t - W, t).
 */
export function customerMonths(history: CustomerHistory, options: StateOptions): CustomerMonth[] {
  const subscriptions = [...history.subscriptions].sort((a, b) => a.at - b.at);
  const orders = [...history.orders].sort((a, b) => a.at - b.at);
  const orderBasis = subscriptions.length === 0;
  const windowMs = options.windowDays * DAY_MS;

  const mrrBefore = (t: number) => subscriptions.findLast((s) => s.at < t)?.mrrCents ?? 0;
  const orderedWithin = (t: number) => {
    const last = orders.findLast((o) => o.at < t);
    return last !== undefined && last.at >= t - windowMs;
  };
  const activeAt = (t: number) => (orderBasis ? orderedWithin(t) : mrrBefore(t) > 0);
  const firstActive = orderBasis ? orders[0] : subscriptions.find((s) => s.mrrCents > 0);
  const firstMonth = firstActive === undefined ? null : monthOf(firstActive.at);
  const firstOrderMonth = orders.length > 0 ? monthOf(orders[0].at) : null;
  const secondOrderMonth = orders.length > 1 ? monthOf(orders[1].at) : null;

  const rows: CustomerMonth[] = [];
  for (let month = options.from; month <= options.through; month++) {
    const [start, end] = [monthStart(month), monthStart(month + 1)];
    const inMonth = orders.filter((o) => o.at >= start && o.at < end);
    const activeStart = activeAt(start);
    const activeEnd = activeAt(end);
    const startedPaying = subscriptions.some((s) => s.mrrCents > 0 && s.at >= start && s.at < end);
    const activeDuring = activeStart || activeEnd || (orderBasis ? inMonth.length > 0 : startedPaying);
    if (!activeDuring && inMonth.length === 0) continue;
    rows.push({
      month,
      firstMonth,
      orderBasis,
      activeStart,
      activeEnd,
      activeDuring,
      mrrStart: mrrBefore(start),
      mrrEnd: mrrBefore(end),
      orders: inMonth.length,
      revenueCents: inMonth.reduce((sum, o) => sum + o.amountCents, 0),
      firstOrder: firstOrderMonth === month,
      secondOrder: secondOrderMonth === month,
    });
  }
  return rows;
}
