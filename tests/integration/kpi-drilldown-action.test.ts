import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { refreshRollups } from '@/db/queries/metrics/refresh';
import { seedDatabase } from '@/db/seed';
import { parseUtcDate } from '@/db/seed/time';
import { systemActor } from '@/server/context';
import { getKpiDrilldown, getKpis } from '@/server/services/kpis';
import { makeUser } from '../helpers/factories';
import { requestScope } from '../helpers/request-scope';
import { createTestDatabase } from '../helpers/test-db';

// As in Next.js minus the request: the session and the database are the test's.
const state = requestScope;

const { loadDrilldownPageAction } = await import('@/app/(app)/kpis/customers/actions');

const NOW = new Date('2026-06-20T08:00:00Z');
let handle: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  state.db = handle.db;
  await seedDatabase(handle.db, { seed: 9, asOf: parseUtcDate('2026-06-15')!, customers: 200, password: 'drilldown-test-password' });
  await refreshRollups(handle.db, { now: NOW });
  const exec = await makeUser(handle.db, 'exec');
  state.user = { id: exec.id, email: exec.email, name: exec.name, role: exec.role };
});
afterAll(() => handle.dispose());
beforeEach(() => {
  state.db = handle.db;
});

describe('drill-down "Load more" action', () => {
  it('continues the keyset pages of the page a reader sees until the list is whole, matching the KPI count', async () => {
    const ctx = { db: handle.db, actor: systemActor('test') };
    const input = { metric: 'active_customers' as const, month: '2026-05', filters: { segment: 'b2c' } };
    const first = await getKpiDrilldown({ ctx, input });
    expect(first.nextCursor).not.toBeNull();
    const ids = first.customers.map((c) => c.id);
    let cursor = first.nextCursor;
    while (cursor !== null) {
      const result = await loadDrilldownPageAction(null, { ...input, cursor });
      if (!result.ok) throw new Error(result.message);
      ids.push(...result.data!.customers.map((c) => c.id));
      cursor = result.data!.nextCursor;
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const doc = await getKpis({ ctx, input: { from: '2026-05', to: '2026-05', filters: { segment: 'b2c' } }, now: NOW });
    expect(ids).toHaveLength(doc.series.active_customers[0]!);
  });

  it('reports a malformed request by field, and refuses without a session', async () => {
    const bad = await loadDrilldownPageAction(null, { metric: 'active_customers', month: '2026-5', cursor: 1, filters: {} });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { month: ['Use a month as YYYY-MM.'] } });
    const user = state.user;
    state.user = null;
    expect(await loadDrilldownPageAction(null, { metric: 'active_customers', month: '2026-05', cursor: 1, filters: {} })).toMatchObject({
      ok: false,
      message: 'Your session has expired. Please sign in again.',
    });
    state.user = user;
  });
});
