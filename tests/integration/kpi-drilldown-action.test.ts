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
  await seedDatabase(handle.db, {
    seed: 9,
    asOf: parseUtcDate('2026-06-15')!,
    customers: 200,
    password: 'drilldown-test-password',
  });
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
    const input = { metric: 'active_customers' as const, from: '2026-05', to: '2026-05', filters: { segment: 'b2c' } };
    const first = await getKpiDrilldown({ ctx, input });
    expect(first.nextCursor).not.toBeNull();
    const rows = [...first.customers];
    let cursor = first.nextCursor;
    while (cursor !== null) {
      const result = await loadDrilldownPageAction(null, { ...input, cursor });
      if (!result.ok) throw new Error(result.message);
      rows.push(...result.data!.customers);
      cursor = result.data!.nextCursor;
    }
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Active customers are listed by MRR at the end, largest first.
    const mrr = rows.map((r) => r.mrrEndCents);
    expect(mrr).toEqual([...mrr].sort((a, b) => b - a));
    const doc = await getKpis({
      ctx,
      input: { from: '2026-05', to: '2026-05', filters: { segment: 'b2c' } },
      now: NOW,
    });
    expect(ids).toHaveLength(doc.series.active_customers[0]!);
  });

  it('reports a malformed request by field, and refuses without a session', async () => {
    const bad = await loadDrilldownPageAction(null, {
      metric: 'active_customers',
      from: '2026-5',
      to: '2026-05',
      cursor: '1_1_1',
      filters: {},
    });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { from: ['Use a month as YYYY-MM.'] } });
    const user = state.user;
    state.user = null;
    expect(
      await loadDrilldownPageAction(null, {
        metric: 'active_customers',
        from: '2026-05',
        to: '2026-05',
        cursor: '1_1_1',
        filters: {},
      }),
    ).toMatchObject({
      ok: false,
      message: 'Your session has expired. Please sign in again.',
    });
    state.user = user;
  });
});
