import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshRollups } from '@/db/queries/metrics/refresh';
import { queryRows } from '@/db/rows';
import { seedDatabase } from '@/db/seed';
import { parseUtcDate } from '@/db/seed/time';
import { editCustomers } from '@/bench/sections/kpi-edits';
import { createTestDatabase } from '../helpers/test-db';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db, {
    seed: 3,
    asOf: parseUtcDate('2026-06-15')!,
    customers: 150,
    password: 'bench-edit-password',
  });
  await refreshRollups(handle.db);
});
afterAll(() => handle.dispose());

const state = async () =>
  queryRows<{ owners: string; subscriptions: number; pending: number }>(
    handle.db,
    sql`select (select string_agg(coalesce(owner_id::text, '-'), ',' order by id) from customers) as owners,
               (select count(*)::int from subscriptions) as subscriptions,
               (select count(*)::int from metric_changes) as pending`,
  );

describe("the KPI bench section's edits", () => {
  it('edit customers in every round, also on a database smaller than the edit, and undo leaves the data as it was', async () => {
    const before = await state();
    const [{ paying }] = await queryRows<{ paying: number }>(
      handle.db,
      sql`select count(*)::int as paying from customers where mrr_cents > 0`,
    );
    for (const round of [0, 1, 2]) {
      const { edited, undo } = await editCustomers(handle.db, round, 200);
      expect(edited).toBe(paying);
      const [during] = await state();
      expect(during.subscriptions).toBe(before[0].subscriptions + Math.ceil(paying / 2));
      expect(during.pending).toBeGreaterThan(0);
      await undo();
      expect(await state()).toEqual(before);
    }
  });

  it('pick different customers each round when there are enough', async () => {
    const picks: string[] = [];
    for (const round of [0, 1]) {
      const { edited, undo } = await editCustomers(handle.db, round, 10);
      expect(edited).toBe(10);
      const [row] = await queryRows<{ ids: string }>(
        handle.db,
        sql`select string_agg(customer_id::text, ',' order by customer_id) as ids from metric_changes`,
      );
      picks.push(row.ids);
      await undo();
    }
    expect(picks[0]).not.toEqual(picks[1]);
  });
});
