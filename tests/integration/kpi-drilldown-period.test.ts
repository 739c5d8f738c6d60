import { parse } from 'csv-parse/sync';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { refreshRollups } from '@/db/queries/metrics/refresh';
import { seedDatabase } from '@/db/seed';
import { parseUtcDate } from '@/db/seed/time';
import { DRILLDOWN_SORTS, drilldownSortValue } from '@/lib/metrics/drilldowns';
import { formatMonth } from '@/lib/metrics/months';
import { DRILLDOWN_METRICS, type DrilldownMetric } from '@/lib/metrics/movements';
import { systemActor, type ServiceContext } from '@/server/context';
import { getKpis } from '@/server/services/kpis';
import { asSession } from '../helpers/action-session';
import { allDrilldownRows, listValue } from '../helpers/kpi-drilldown';
import { makeUser } from '../helpers/factories';
import { requestScope } from '../helpers/request-scope';
import { createTestDatabase } from '../helpers/test-db';

const state = requestScope;
const { GET } = await import('@/app/(app)/kpis/customers/export/route');

const NOW = new Date('2026-06-20T08:00:00Z');
const QUARTER = { from: '2026-01', to: '2026-03' };
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let ctx: ServiceContext;

beforeAll(async () => {
  handle = await createTestDatabase();
  state.db = handle.db;
  ctx = { db: handle.db, actor: systemActor('test') };
  await seedDatabase(handle.db, {
    seed: 9,
    asOf: parseUtcDate('2026-06-15')!,
    customers: 200,
    password: 'drilldown-period-password',
  });
  await refreshRollups(handle.db, { now: NOW });
  state.user = asSession(await makeUser(handle.db, 'exec'));
});
afterAll(() => handle.dispose());
beforeEach(() => {
  state.db = handle.db;
});

const allRows = (metric: DrilldownMetric, range: { from: string; to: string }) =>
  allDrilldownRows(ctx, metric, range, {}, 5);

describe('a drill-down over a quarter', () => {
  it('lists the whole quarter: every month’s customers, as many rows as the quarter’s number, largest MRR lost first', async () => {
    const doc = await getKpis({ ctx, input: QUARTER, now: NOW });
    const rows = await allRows('churned_customers', QUARTER);
    expect(rows).toHaveLength(doc.totals.churned_customers!);
    expect(new Set(rows.map((r) => formatMonth(r.month)))).toEqual(new Set(['2026-01', '2026-02', '2026-03']));
    const lost = rows.map((r) => r.mrrStartCents - r.mrrEndCents);
    expect(lost).toEqual([...lost].sort((a, b) => b - a));
    expect(lost[0]).toBeGreaterThan(lost.at(-1)!);
  });

  it('adds up to each number of the quarter: flows over its three months, customers at start and end at its ends', async () => {
    const doc = await getKpis({ ctx, input: QUARTER, now: NOW });
    for (const metric of DRILLDOWN_METRICS) {
      const rows = await allRows(metric, QUARTER);
      const listed =
        metric === 'customers_at_start' ? ['2026-01'] : metric === 'active_customers' ? ['2026-03'] : doc.months;
      expect(rows.every((r) => listed.includes(formatMonth(r.month)))).toBe(true);
      const expected = listed.reduce((sum, m) => sum + (doc.series[metric][doc.months.indexOf(m)] ?? 0), 0);
      expect({ metric, value: listValue(metric, rows) }).toEqual({ metric, value: expected });
      expect(new Set(rows.map((r) => `${r.month}:${r.id}`)).size).toBe(rows.length);
      const keys = rows.map((r) => drilldownSortValue(DRILLDOWN_SORTS[metric], r));
      expect(keys).toEqual([...keys].sort((a, b) => b - a));
    }
  });

  it('downloads as CSV: the same rows in the same order, for the page’s period and filters', async () => {
    const rows = await allRows('churned_customers', QUARTER);
    const response = await GET(
      new NextRequest('http://localhost/kpis/customers/export?period=quarter&quarter=2026-Q1&metric=churned_customers'),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="kpi-churned_customers-2026-01-to-2026-03.csv"',
    );
    const records: Record<string, string>[] = parse(await response.text(), { columns: true });
    expect(records.map((r) => [r.id, r.month])).toEqual(rows.map((r) => [r.externalId, formatMonth(r.month)]));
    expect(records[0]).toMatchObject({
      name: rows[0].name,
      mrr_start: (rows[0].mrrStartCents / 100).toFixed(2),
      mrr_end: '0.00',
      currency: 'USD',
    });

    const month = await GET(
      new NextRequest(
        'http://localhost/kpis/customers/export?period=quarter&quarter=2026-Q1&metric=churned_customers&month=2026-02&segment=b2c',
      ),
      { params: Promise.resolve({}) },
    );
    const february: Record<string, string>[] = parse(await month.text(), { columns: true });
    const expected = (await allRows('churned_customers', { from: '2026-02', to: '2026-02' })).filter(
      (r) => r.segment === 'b2c',
    );
    expect(february.map((r) => r.id)).toEqual(expected.map((r) => r.externalId));
    expect(february.every((r) => r.month === '2026-02' && r.segment === 'b2c')).toBe(true);
  });

  it('answers a request that names no list, or an owner who is no user, with an error instead of a download', async () => {
    const none = await GET(new NextRequest('http://localhost/kpis/customers/export?period=quarter&quarter=2026-Q1'), {
      params: Promise.resolve({}),
    });
    expect(none.status).toBe(400);
    const owner = await GET(
      new NextRequest(
        'http://localhost/kpis/customers/export?metric=churned_customers&month=2026-02&owner=gone%40example.test',
      ),
      { params: Promise.resolve({}) },
    );
    expect(owner.status).toBe(400);
    expect(owner.headers.get('content-type')).toContain('application/json');
  });

  it('refuses without a session', async () => {
    const user = state.user;
    state.user = null;
    const response = await GET(
      new NextRequest('http://localhost/kpis/customers/export?metric=churned_customers&month=2026-02'),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(401);
    state.user = user;
  });
});
