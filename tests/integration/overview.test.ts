import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, tasks } from '@/db/schema';
import { ROLES } from '@/lib/auth/roles';
import type { ServiceContext } from '@/server/context';
import { getMyTaskCounts, getWorkspaceSummary } from '@/server/queries/overview';
import { createTestDatabase } from '../helpers/test-db';
import { actorOf, makeUser } from '../helpers/factories';

const NOW = new Date('2025-06-30T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 24 * 60 * 60 * 1000);

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let csm: ServiceContext;
let otherId: number;

beforeAll(async () => {
  handle = await createTestDatabase();
  const user = await makeUser(handle.db, 'csm');
  csm = { db: handle.db, actor: actorOf(user) };
  otherId = (await makeUser(handle.db, 'csm')).id;
});
afterAll(() => handle.dispose());

describe('overview queries', () => {
  it('reports an empty workspace as zeros with no MRR', async () => {
    expect(await getWorkspaceSummary({ ctx: csm, now: NOW })).toEqual({
      customers: 0,
      active: 0,
      churnedLast30Days: 0,
      mrr: [],
    });
  });

  it('counts customers, active, recent churn and MRR per currency', async () => {
    const rows = [
      { externalId: 'a', mrrCents: 10_000 },
      { externalId: 'b', mrrCents: 25_050 },
      { externalId: 'c', mrrCents: 0, churnedAt: daysAgo(10) },
      { externalId: 'd', mrrCents: 0, churnedAt: daysAgo(29.9) },
      { externalId: 'e', mrrCents: 0, churnedAt: daysAgo(30.1) },
      { externalId: 'f', mrrCents: 99_900, currency: 'EUR' },
    ];
    await handle.db.insert(customers).values(rows.map((r) => ({ name: r.externalId, ...r })));
    expect(await getWorkspaceSummary({ ctx: csm, now: NOW })).toEqual({
      customers: 6,
      active: 3,
      churnedLast30Days: 2,
      mrr: [
        { currency: 'EUR', cents: 99_900 },
        { currency: 'USD', cents: 35_050 },
      ],
    });
  });

  it('counts only my open tasks, and which of them are overdue', async () => {
    const me = csm.actor.kind === 'user' ? csm.actor.id : 0;
    await handle.db.insert(tasks).values([
      { title: 'overdue', assigneeId: me, dueAt: daysAgo(1) },
      { title: 'due later', assigneeId: me, dueAt: daysAgo(-3) },
      { title: 'no due date', assigneeId: me },
      { title: 'done and late', assigneeId: me, dueAt: daysAgo(5), status: 'done' },
      { title: 'someone else', assigneeId: otherId, dueAt: daysAgo(5) },
    ]);
    expect(await getMyTaskCounts({ ctx: csm, now: NOW })).toEqual({ open: 3, overdue: 1 });
  });

  it.each(ROLES)('lets a %s read the workspace summary', async (role) => {
    const ctx = { db: handle.db, actor: actorOf(await makeUser(handle.db, role)) };
    await expect(getWorkspaceSummary({ ctx, now: NOW })).resolves.toMatchObject({ customers: 6 });
    await expect(getMyTaskCounts({ ctx, now: NOW })).resolves.toEqual({ open: 0, overdue: 0 });
  });
});
