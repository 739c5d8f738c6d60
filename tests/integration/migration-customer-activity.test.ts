import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrateDatabase, migrationsFolder } from '@/db/migrate';
import { queryRows } from '@/db/rows';
import { createTestDatabase } from '../helpers/test-db';

const MIGRATION = '0008_customer_activity_and_import_heartbeat';
const EVERY_CUSTOMER = '0009_customer_activity_for_every_customer';

/** The migrations folder as it was before `tag`: its SQL files and a journal that ends just before it. */
function folderBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-migrations-'));
  fs.cpSync(migrationsFolder(), dir, { recursive: true });
  const journalPath = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(
    0,
    journal.entries.findIndex((e) => e.tag === tag),
  );
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let older: string;
let withActivity: string;
beforeAll(async () => {
  handle = await createTestDatabase({ migrated: false });
  older = folderBefore(MIGRATION);
  withActivity = folderBefore(EVERY_CUSTOMER);
});
afterAll(async () => {
  await handle.dispose();
  for (const dir of [older, withActivity]) fs.rmSync(dir, { recursive: true, force: true });
});

async function activityRows(): Promise<{ external_id: string; at: string | null }[]> {
  return queryRows(
    handle.db,
    sql`select c.external_id, to_char(a.last_activity_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as at
          from customer_activity a join customers c on c.id = a.customer_id order by c.external_id`,
  );
}

describe(`the customer_activity migrations (${MIGRATION}, ${EVERY_CUSTOMER})`, () => {
  it("moves each customer's last activity into customer_activity and drops the old column", async () => {
    await migrateDatabase(handle, older);
    await handle.db.execute(sql`insert into customers (external_id, name, last_activity_at) values
      ('A', 'Active', '2026-03-01T10:00:00Z'), ('N', 'Never active', null), ('B', 'Also active', '2025-12-31T23:59:59.123456Z')`);

    await migrateDatabase(handle, withActivity);

    const moved = await activityRows();
    expect(moved).toEqual([
      { external_id: 'A', at: '2026-03-01T10:00:00.000000' },
      { external_id: 'B', at: '2025-12-31T23:59:59.123456' },
    ]);
    const [column] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from information_schema.columns where table_name = 'customers' and column_name = 'last_activity_at'`,
    );
    expect(column.n).toBe(0);
  });

  it(`gives every customer a row from ${EVERY_CUSTOMER} on: an empty one for those never active, and one for each new customer`, async () => {
    await migrateDatabase(handle);
    expect(await activityRows()).toEqual([
      { external_id: 'A', at: '2026-03-01T10:00:00.000000' },
      { external_id: 'B', at: '2025-12-31T23:59:59.123456' },
      { external_id: 'N', at: null },
    ]);
    await handle.db.execute(sql`insert into customers (external_id, name) values ('C', 'New'), ('D', 'Newer')`);
    expect((await activityRows()).filter((r) => r.external_id === 'C' || r.external_id === 'D')).toEqual([
      { external_id: 'C', at: null },
      { external_id: 'D', at: null },
    ]);
  });

  it("deletes a deleted customer's last activity with them", async () => {
    await handle.db.execute(sql`delete from customers where external_id = 'A'`);
    const left = await queryRows<{ external_id: string }>(
      handle.db,
      sql`select c.external_id from customer_activity a join customers c on c.id = a.customer_id order by 1`,
    );
    const [orphans] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from customer_activity a where not exists (select 1 from customers c where c.id = a.customer_id)`,
    );
    expect(left).toEqual([{ external_id: 'B' }, { external_id: 'C' }, { external_id: 'D' }, { external_id: 'N' }]);
    expect(orphans.n).toBe(0);
  });
});
