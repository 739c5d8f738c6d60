import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/rows';
import { auditLog, users } from '@/db/schema';
import { WorkspaceNotEmptyError, seedDatabase, type SeedOptions, type SeedSummary } from '@/db/seed';
import { parseUtcDate } from '@/db/seed/time';
import { verifyPassword } from '@/lib/auth/password';
import { createTestDatabase } from '../helpers/test-db';

const PASSWORD = 'integration-demo-password';
const options: SeedOptions = { seed: 3, asOf: parseUtcDate('2026-06-01')!, customers: 150, password: PASSWORD };

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let summary: SeedSummary;

async function tableCounts(db: Executor, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
    counts[table] = row.n;
  }
  return counts;
}

/** Every index and constraint of the schema, as the catalog prints them. */
async function schemaDefinitions(db: Executor): Promise<string[]> {
  const rows = await queryRows<{ definition: string }>(
    db,
    sql`select pg_get_indexdef(indexrelid) as definition from pg_index i join pg_class c on c.oid = i.indrelid
          join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'
        union all
        select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
         where connamespace = 'public'::regnamespace
        order by 1`,
  );
  return rows.map((r) => r.definition);
}

let definitionsBefore: string[];

beforeAll(async () => {
  handle = await createTestDatabase();
  definitionsBefore = await schemaDefinitions(handle.db);
  summary = (await seedDatabase(handle.db, options))!;
});
afterAll(() => handle.dispose());

describe('seedDatabase', () => {
  it('fills every table it reports, with the counts it reports', async () => {
    const tables = Object.keys(summary.counts);
    expect(tables).toEqual(
      expect.arrayContaining([
        'users',
        'customers',
        'subscriptions',
        'orders',
        'events',
        'tickets',
        'feedback',
        'activities',
        'tasks',
        'lifecycle_transitions',
        'loyalty_tiers',
        'loyalty_ledger',
      ]),
    );
    expect(await tableCounts(handle.db, tables)).toEqual(summary.counts);
    for (const n of Object.values(summary.counts)) expect(n).toBeGreaterThan(0);
    expect(summary.counts.customers).toBe(150);
  });

  it('leaves every index, unique key and foreign key as the migrations made them (the bulk path rebuilds them)', async () => {
    expect(definitionsBefore.length).toBeGreaterThan(50);
    expect(await schemaDefinitions(handle.db)).toEqual(definitionsBefore);
  });

  it('keeps customers.mrr_cents equal to the latest subscription row of each customer', async () => {
    const [row] = await queryRows<{ mismatched: number; churned: number }>(
      handle.db,
      sql`select count(*) filter (where c.mrr_cents <> latest.mrr_cents)::int as mismatched,
                 count(*) filter (where latest.mrr_cents = 0)::int as churned
          from customers c
          join lateral (select s.mrr_cents from subscriptions s where s.customer_id = c.id order by s.effective_at desc limit 1) latest on true`,
    );
    expect(row.mismatched).toBe(0);
    expect(row.churned).toBeGreaterThan(0);
  });

  it('creates the demo team with their roles and the given password, and spreads accounts over four CSMs', async () => {
    const rows = await handle.db
      .select({ email: users.email, name: users.name, role: users.role, hash: users.passwordHash })
      .from(users);
    const byEmail = new Map(rows.map((u) => [u.email, u]));
    expect(byEmail.get('admin@holdfast.demo')).toMatchObject({ name: 'Ada Admin', role: 'admin' });
    expect(byEmail.get('lead@holdfast.demo')).toMatchObject({ name: 'Leo Lead', role: 'lead' });
    expect(byEmail.get('csm@holdfast.demo')).toMatchObject({ name: 'Cam CSM', role: 'csm' });
    expect(byEmail.get('exec@holdfast.demo')).toMatchObject({ name: 'Eve Exec', role: 'exec' });
    expect(rows.filter((u) => u.role === 'csm')).toHaveLength(4);
    expect(await verifyPassword(PASSWORD, byEmail.get('csm@holdfast.demo')!.hash)).toBe(true);
    expect(summary.logins.every((l) => l.password === PASSWORD)).toBe(true);

    const owners = await queryRows<{ email: string; n: number }>(
      handle.db,
      sql`select u.email, count(*)::int as n from customers c join users u on u.id = c.owner_id group by u.email`,
    );
    expect(owners).toHaveLength(4);
    const cam = owners.find((o) => o.email === 'csm@holdfast.demo')!;
    expect(cam.n).toBeGreaterThan(20);
  });

  it('records one seed.run audit row with the counts', async () => {
    const rows = await handle.db.select().from(auditLog);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'seed.run',
      entityType: 'workspace',
      actorId: null,
      actorLabel: 'cli',
      after: summary.counts,
    });
  });

  it('refuses to seed a database in use and changes nothing', async () => {
    const tables = [...Object.keys(summary.counts), 'audit_log'];
    const before = await tableCounts(handle.db, tables);
    await expect(seedDatabase(handle.db, { ...options, seed: 4 })).rejects.toBeInstanceOf(WorkspaceNotEmptyError);
    await expect(seedDatabase(handle.db, { ...options, seed: 4 })).rejects.toThrow(/--reset/);
    expect(await seedDatabase(handle.db, { ...options, ifEmpty: true })).toBeNull();
    expect(await tableCounts(handle.db, tables)).toEqual(before);
  });

  it('with reset, removes everything and seeds the same data again', async () => {
    const again = (await seedDatabase(handle.db, { ...options, reset: true }))!;
    expect(again.counts).toEqual(summary.counts);
    expect(await tableCounts(handle.db, [...Object.keys(summary.counts), 'audit_log'])).toEqual({
      ...summary.counts,
      audit_log: 1,
    });
    const [ids] = await queryRows<{ first: number }>(handle.db, sql`select min(id)::int as first from customers`);
    expect(ids.first).toBe(1);
  });
});
