import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/rows';
import * as schema from '@/db/schema';

/** Every table of the schema, so that a reset also clears tables added after this was written. */
function schemaTableNames(): string[] {
  return (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => getTableName(table));
}

/** Empties every table and restarts its ids; both drivers accept one TRUNCATE of all of them. */
export async function truncateAll(db: Executor): Promise<void> {
  const tables = sql.join(
    schemaTableNames().map((name) => sql.identifier(name)),
    sql`, `,
  );
  await db.execute(sql`truncate table ${tables} restart identity cascade`);
}

/** A workspace is in use once it has a customer or a user. */
export async function hasWorkspaceData(db: Executor): Promise<boolean> {
  const [row] = await queryRows<{ used: boolean }>(
    db,
    sql`select (exists (select 1 from ${schema.customers}) or exists (select 1 from ${schema.users})) as used`,
  );
  return row.used;
}
