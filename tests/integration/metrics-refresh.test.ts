import { and, asc, desc, eq, gt, isNotNull, isNull, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, feedback, orders, settings, subscriptions } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { parseUtcDate } from '@/db/seed/time';
import { refreshRollups } from '@/db/queries/metrics/refresh';
import { parseMonth } from '@/lib/metrics/months';
import { METRICS_SETTINGS_KEY, metricsSettingsSchema } from '@/lib/metrics/settings';
import { systemActor, type ServiceContext } from '@/server/context';
import { getKpis } from '@/server/services/kpis';
import { createTestDatabase } from '../helpers/test-db';
import { referenceDocument, rollupRows, withoutRefreshTime } from './metrics-reference';

const NOW = new Date('2026-06-20T08:00:00Z');
const JUNE = parseMonth('2026-06')!;

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let ctx: ServiceContext;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, actor: systemActor('test') };
  await seedDatabase(handle.db, { seed: 5, asOf: parseUtcDate('2026-06-15')!, customers: 200, password: 'metrics-test-password' });
  await refreshRollups(handle.db, { now: NOW });
});
afterAll(() => handle.dispose());

async function payingCustomer(offset: number) {
  const [row] = await handle.db.select().from(customers).where(gt(customers.mrrCents, 0)).orderBy(asc(customers.id)).offset(offset).limit(1);
  return row;
}

describe('refreshRollups', () => {
  it('from any month gives the same rollups as a full rebuild', async () => {
    const full = await rollupRows(handle.db);
    for (const from of ['2024-07', '2025-01', '2025-12', '2026-05']) {
      expect(await refreshRollups(handle.db, { from: parseMonth(from)!, now: NOW })).toMatchObject({ full: false, from: parseMonth(from)! });
      expect(await rollupRows(handle.db)).toEqual(full);
    }
  });

  it('from the newest month after changes in it gives the same rollups as a full rebuild', async () => {
    const expanding = await payingCustomer(0);
    const leaving = await payingCustomer(1);
    const buyer = await payingCustomer(2);
    const [late] = await handle.db
      .select()
      .from(customers)
      .where(and(isNull(customers.activatedAt), isNotNull(customers.acquiredAt), lt(customers.acquiredAt, new Date('2026-06-01T00:00:00Z'))))
      .orderBy(desc(customers.acquiredAt))
      .limit(1);
    expect(late).toBeDefined();
    await handle.db.insert(subscriptions).values([
      { customerId: expanding.id, effectiveAt: new Date('2026-06-18T00:00:00Z'), mrrCents: expanding.mrrCents * 2 },
      { customerId: leaving.id, effectiveAt: new Date('2026-06-17T12:00:00Z'), mrrCents: 0 },
    ]);
    await handle.db.insert(orders).values({ customerId: buyer.id, externalId: 'late-june', orderedAt: new Date('2026-06-19T10:00:00Z'), amountCents: 12_345 });
    await handle.db.insert(feedback).values({ customerId: buyer.id, kind: 'nps', score: 10, submittedAt: new Date('2026-06-19T11:00:00Z') });
    await handle.db.update(customers).set({ activatedAt: new Date('2026-06-16T00:00:00Z') }).where(eq(customers.id, late.id));

    expect(await refreshRollups(handle.db, { from: JUNE, now: NOW })).toMatchObject({ full: false, from: JUNE, through: JUNE });
    const incremental = await rollupRows(handle.db);
    expect(await refreshRollups(handle.db, { now: NOW })).toMatchObject({ full: true, through: JUNE });
    expect(incremental).toEqual(await rollupRows(handle.db));

    const document = await getKpis({ ctx, input: { from: '2026-05', to: '2026-06' }, now: NOW });
    expect(withoutRefreshTime(document)).toEqual(await referenceDocument(handle.db, { from: JUNE - 1, to: JUNE, now: NOW }));
  });

  it('drops a deleted customer from the months it recomputes, as a full rebuild does', async () => {
    const [gone] = await handle.db
      .select()
      .from(customers)
      .where(and(gt(customers.mrrCents, 0), lt(customers.acquiredAt, new Date('2025-01-01T00:00:00Z'))))
      .orderBy(asc(customers.id))
      .limit(1);
    await handle.db.delete(customers).where(eq(customers.id, gone.id));
    const from = JUNE - 2;
    await refreshRollups(handle.db, { from, now: NOW });
    const recomputed = async () =>
      Object.fromEntries(Object.entries(await rollupRows(handle.db)).map(([table, rows]) => [table, rows.filter((row) => Number(row.month) >= from)]));
    const incremental = await recomputed();
    const gonesMonths = (await rollupRows(handle.db)).customerMonths.filter((row) => Number(row.customer_id) === gone.id).map((row) => Number(row.month));
    expect(gonesMonths.length).toBeGreaterThan(0);
    expect(gonesMonths.every((month) => month < from)).toBe(true);
    await refreshRollups(handle.db, { now: NOW });
    expect(incremental).toEqual(await recomputed());
  });

  it('extends the rollups when a read finds a month begun since the last refresh', async () => {
    const july = new Date('2026-07-03T09:00:00Z');
    const document = await getKpis({ ctx, input: { from: '2026-01', to: '2026-07' }, now: july });
    expect(document.rollup.through).toBe('2026-07');
    expect(withoutRefreshTime(document)).toEqual(await referenceDocument(handle.db, { from: parseMonth('2026-01')!, to: JUNE + 1, now: july }));
  });

  it('rebuilds everything with the new W when the inactivity window setting changes, and LTV follows the gross margin', async () => {
    const july = new Date('2026-07-03T09:00:00Z');
    const value = { grossMargin: 0.75, inactivityWindowDays: 30 };
    await handle.db.insert(settings).values({ key: METRICS_SETTINGS_KEY, value });
    expect(await refreshRollups(handle.db, { from: JUNE + 1, now: july })).toMatchObject({ full: true, windowDays: 30 });
    const document = await getKpis({ ctx, input: { from: '2025-07', to: '2026-07' }, now: july });
    expect(document.settings).toMatchObject({ gross_margin: 0.75, inactivity_window_days: 30 });
    expect(withoutRefreshTime(document)).toEqual(
      await referenceDocument(handle.db, { from: parseMonth('2025-07')!, to: JUNE + 1, now: july, settings: metricsSettingsSchema.parse(value) }),
    );
  });

  it('rebuilds everything when data older than the rollups arrives', async () => {
    const july = new Date('2026-07-03T09:00:00Z');
    const someone = await payingCustomer(3);
    await handle.db.insert(subscriptions).values({ customerId: someone.id, effectiveAt: new Date('2023-02-10T00:00:00Z'), mrrCents: 5_000 });
    expect(await refreshRollups(handle.db, { from: JUNE + 1, now: july })).toMatchObject({ full: true, from: parseMonth('2023-02')! });
  });
});
