import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle, type OpenOptions } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { queryRows } from '@/db/rows';

/** The URL of database `name` on the server of `base`. */
export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `run` on a client of the server of `base` (CREATE/DROP/COMMENT ON DATABASE). */
export async function admin<T>(base: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(base: string, name: string): Promise<boolean> {
  return admin(
    base,
    async (client) => (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1,
  );
}

/** Drops and creates `name`, migrates it, and opens it. Bench databases only: names are code-defined. */
export async function freshDatabase(base: string, name: string, open: OpenOptions = {}): Promise<DatabaseHandle> {
  await admin(base, async (client) => {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  });
  const handle = await openDatabase({ driver: 'postgres', url: databaseUrl(base, name) }, open);
  await migrateDatabase(handle);
  return handle;
}

export async function openExisting(base: string, name: string, open: OpenOptions = {}): Promise<DatabaseHandle> {
  const handle = await openDatabase({ driver: 'postgres', url: databaseUrl(base, name) }, open);
  await migrateDatabase(handle);
  return handle;
}

/** Exact row counts of the tables that make the data volume. */
export async function tableCounts(handle: DatabaseHandle, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from ${sql.identifier(table)}`,
    );
    counts[table] = row.n;
  }
  return counts;
}
