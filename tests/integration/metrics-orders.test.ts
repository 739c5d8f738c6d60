import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, orders, settings } from '@/db/schema';
import { refreshRollups } from '@/db/queries/metrics/refresh';
import { parseMonth } from '@/lib/metrics/months';
import { METRICS_SETTINGS_KEY, metricsSettingsSchema } from '@/lib/metrics/settings';
import { systemActor, type ServiceContext } from '@/server/context';
import { getKpis } from '@/server/services/kpis';
import { createTestDatabase } from '../helpers/test-db';
import { referenceDocument, rollupRows, withoutRefreshTime } from './metrics-reference';

/*
 * An order-only workspace small enough to count by hand. Amounts in cents.
 *   A: Jan 5 (1000), Feb 10 (2000), Apr 2 (4000)      B: Jan 20 (500)
 *   C: Jan 31 23:59:59 (700), Mar 1 00:00:00 (300)     D: Feb 14 (100), Feb 20 (100), Mar 3 (250)
 *   E: Mar 10 (999)                                    F: no orders
 * Gaps between consecutive orders: 6 d, 11 d, 28 d + 1 s, 36 d, 51 d; median 28 d + 1 s, so W = 3 x that = 84 days.
 */
const ORDERS: Record<string, [string, number][]> = {
  A: [
    ['2026-01-05T10:00:00Z', 1000],
    ['2026-02-10T10:00:00Z', 2000],
    ['2026-04-02T10:00:00Z', 4000],
  ],
  B: [['2026-01-20T10:00:00Z', 500]],
  C: [
    ['2026-01-31T23:59:59Z', 700],
    ['2026-03-01T00:00:00Z', 300],
  ],
  D: [
    ['2026-02-14T10:00:00Z', 100],
    ['2026-02-20T10:00:00Z', 100],
    ['2026-03-03T10:00:00Z', 250],
  ],
  E: [['2026-03-10T10:00:00Z', 999]],
  F: [],
};
const NOW = new Date('2026-04-20T12:00:00Z');
const input = { from: '2026-01', to: '2026-04' };

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let ctx: ServiceContext;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, actor: systemActor('test') };
  for (const [name, list] of Object.entries(ORDERS)) {
    const [customer] = await handle.db
      .insert(customers)
      .values({ externalId: name, name })
      .returning({ id: customers.id });
    if (list.length) {
      await handle.db.insert(orders).values(
        list.map(([at, amountCents], n) => ({
          customerId: customer.id,
          externalId: `${name}${n}`,
          orderedAt: new Date(at),
          amountCents,
        })),
      );
    }
  }
});
afterAll(() => handle.dispose());

const reference = (settingsValue = {}) =>
  referenceDocument(handle.db, {
    from: parseMonth(input.from)!,
    to: parseMonth(input.to)!,
    now: NOW,
    settings: metricsSettingsSchema.parse(settingsValue),
  });

describe('KPIs of order data', () => {
  it('use W = 3 x the median inter-purchase interval, and agree with the lib reference', async () => {
    expect(await refreshRollups(handle.db, { now: NOW })).toMatchObject({ full: true, windowDays: 84 });
    const document = await getKpis({ ctx, input, now: NOW });
    expect(document.settings.inactivity_window_days).toBe(84);
    expect(withoutRefreshTime(document)).toEqual(await reference());
  });

  it('build the cohort matrix from months with at least one order (counted by hand)', async () => {
    const { cohorts } = await getKpis({ ctx, input, now: NOW });
    expect(cohorts.sizes).toEqual({ '2026-01': 3, '2026-02': 1, '2026-03': 1 });
    expect(cohorts.logo).toEqual({
      '2026-01': [1, 1 / 3, 1 / 3, 1 / 3], // A, B, C; then A (Feb), C (Mar), A (Apr)
      '2026-02': [1, 1, 0], // D; D in Mar
      '2026-03': [1, 0], // E
    });
    expect(cohorts.revenue).toEqual({
      '2026-01': [1, 2000 / 2200, 300 / 2200, 4000 / 2200],
      '2026-02': [1, 250 / 200, 0],
      '2026-03': [1, 0],
    });
  });

  it('with W set to 10 days: activity, churn, early churn and reactivation as counted by hand', async () => {
    const value = { inactivityWindowDays: 10 };
    await handle.db.insert(settings).values({ key: METRICS_SETTINGS_KEY, value });
    expect(await refreshRollups(handle.db, { from: parseMonth('2026-04')!, now: NOW })).toMatchObject({
      full: true,
      windowDays: 10,
    });
    const { series } = await getKpis({ ctx, input, now: NOW });
    // Active at a month end = an order in the 10 days before it: C at the end of Jan, D at the end of Feb, nobody later.
    expect(series.active_customers).toEqual([1, 1, 0, 0]);
    expect(series.customers_at_start).toEqual([0, 1, 1, 0]);
    expect(series.new_customers).toEqual([1, 1, 0, 0]); // C; D (E's first month ends inactive: early churn)
    expect(series.churned_customers).toEqual([0, 1, 1, 0]); // C; D
    expect(series.early_churned_customers).toEqual([2, 1, 2, 1]); // A, B; A; C, E; A
    expect(series.reactivated_customers).toEqual([0, 0, 0, 0]);
    expect(series.logo_churn_rate).toEqual([null, 1, 1, null]);
    expect(series.crr).toEqual([null, 0, 0, null]);
    expect(series.orders).toEqual([3, 3, 3, 1]);
    expect(series.ordering_customers).toEqual([3, 2, 3, 1]);
    expect(series.revenue).toEqual([2200, 2200, 1549, 4000]);
    expect(series.repeat_purchase_rate).toEqual([0, 2 / 4, 3 / 5, 3 / 5]);
    expect(series.arpa).toEqual([2200, 2200, null, null]);
    expect(series.mrr).toEqual([0, 0, 0, 0]);
    expect(series.nrr).toEqual([null, null, null, null]);
    expect(series.quick_ratio).toEqual([null, null, null, null]);
    expect(withoutRefreshTime(await getKpis({ ctx, input, now: NOW }))).toEqual(await reference(value));
  });

  it('with W = 30 days: A comes back in April after lapsing (reactivation); refreshing from any month changes nothing', async () => {
    const value = { inactivityWindowDays: 30 };
    await handle.db.update(settings).set({ value });
    await refreshRollups(handle.db, { now: NOW });
    const full = await rollupRows(handle.db);
    for (const from of ['2026-02', '2026-03', '2026-04']) {
      expect(await refreshRollups(handle.db, { from: parseMonth(from)!, now: NOW })).toMatchObject({ full: false });
      expect(await rollupRows(handle.db)).toEqual(full);
    }
    const { series } = await getKpis({ ctx, input, now: NOW });
    expect(series.active_customers).toEqual([3, 3, 2, 1]); // A B C; A C D; D E; A
    expect(series.churned_customers).toEqual([0, 1, 2, 2]); // B; A C; D E
    expect(series.reactivated_customers).toEqual([0, 0, 0, 1]); // A
    expect(series.crr).toEqual([null, 2 / 3, 1 / 3, 0]);
    expect(withoutRefreshTime(await getKpis({ ctx, input, now: NOW }))).toEqual(await reference(value));
  });
});
