import { and, asc, desc, eq, gt, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, feedback, orders, settings, subscriptions, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { parseUtcDate } from '@/db/seed/time';
import { refreshRollups, rollupsBehind } from '@/db/queries/metrics/refresh';
import { queryRows } from '@/db/rows';
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
  await seedDatabase(handle.db, {
    seed: 5,
    asOf: parseUtcDate('2026-06-15')!,
    customers: 200,
    password: 'metrics-test-password',
  });
  await refreshRollups(handle.db, { now: NOW });
});
afterAll(() => handle.dispose());

async function payingCustomer(offset: number) {
  const [row] = await handle.db
    .select()
    .from(customers)
    .where(gt(customers.mrrCents, 0))
    .orderBy(asc(customers.id))
    .offset(offset)
    .limit(1);
  return row;
}

describe('refreshRollups', () => {
  it('from any month gives the same rollups as a full rebuild', async () => {
    const full = await rollupRows(handle.db);
    for (const from of ['2024-07', '2025-01', '2025-12', '2026-05']) {
      expect(await refreshRollups(handle.db, { from: parseMonth(from)!, now: NOW })).toMatchObject({
        full: false,
        from: parseMonth(from)!,
        changedCustomers: 0,
      });
      expect(await rollupRows(handle.db)).toEqual(full);
    }
  });

  it('applies changes of the newest month from the change log alone, as a full rebuild counts them', async () => {
    const expanding = await payingCustomer(0);
    const leaving = await payingCustomer(1);
    const buyer = await payingCustomer(2);
    const [late] = await handle.db
      .select()
      .from(customers)
      .where(
        and(
          isNull(customers.activatedAt),
          isNotNull(customers.acquiredAt),
          lt(customers.acquiredAt, new Date('2026-06-01T00:00:00Z')),
        ),
      )
      .orderBy(desc(customers.acquiredAt))
      .limit(1);
    expect(late).toBeDefined();
    await handle.db.insert(subscriptions).values([
      { customerId: expanding.id, effectiveAt: new Date('2026-06-18T00:00:00Z'), mrrCents: expanding.mrrCents * 2 },
      { customerId: leaving.id, effectiveAt: new Date('2026-06-17T12:00:00Z'), mrrCents: 0 },
    ]);
    await handle.db.insert(orders).values({
      customerId: buyer.id,
      externalId: 'late-june',
      orderedAt: new Date('2026-06-19T10:00:00Z'),
      amountCents: 12_345,
    });
    await handle.db
      .insert(feedback)
      .values({ customerId: buyer.id, kind: 'nps', score: 10, submittedAt: new Date('2026-06-19T11:00:00Z') });
    await handle.db
      .update(customers)
      .set({ activatedAt: new Date('2026-06-16T00:00:00Z') })
      .where(eq(customers.id, late.id));

    expect(await refreshRollups(handle.db, { now: NOW })).toMatchObject({
      full: false,
      from: null,
      through: JUNE,
      changedCustomers: 4,
    });
    const incremental = await rollupRows(handle.db);
    expect(await refreshRollups(handle.db, { full: true, now: NOW })).toMatchObject({ full: true, through: JUNE });
    expect(incremental).toEqual(await rollupRows(handle.db));

    const document = await getKpis({ ctx, input: { from: '2026-05', to: '2026-06' }, now: NOW });
    expect(withoutRefreshTime(document)).toEqual(
      await referenceDocument(handle.db, { from: JUNE - 1, to: JUNE, now: NOW }),
    );
  });

  it('applies a change to an old month and a deleted customer from the change log, as a full rebuild counts them', async () => {
    const [gone] = await handle.db
      .select()
      .from(customers)
      .where(and(gt(customers.mrrCents, 0), lt(customers.acquiredAt, new Date('2025-01-01T00:00:00Z'))))
      // The last such customer: the first few paying customers are the buyers and movers of this file's tests.
      .orderBy(desc(customers.id))
      .limit(1);
    const buyer = await payingCustomer(5);
    expect(gone.id).toBeGreaterThan(buyer.id);
    await handle.db.delete(customers).where(eq(customers.id, gone.id));
    await handle.db.insert(orders).values({
      customerId: buyer.id,
      externalId: 'old-one',
      orderedAt: new Date('2025-03-05T10:00:00Z'),
      amountCents: 9_900,
    });
    await handle.db
      .update(customers)
      .set({ churnType: 'involuntary', churnReason: 'price' })
      .where(eq(customers.id, (await payingCustomer(6)).id));

    expect(await refreshRollups(handle.db, { now: NOW })).toMatchObject({
      full: false,
      from: null,
      changedCustomers: 3,
    });
    const incremental = await rollupRows(handle.db);
    expect(incremental.customerMonths.some((row) => Number(row.customer_id) === gone.id)).toBe(false);
    await refreshRollups(handle.db, { full: true, now: NOW });
    expect(incremental).toEqual(await rollupRows(handle.db));
  });

  it('empties the change log once applied, so that its deleted rows do not pile up, and tells the lag from the log sequence', async () => {
    const edited = [await payingCustomer(5), await payingCustomer(6), await payingCustomer(7)];
    for (const c of edited)
      await handle.db
        .insert(subscriptions)
        .values({ customerId: c.id, effectiveAt: new Date('2026-06-18T06:00:00Z'), mrrCents: c.mrrCents + 100 });
    expect(await rollupsBehind(handle.db, NOW)).toMatchObject({ rollover: false, pendingChanges: 3, changes: true });
    await refreshRollups(handle.db, { now: NOW });
    expect(await rollupsBehind(handle.db, NOW)).toMatchObject({ pendingChanges: 0, changes: false });
    const [log] = await queryRows<{ rows: number; bytes: number }>(
      handle.db,
      sql`select (select count(*) from metric_changes)::int as rows, pg_relation_size('metric_changes')::int as bytes`,
    );
    expect(log).toEqual({ rows: 0, bytes: 0 });
  });

  it('never reports the rollups current while a change whose transaction was open during a refresh is missing from them', async () => {
    const customer = await payingCustomer(9);
    let refreshing: Promise<unknown> = Promise.resolve();
    await handle.db.transaction(async (tx) => {
      await tx.insert(subscriptions).values({
        customerId: customer.id,
        effectiveAt: new Date('2026-06-19T07:00:00Z'),
        mrrCents: customer.mrrCents + 500,
      });
      // On PostgreSQL the refresh runs beside this open transaction; the embedded database queues it until the commit.
      refreshing = refreshRollups(handle.db, { now: NOW });
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await refreshing;
    const incremental = await rollupRows(handle.db);
    const lag = await rollupsBehind(handle.db, NOW);
    await refreshRollups(handle.db, { now: NOW });
    const caughtUp = await rollupRows(handle.db);
    await refreshRollups(handle.db, { full: true, now: NOW });
    const rebuilt = await rollupRows(handle.db);
    expect(caughtUp).toEqual(rebuilt);
    if (lag.pendingChanges === 0) expect(incremental).toEqual(rebuilt);
  });

  it('leaves no lasting lag after a write that rolled back', async () => {
    const customer = await payingCustomer(8);
    await expect(
      handle.db.transaction(async (tx) => {
        await tx
          .insert(subscriptions)
          .values({ customerId: customer.id, effectiveAt: new Date('2026-06-18T07:00:00Z'), mrrCents: 1 });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const full = await rollupRows(handle.db);
    await refreshRollups(handle.db, { now: NOW });
    expect(await rollupsBehind(handle.db, NOW)).toMatchObject({ pendingChanges: 0 });
    expect(await rollupRows(handle.db)).toEqual(full);
  });

  it('counts a customer whose owner changed under the new owner from the current month on, and under the old one before', async () => {
    const moved = await payingCustomer(7);
    const [other] = await handle.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'csm'), ne(users.id, moved.ownerId!)))
      .limit(1);
    const before = await rollupRows(handle.db);
    const cellOf = (rows: Record<string, unknown>[], month: number) =>
      rows.find((row) => Number(row.customer_id) === moved.id && Number(row.month) === month)?.cell_id;
    await handle.db.update(customers).set({ ownerId: other.id }).where(eq(customers.id, moved.id));
    expect(await refreshRollups(handle.db, { now: NOW })).toMatchObject({ full: false, changedCustomers: 1 });
    const after = await rollupRows(handle.db);
    expect(cellOf(after.customerMonths, JUNE - 1)).toBe(cellOf(before.customerMonths, JUNE - 1));
    expect(cellOf(after.customerMonths, JUNE)).not.toBe(cellOf(before.customerMonths, JUNE));
    // The workspace's numbers do not move; the owners' do, in June only.
    const workspace = (rows: Record<string, unknown>[]) => rows.filter((row) => row.dimension === '');
    expect(workspace(after.metricMonths)).toEqual(workspace(before.metricMonths));
    const june = { from: '2026-06', to: '2026-06' };
    const may = { from: '2026-05', to: '2026-05' };
    const owned = async (input: { from: string; to: string }, email: string) =>
      (await getKpis({ ctx, input: { ...input, filters: { owner: email } }, now: NOW })).series.active_customers[0];
    const [newOwner] = await handle.db.select({ email: users.email }).from(users).where(eq(users.id, other.id));
    const [oldOwner] = await handle.db.select({ email: users.email }).from(users).where(eq(users.id, moved.ownerId!));
    expect(await owned(june, newOwner.email)).toBe(
      Number(
        before.metricMonths.find(
          (r) => r.dimension === 'owner' && r.value === String(other.id) && Number(r.month) === JUNE,
        )?.customers_end,
      ) + 1,
    );
    expect(await owned(may, oldOwner.email)).toBe(
      Number(
        before.metricMonths.find(
          (r) => r.dimension === 'owner' && r.value === String(moved.ownerId) && Number(r.month) === JUNE - 1,
        )?.customers_end,
      ),
    );
  });

  it('extends the rollups when a read finds a month begun since the last refresh', async () => {
    const july = new Date('2026-07-03T09:00:00Z');
    const document = await getKpis({ ctx, input: { from: '2026-01', to: '2026-07' }, now: july });
    expect(document.rollup.through).toBe('2026-07');
    expect(withoutRefreshTime(document)).toEqual(
      await referenceDocument(handle.db, { from: parseMonth('2026-01')!, to: JUNE + 1, now: july }),
    );
  });

  it('rebuilds everything with the new W when the inactivity window setting changes, and LTV follows the gross margin', async () => {
    const july = new Date('2026-07-03T09:00:00Z');
    const value = { grossMargin: 0.75, inactivityWindowDays: 30 };
    await handle.db.insert(settings).values({ key: METRICS_SETTINGS_KEY, value });
    expect(await refreshRollups(handle.db, { from: JUNE + 1, now: july })).toMatchObject({
      full: true,
      windowDays: 30,
    });
    const document = await getKpis({ ctx, input: { from: '2025-07', to: '2026-07' }, now: july });
    expect(document.settings).toMatchObject({ gross_margin: 0.75, inactivity_window_days: 30 });
    expect(withoutRefreshTime(document)).toEqual(
      await referenceDocument(handle.db, {
        from: parseMonth('2025-07')!,
        to: JUNE + 1,
        now: july,
        settings: metricsSettingsSchema.parse(value),
      }),
    );
  });

  it('rebuilds everything when data older than the rollups arrives', async () => {
    const july = new Date('2026-07-03T09:00:00Z');
    const someone = await payingCustomer(3);
    await handle.db
      .insert(subscriptions)
      .values({ customerId: someone.id, effectiveAt: new Date('2023-02-10T00:00:00Z'), mrrCents: 5_000 });
    expect(await refreshRollups(handle.db, { from: JUNE + 1, now: july })).toMatchObject({
      full: true,
      from: parseMonth('2023-02')!,
    });
  });
});
