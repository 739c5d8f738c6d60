import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '@/db/seed';
import { parseUtcDate } from '@/db/seed/time';
import { refreshRollups } from '@/db/queries/metrics/refresh';
import { METRIC_KEYS } from '@/lib/metrics/catalog';
import type { KpiDocument } from '@/lib/metrics/document';
import { parseMonth } from '@/lib/metrics/months';
import { systemActor, type ServiceContext } from '@/server/context';
import { getKpis } from '@/server/services/kpis';
import { createTestDatabase } from '../helpers/test-db';
import { referenceDocument, withoutRefreshTime } from './metrics-reference';

const NOW = new Date('2026-06-20T08:00:00Z');
const FROM = parseMonth('2024-05')!;
const TO = parseMonth('2026-06')!;

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let ctx: ServiceContext;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, actor: systemActor('test') };
  await seedDatabase(handle.db, { seed: 11, asOf: parseUtcDate('2026-06-15')!, customers: 300, password: 'metrics-test-password' });
  await refreshRollups(handle.db, { now: NOW });
});
afterAll(() => handle.dispose());

/** Series by series, so that a failure names the metric. */
function expectSameDocument(actual: KpiDocument, expected: KpiDocument) {
  for (const key of METRIC_KEYS) expect({ key, values: actual.series[key] }).toEqual({ key, values: expected.series[key] });
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
