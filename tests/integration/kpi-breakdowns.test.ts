import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshRollups } from '@/db/queries/metrics/refresh';
import { seedDatabase } from '@/db/seed';
import { parseUtcDate } from '@/db/seed/time';
import { parseMonth } from '@/lib/metrics/months';
import { systemActor, type ServiceContext } from '@/server/context';
import { ValidationError } from '@/server/errors';
import { getChurnBreakdowns, getKpiFilterOptions } from '@/server/services/kpi-breakdowns';
import { getKpiDashboard } from '@/server/services/kpi-dashboard';
import { getKpiDrilldown, getKpis } from '@/server/services/kpis';
import { actorOf, makeUser } from '../helpers/factories';
import { createTestDatabase } from '../helpers/test-db';

const NOW = new Date('2026-06-20T08:00:00Z');
const RANGE = { from: '2025-07', to: '2026-05' };

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let ctx: ServiceContext;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, actor: systemActor('test') };
  await seedDatabase(handle.db, {
    seed: 5,
    asOf: parseUtcDate('2026-06-15')!,
    customers: 250,
    password: 'breakdown-test-password',
  });
  await refreshRollups(handle.db, { now: NOW });
});
afterAll(() => handle.dispose());

describe('churn by segment', () => {
  it('reads the per-segment rollup and agrees with getKpis for each segment (what the CLI prints)', async () => {
    const { bySegment } = await getChurnBreakdowns({ ctx, input: RANGE, now: NOW });
    expect(bySegment.map((row) => row.segment)).toEqual(['b2b_enterprise', 'b2b_smb', 'b2c']);
    for (const row of bySegment) {
      const doc = await getKpis({ ctx, input: { ...RANGE, filters: { segment: row.segment } }, now: NOW });
      expect(row.rate).toBe(doc.totals.logo_churn_rate);
      expect(row.involuntaryChurnedCustomers).toBe(doc.totals.involuntary_churned_customers);
      expect(row.benchmark?.key).toBe(row.segment);
    }
  });

  it('sums the metric cells of other filters, ignoring a segment filter, with the same numbers', async () => {
    const filters = { plan: 'starter', segment: 'b2c' };
    const { bySegment } = await getChurnBreakdowns({ ctx, input: { ...RANGE, filters }, now: NOW });
    expect(bySegment.length).toBeGreaterThan(1);
    for (const row of bySegment) {
      const doc = await getKpis({
        ctx,
        input: { ...RANGE, filters: { plan: 'starter', segment: row.segment } },
        now: NOW,
      });
      expect([row.segment, row.rate, row.churnedCustomers]).toEqual([
        row.segment,
        doc.totals.logo_churn_rate,
        doc.totals.churned_customers,
      ]);
    }
  });
});

describe('churn by reason', () => {
  it('splits exactly the churned customers of the range, with shares adding up to 1', async () => {
    const { byReason } = await getChurnBreakdowns({ ctx, input: RANGE, now: NOW });
    const doc = await getKpis({ ctx, input: RANGE, now: NOW });
    expect(byReason.reduce((n, row) => n + row.churnedCustomers, 0)).toBe(doc.totals.churned_customers);
    expect(byReason.reduce((n, row) => n + row.involuntaryChurnedCustomers, 0)).toBe(
      doc.totals.involuntary_churned_customers,
    );
    expect(byReason.reduce((n, row) => n + row.share!, 0)).toBeCloseTo(1, 10);
    expect(byReason.map((row) => row.churnedCustomers)).toEqual(
      [...byReason.map((row) => row.churnedCustomers)].sort((a, b) => b - a),
    );
    expect(byReason.some((row) => row.reason === 'involuntary')).toBe(true);
  });

  it('adds up to the churned count of one filter and of several', async () => {
    for (const filters of [
      { segment: 'b2c' },
      { segment: 'b2c', plan: 'starter' },
      { plan: 'growth', country: 'United States' },
    ]) {
      const { byReason } = await getChurnBreakdowns({ ctx, input: { ...RANGE, filters }, now: NOW });
      const doc = await getKpis({ ctx, input: { ...RANGE, filters }, now: NOW });
      expect(doc.totals.churned_customers).toBeGreaterThan(0);
      expect(byReason.reduce((n, row) => n + row.churnedCustomers, 0)).toBe(doc.totals.churned_customers);
      expect(byReason.reduce((n, row) => n + row.involuntaryChurnedCustomers, 0)).toBe(
        doc.totals.involuntary_churned_customers,
      );
    }
  });

  it('lists the reason of each churned customer in the drill-down', async () => {
    const page = await getKpiDrilldown({
      ctx,
      input: { metric: 'churned_customers', from: '2026-03', to: '2026-03', limit: 500 },
    });
    expect(page.customers.length).toBeGreaterThan(0);
    expect(page.customers.every((c) => 'churnReason' in c && 'churnType' in c)).toBe(true);
  });
});

describe('the KPI dashboard', () => {
  it('reads the period, the period before and 24 months of trend through the KPI service', async () => {
    const dashboard = await getKpiDashboard({
      ctx,
      state: {
        selection: { kind: 'quarter', quarter: parseMonth('2026-01')! },
        filters: { segment: 'b2c' },
        cohorts: 'logo',
      },
      now: NOW,
    });
    expect(dashboard.period).toMatchObject({ label: 'Q1 2026', length: 3 });
    expect(dashboard.current.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(dashboard.previous!.months).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(dashboard.trend.months).toHaveLength(24);
    expect(dashboard.trend.months.at(-1)).toBe('2026-03');
    const cli = await getKpis({
      ctx,
      input: { from: '2026-01', to: '2026-03', filters: { segment: 'b2c' } },
      now: NOW,
    });
    expect(dashboard.current.totals).toEqual(cli.totals);
  });

  it('reads a quarter to date as its complete months against the same months of the quarter before', async () => {
    const dashboard = await getKpiDashboard({
      ctx,
      state: { selection: { kind: 'quarter', quarter: parseMonth('2026-04')! }, filters: {}, cohorts: 'logo' },
      now: NOW,
    });
    expect(dashboard.period).toMatchObject({ label: 'Q2 2026 to date (20 Jun)', length: 2, toDate: true });
    expect(dashboard.current.months).toEqual(['2026-04', '2026-05']);
    expect(dashboard.previous!.months).toEqual(['2026-01', '2026-02']);
    expect(dashboard.trend.months.at(-1)).toBe('2026-05');
    const june = await getKpiDashboard({
      ctx,
      state: { selection: { kind: 'month', month: parseMonth('2026-06')! }, filters: {}, cohorts: 'logo' },
      now: NOW,
    });
    expect(june.period.previous).toBeNull();
    expect(june.previous).toBeNull();
  });

  it('offers the filter values the rollups hold, and leaves out an owner who is not one of them', async () => {
    const options = await getKpiFilterOptions({ ctx });
    expect(options.segment).toEqual(['b2b_enterprise', 'b2b_smb', 'b2c']);
    expect(options.plan.length).toBeGreaterThan(1);
    expect(options.owner.map((o) => o.email)).toContain('csm@holdfast.demo');
    const dashboard = await getKpiDashboard({
      ctx,
      state: { selection: null, filters: { owner: 'gone@example.test' }, cohorts: 'logo' },
      now: NOW,
    });
    expect(dashboard).toMatchObject({ filters: {}, ignored: ['owner'] });
    expect(dashboard.period.label).toBe('May 2026');
  });

  it('is readable by every role and validates its range', async () => {
    for (const role of ['admin', 'lead', 'csm', 'exec'] as const) {
      const user = await makeUser(handle.db, role);
      await expect(
        getChurnBreakdowns({ ctx: { db: handle.db, actor: actorOf(user) }, input: RANGE, now: NOW }),
      ).resolves.toBeTruthy();
    }
    await expect(
      getChurnBreakdowns({ ctx, input: { from: '2026-05', to: '2026-01' }, now: NOW }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
