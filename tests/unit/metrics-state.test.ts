import { describe, expect, it } from 'vitest';
import { parseMonth } from '@/lib/metrics/months';
import { CUSTOMER_SETS } from '@/lib/metrics/movements';
import { customerMonths, type CustomerHistory, type CustomerMonth } from '@/lib/metrics/state';

const at = (iso: string) => Date.parse(iso);
const m = (text: string) => parseMonth(text)!;
const range = { from: m('2026-01'), through: m('2026-07'), windowDays: 30 };

/** Which sets of lib/metrics/movements.ts each month's row is in. */
function setsOf(rows: CustomerMonth[]): Record<string, string[]> {
  return Object.fromEntries(
    rows.map((row) => [
      `${Math.floor(row.month / 12)}-${String((row.month % 12) + 1).padStart(2, '0')}`,
      (Object.keys(CUSTOMER_SETS) as (keyof typeof CUSTOMER_SETS)[]).filter((set) => CUSTOMER_SETS[set](row)),
    ]),
  );
}

const subscriber = (rows: [string, number][]): CustomerHistory => ({
  subscriptions: rows.map(([iso, mrrCents]) => ({ at: at(iso), mrrCents })),
  orders: [],
});

describe('per-customer monthly state from an MRR history', () => {
  const history = subscriber([
    ['2026-01-10T09:00:00Z', 100],
    ['2026-02-05T00:00:00Z', 150],
    ['2026-03-20T00:00:00Z', 120],
    ['2026-04-12T00:00:00Z', 0],
    ['2026-06-03T00:00:00Z', 90],
  ]);
  const rows = customerMonths(history, range);

  it('compares month-end MRR with the previous month-end and skips months with no activity', () => {
    expect(rows.map((r) => [r.month, r.mrrStart, r.mrrEnd])).toEqual([
      [m('2026-01'), 0, 100],
      [m('2026-02'), 100, 150],
      [m('2026-03'), 150, 120],
      [m('2026-04'), 120, 0],
      [m('2026-06'), 0, 90],
      [m('2026-07'), 90, 90],
    ]);
    expect(rows.every((r) => r.firstMonth === m('2026-01') && !r.orderBasis)).toBe(true);
  });

  it('classifies new, expansion, contraction, churn, and reactivation after having paid before', () => {
    expect(setsOf(rows)).toEqual({
      '2026-01': ['active_customers', 'new_customers', 'new_mrr'],
      '2026-02': ['customers_at_start', 'active_customers', 'expansion_mrr'],
      '2026-03': ['customers_at_start', 'active_customers', 'contraction_mrr'],
      '2026-04': ['customers_at_start', 'churned_customers', 'churned_mrr'],
      '2026-06': ['active_customers', 'reactivated_customers', 'reactivation_mrr'],
      '2026-07': ['customers_at_start', 'active_customers'],
    });
  });
});

describe('edge cases of the monthly state', () => {
  it('a customer who joins and churns inside the month is early churn: not new, not churned', () => {
    const rows = customerMonths(
      subscriber([
        ['2026-02-03T00:00:00Z', 50],
        ['2026-02-20T00:00:00Z', 0],
      ]),
      range,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      month: m('2026-02'),
      firstMonth: m('2026-02'),
      activeStart: false,
      activeEnd: false,
      activeDuring: true,
    });
    expect(setsOf(rows)).toEqual({ '2026-02': ['early_churned_customers'] });
  });

  it('takes the last row before the next month starts; a row at exactly midnight UTC of the 1st belongs to that month', () => {
    const rows = customerMonths(
      subscriber([
        ['2026-03-01T00:00:00Z', 80],
        ['2026-03-31T23:59:59.999Z', 200],
        ['2026-04-01T00:00:00Z', 0],
      ]),
      range,
    );
    expect(rows.map((r) => [r.month, r.mrrStart, r.mrrEnd])).toEqual([
      [m('2026-03'), 0, 200],
      [m('2026-04'), 200, 0],
    ]);
    expect(setsOf(rows)).toEqual({
      '2026-03': ['active_customers', 'new_customers', 'new_mrr'],
      '2026-04': ['customers_at_start', 'churned_customers', 'churned_mrr'],
    });
  });

  it('a customer who comes back and leaves again inside a month is early churn, not reactivated', () => {
    const rows = customerMonths(
      subscriber([
        ['2026-01-05T00:00:00Z', 40],
        ['2026-01-25T00:00:00Z', 0],
        ['2026-03-02T00:00:00Z', 40],
        ['2026-03-09T00:00:00Z', 0],
      ]),
      range,
    );
    expect(setsOf(rows)).toEqual({ '2026-01': ['early_churned_customers'], '2026-03': ['early_churned_customers'] });
  });

  it('judges a customer without subscription rows by orders within W days before the date', () => {
    const history: CustomerHistory = {
      subscriptions: [],
      orders: [
        { at: at('2026-01-10T00:00:00Z'), amountCents: 500 },
        { at: at('2026-01-12T00:00:00Z'), amountCents: 700 },
        { at: at('2026-03-15T00:00:00Z'), amountCents: 900 },
      ],
    };
    const rows = customerMonths(history, range);
    // Active at the end of January (an order on or after Jan 2), gone by the end of February (nothing since Jan 30),
    // back in March, gone again by the end of April.
    expect(setsOf(rows)).toEqual({
      '2026-01': ['active_customers', 'new_customers', 'ordering_customers'],
      '2026-02': ['customers_at_start', 'churned_customers'],
      '2026-03': ['active_customers', 'reactivated_customers', 'ordering_customers'],
      '2026-04': ['customers_at_start', 'churned_customers'],
    });
    expect(rows[0]).toMatchObject({
      orderBasis: true,
      orders: 2,
      revenueCents: 1200,
      firstOrder: true,
      secondOrder: true,
      mrrEnd: 0,
    });
    expect(rows[2]).toMatchObject({ orders: 1, revenueCents: 900, firstOrder: false, secondOrder: false });
  });

  it('counts orders of a subscription customer without making them active', () => {
    const history = {
      ...subscriber([['2026-05-01T00:00:00Z', 0]]),
      orders: [{ at: at('2026-02-02T00:00:00Z'), amountCents: 300 }],
    };
    const rows = customerMonths(history, range);
    expect(rows).toEqual([
      expect.objectContaining({
        month: m('2026-02'),
        firstMonth: null,
        activeDuring: false,
        orders: 1,
        revenueCents: 300,
        firstOrder: true,
      }),
    ]);
  });
});

describe('the sets on random histories', () => {
  /** Small deterministic generator (the test needs variety, not quality). */
  function random(seed: number) {
    let state = seed;
    return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  }

  it('E = S - C + N + R in every month, and each month starts where the previous one ended', () => {
    const next = random(42);
    const start = at('2025-11-01T00:00:00Z');
    const span = at('2026-08-01T00:00:00Z') - start;
    for (let customer = 0; customer < 300; customer++) {
      const byOrders = next() < 0.3;
      const events = Array.from({ length: Math.floor(next() * 6) }, () => start + Math.floor(next() * span)).sort(
        (a, b) => a - b,
      );
      const history: CustomerHistory = byOrders
        ? { subscriptions: [], orders: events.map((t) => ({ at: t, amountCents: 100 })) }
        : {
            subscriptions: events.map((t) => ({ at: t, mrrCents: next() < 0.3 ? 0 : 100 * Math.ceil(next() * 5) })),
            orders: [],
          };
      const rows = customerMonths(history, range);
      const count = (set: keyof typeof CUSTOMER_SETS) => rows.filter(CUSTOMER_SETS[set]).length;
      expect(count('active_customers')).toBe(
        count('customers_at_start') -
          count('churned_customers') +
          count('new_customers') +
          count('reactivated_customers'),
      );
      for (const row of rows) {
        const previous = rows.find((r) => r.month === row.month - 1);
        const endedActive = previous?.activeEnd ?? false;
        if (row.month > range.from) expect(row.activeStart).toBe(endedActive);
        expect(row.mrrEnd - row.mrrStart).toBe(
          (CUSTOMER_SETS.new_mrr(row) || CUSTOMER_SETS.reactivation_mrr(row) ? row.mrrEnd : 0) +
            (CUSTOMER_SETS.expansion_mrr(row) ? row.mrrEnd - row.mrrStart : 0) -
            (CUSTOMER_SETS.contraction_mrr(row) ? row.mrrStart - row.mrrEnd : 0) -
            (CUSTOMER_SETS.churned_mrr(row) ? row.mrrStart : 0),
        );
        expect(row.firstMonth === null || row.firstMonth <= row.month || !row.activeDuring).toBe(true);
      }
    }
  });
});
