import { and, asc, eq, gt, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, users } from '@/db/schema';
import { refreshRollups } from '@/db/queries/metrics/refresh';
import { seedDatabase } from '@/db/seed';
import { parseUtcDate } from '@/db/seed/time';
import { systemActor, type ServiceContext } from '@/server/context';
import { changeCustomerOwner } from '@/server/services/customer-owner';
import { getKpiDashboard } from '@/server/services/kpi-dashboard';
import { getKpis } from '@/server/services/kpis';
import { parseKpiPageState } from '@/lib/validation/kpi-page';
import { createTestDatabase } from '../helpers/test-db';

const NOW = new Date('2026-06-20T08:00:00Z');
const JUNE = { from: '2026-06', to: '2026-06' };

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
/** A page's context: work handed to `background` runs when the test says (after the response, in a request). */
let page: ServiceContext;
let scheduled: (() => Promise<unknown>)[];

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db, {
    seed: 11,
    asOf: parseUtcDate('2026-06-15')!,
    customers: 150,
    password: 'freshness-test-password',
  });
  await refreshRollups(handle.db, { now: NOW });
});
afterAll(() => handle.dispose());

function freshPage(): void {
  scheduled = [];
  page = { db: handle.db, actor: systemActor('test'), background: (task) => scheduled.push(task) };
}

describe('KPI reads keep the rollups current', () => {
  it('answer a read after an owner change without waiting for the refresh, saying a change is pending, and count it once the refresh after the response ran', async () => {
    freshPage();
    const [customer] = await handle.db
      .select()
      .from(customers)
      .where(gt(customers.mrrCents, 0))
      .orderBy(asc(customers.id))
      .limit(1);
    const [owner] = await handle.db
      .select()
      .from(users)
      .where(and(eq(users.role, 'csm'), ne(users.id, customer.ownerId!)))
      .limit(1);
    const read = () => getKpis({ ctx: page, input: { ...JUNE, filters: { owner: owner.email } }, now: NOW });
    const before = await read();
    expect(before.rollup.pending_changes).toBe(0);

    await changeCustomerOwner({
      ctx: page,
      input: { customerId: customer.id, version: customer.version, ownerId: owner.id },
    });

    const during = await read();
    expect(during.series.active_customers[0]).toBe(before.series.active_customers[0]);
    expect(during.rollup.pending_changes).toBe(1);
    expect(scheduled).toHaveLength(1);

    await scheduled[0]();
    const after = await read();
    expect(after.series.active_customers[0]).toBe(before.series.active_customers[0]! + 1);
    expect(after.rollup.pending_changes).toBe(0);
    expect(new Date(after.rollup.refreshed_at!).getTime()).toBeGreaterThan(
      new Date(before.rollup.refreshed_at!).getTime(),
    );
    expect(scheduled).toHaveLength(1);
  });

  it('refresh before answering when nothing runs after the response (CLI, scripts)', async () => {
    const [customer] = await handle.db
      .select()
      .from(customers)
      .where(gt(customers.mrrCents, 0))
      .orderBy(asc(customers.id))
      .offset(1)
      .limit(1);
    const [owner] = await handle.db
      .select()
      .from(users)
      .where(and(eq(users.role, 'csm'), ne(users.id, customer.ownerId!)))
      .limit(1);
    const cli: ServiceContext = { db: handle.db, actor: systemActor('test') };
    const read = () => getKpis({ ctx: cli, input: { ...JUNE, filters: { owner: owner.email } }, now: NOW });
    const before = (await read()).series.active_customers[0]!;
    await changeCustomerOwner({
      ctx: cli,
      input: { customerId: customer.id, version: customer.version, ownerId: owner.id },
    });
    const after = await read();
    expect(after.series.active_customers[0]).toBe(before + 1);
    expect(after.rollup.pending_changes).toBe(0);
  });

  it('schedule the new month once for the whole KPI page, however many reads the page makes', async () => {
    freshPage();
    const august = new Date('2026-08-02T09:00:00Z');
    const dashboard = await getKpiDashboard({ ctx: page, state: parseKpiPageState({}), now: august });
    expect(dashboard.current.rollup.through).toBe('2026-06');
    expect(scheduled).toHaveLength(1);
  });

  it('show the months computed so far when a month has begun, and compute the new one after the response', async () => {
    freshPage();
    const july = new Date('2026-07-02T09:00:00Z');
    const read = () => getKpis({ ctx: page, input: { from: '2026-06', to: '2026-07' }, now: july });

    const early = await read();
    expect(early.rollup.through).toBe('2026-06');
    expect(early.series.active_customers[0]).toBeGreaterThan(0);
    expect(early.series.active_customers[1]).toBeNull();
    expect(scheduled).toHaveLength(1);

    await scheduled[0]();
    const later = await read();
    expect(later.rollup.through).toBe('2026-07');
    expect(later.series.active_customers[1]).toBeGreaterThan(0);
    expect(scheduled).toHaveLength(1);
  });
});
