import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { parseUtcDate } from '@/db/seed/time';
import { refreshRollups } from '@/db/queries/metrics/refresh';
import { METRIC_KEYS } from '@/lib/metrics/catalog';
import type { KpiDocument } from '@/lib/metrics/document';
import { DRILLDOWN_SORTS, drilldownSortValue } from '@/lib/metrics/drilldowns';
import { parseMonth } from '@/lib/metrics/months';
import { DRILLDOWN_METRICS, type DrilldownMetric } from '@/lib/metrics/movements';
import { ROLES } from '@/lib/auth/roles';
import { systemActor, type ServiceContext } from '@/server/context';
import { ValidationError } from '@/server/errors';
import { getKpiDrilldown, getKpis, type KpiDrilldownPage } from '@/server/services/kpis';
import { allDrilldownRows, listValue } from '../helpers/kpi-drilldown';
import { actorOf, makeUser } from '../helpers/factories';
import { createTestDatabase } from '../helpers/test-db';
import { referenceDocument, withoutRefreshTime, type Customer } from './metrics-reference';

const NOW = new Date('2026-06-20T08:00:00Z');
const FROM = parseMonth('2024-05')!;
const TO = parseMonth('2026-06')!;

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let ctx: ServiceContext;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, actor: systemActor('test') };
  await seedDatabase(handle.db, {
    seed: 11,
    asOf: parseUtcDate('2026-06-15')!,
    customers: 300,
    password: 'metrics-test-password',
  });
  await refreshRollups(handle.db, { now: NOW });
});
afterAll(() => handle.dispose());

/** Series by series, so that a failure names the metric. */
function expectSameDocument(actual: KpiDocument, expected: KpiDocument) {
  for (const key of METRIC_KEYS)
    expect({ key, values: actual.series[key] }).toEqual({ key, values: expected.series[key] });
  expect(withoutRefreshTime(actual)).toEqual(expected);
}

describe('KPIs from rollups (SQL) against the lib reference over raw rows', () => {
  it('agree for every month and metric of the whole workspace', async () => {
    const actual = await getKpis({ ctx, input: { from: '2024-05', to: '2026-06' }, now: NOW });
    const expected = await referenceDocument(handle.db, { from: FROM, to: TO, now: NOW });
    expectSameDocument(actual, expected);
    expect(actual.series.active_customers.at(-1)).toBeGreaterThan(50);
    expect(actual.series.churned_customers.some((n) => n! > 0)).toBe(true);
  });
});

describe('filtered KPI reads', () => {
  it('one segment (a rollup lookup) equals the lib over that segment’s customers', async () => {
    const actual = await getKpis({
      ctx,
      input: { from: '2024-05', to: '2026-06', filters: { segment: 'b2b_smb' } },
      now: NOW,
    });
    const expected = await referenceDocument(handle.db, {
      from: FROM,
      to: TO,
      now: NOW,
      keep: (c) => c.segment === 'b2b_smb',
      filters: { segment: 'b2b_smb' },
    });
    expectSameDocument(actual, expected);
    expect(actual.series.active_customers.at(-1)).toBeGreaterThan(0);
  });

  it('an owner (by email) equals the lib over the customers they own', async () => {
    const [owner] = await handle.db.select().from(users).where(eq(users.email, 'csm@holdfast.demo'));
    const actual = await getKpis({
      ctx,
      input: { from: '2025-01', to: '2026-06', filters: { owner: 'CSM@holdfast.demo' } },
      now: NOW,
    });
    const expected = await referenceDocument(handle.db, {
      from: parseMonth('2025-01')!,
      to: TO,
      now: NOW,
      keep: (c) => c.ownerId === owner.id,
      filters: { owner: 'CSM@holdfast.demo' },
    });
    expectSameDocument(actual, expected);
  });

  it('two filters (a pair rollup) and three (a sum of metric cells) equal the lib over the customers matching all of them', async () => {
    const combinations: Record<string, string>[] = [
      { segment: 'b2c', plan: 'starter' },
      { segment: 'b2c', plan: 'starter', country: 'United States' },
    ];
    for (const filters of combinations) {
      const actual = await getKpis({ ctx, input: { from: '2024-05', to: '2026-06', filters }, now: NOW });
      const keep = (c: Customer) =>
        Object.entries(filters).every(([key, value]) => c[key as 'segment' | 'plan' | 'country'] === value);
      expectSameDocument(actual, await referenceDocument(handle.db, { from: FROM, to: TO, now: NOW, keep, filters }));
      expect(actual.series.active_customers.at(-1)).toBeGreaterThan(0);
    }
  });

  it('rejects a malformed range and an owner who is not a user', async () => {
    await expect(getKpis({ ctx, input: { from: '2026-13' }, now: NOW })).rejects.toBeInstanceOf(ValidationError);
    await expect(getKpis({ ctx, input: { from: '2026-06', to: '2026-01' }, now: NOW })).rejects.toMatchObject({
      fieldErrors: { from: [expect.any(String)] },
    });
    await expect(
      getKpis({ ctx, input: { filters: { owner: 'nobody@example.test' } }, now: NOW }),
    ).rejects.toMatchObject({
      fieldErrors: { 'filters.owner': ['No user has this email.'] },
    });
  });

  it('is readable by every role', async () => {
    for (const role of ROLES) {
      const user = await makeUser(handle.db, role);
      const document = await getKpis({
        ctx: { db: handle.db, actor: actorOf(user) },
        input: { from: '2026-05', to: '2026-06' },
        now: NOW,
      });
      expect(document.months).toEqual(['2026-05', '2026-06']);
    }
  });
});

describe('drill-down', () => {
  /** Sorted by the list's MRR figure, largest first, then by month and customer id. */
  function expectListOrder(metric: DrilldownMetric, rows: KpiDrilldownPage['customers']) {
    const key = (r: KpiDrilldownPage['customers'][number]) => [
      -drilldownSortValue(DRILLDOWN_SORTS[metric], r),
      r.month,
      r.id,
    ];
    const order = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
    expect(rows.map(key)).toEqual(rows.map(key).sort(order));
  }

  it('lists exactly the customers each monthly number counts, in keyset pages sorted by their MRR figure', async () => {
    const months = ['2025-03', '2025-10', '2026-05'];
    const document = await getKpis({
      ctx,
      input: { from: months[0], to: months.at(-1), filters: { segment: 'b2c' } },
      now: NOW,
    });
    for (const month of months) {
      const index = document.months.indexOf(month);
      for (const metric of DRILLDOWN_METRICS) {
        const rows = await allDrilldownRows(ctx, metric, { from: month, to: month }, { segment: 'b2c' });
        expectListOrder(metric, rows);
        expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
        expect(rows.every((r) => r.segment === 'b2c' && r.month === parseMonth(month))).toBe(true);
        expect({ metric, month, value: listValue(metric, rows) }).toEqual({
          metric,
          month,
          value: document.series[metric][index],
        });
      }
    }
  });

  it('rejects an unknown metric, a reversed range and a cursor that is not one', async () => {
    await expect(
      getKpiDrilldown({ ctx, input: { metric: 'mrr' as DrilldownMetric, from: '2026-05', to: '2026-05' } }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      getKpiDrilldown({ ctx, input: { metric: 'churned_customers', from: '2026-05', to: '2026-01' } }),
    ).rejects.toMatchObject({ fieldErrors: { from: [expect.any(String)] } });
    await expect(
      getKpiDrilldown({ ctx, input: { metric: 'churned_customers', from: '2026-05', to: '2026-05', cursor: '1e3' } }),
    ).rejects.toMatchObject({
      fieldErrors: { cursor: ['Not a position in this list.'] },
    });
  });
});
