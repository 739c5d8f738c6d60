import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import * as schema from './schema';
import { databaseConfigFromEnv, type DatabaseConfig } from './config';
import { acquireDataDirLock } from './data-dir-lock';
import { recordingClient, statementLogFromEnv, type StatementSink } from './statement-log';

/** Session settings of every app connection. JIT compilation made the analytics queries slower, never faster. */
export const POSTGRES_SESSION_OPTIONS = '-c jit=off';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: reads and writes that can take part in a caller's transaction. */
export type Executor = Database | Tx;

export type DatabaseHandle = {
  db: Database;
  config: DatabaseConfig;
  close: () => Promise<void>;
};

export type OpenOptions = {
  /** PostgreSQL only: receives every statement sent (default: HOLDFAST_SQL_LOG's file, when set). */
  onStatement?: StatementSink;
};

export async function openDatabase(
  config: DatabaseConfig,
  { onStatement = statementLogFromEnv() }: OpenOptions = {},
): Promise<DatabaseHandle> {
  if (config.driver === 'postgres') {
    const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
    // 2 cores: throughput drops with more active connections.
    const pool = new pg.Pool({
      connectionString: config.url,
      max: Number(process.env.HOLDFAST_POOL_SIZE ?? 4),
      options: POSTGRES_SESSION_OPTIONS,
      Client: onStatement ? recordingClient(pg.Client, onStatement) : pg.Client,
    });
    pool.on('error', (error) => console.error('[db] idle client error:', error.message));
    const db = drizzle({ client: pool, schema }) as unknown as Database;
    return { db, config, close: () => pool.end() };
  }

  const [{ PGlite }, { pg_trgm }, { drizzle }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('drizzle-orm/pglite'),
  ]);
  let release = () => {};
  if (config.dataDir) {
    // PGlite creates its data directory but not the parents.
    fs.mkdirSync(path.dirname(config.dataDir), { recursive: true });
    release = acquireDataDirLock(config.dataDir);
  }
  try {
    const client = await PGlite.create(config.dataDir ?? undefined, { extensions: { pg_trgm } });
    const db = drizzle({ client, schema }) as unknown as Database;
    return {
      db,
      config,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

// One shared handle per process; kept on globalThis so that dev-mode module reloads do not open a second one.
const globalForDb = globalThis as unknown as { holdfastDb?: Promise<DatabaseHandle> };

/** The process-wide database chosen by the environment, opened on first use (never at import or build time). */
export function getDatabase(): Promise<DatabaseHandle> {
  globalForDb.holdfastDb ??= openDatabase(databaseConfigFromEnv()).catch((error) => {
    globalForDb.holdfastDb = undefined;
    throw error;
  });
  return globalForDb.holdfastDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

export async function closeDatabase(): Promise<void> {
  const handle = globalForDb.holdfastDb;
  globalForDb.holdfastDb = undefined;
  if (handle) await (await handle).close();
}
