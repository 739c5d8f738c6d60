import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type SQL } from 'drizzle-orm';
import type { PoolClient } from 'pg';
import * as schema from '@/db/schema';
import type { Database, Executor } from '@/db/client';
import { CopyBuffer } from '@/db/copy/copy-buffer';
import { copyRecordLine } from '@/db/copy/copy-text';

/** A staging table column: code-defined name and SQL type, never taken from a file. */
export type StageColumn = { name: string; type: string };

/** The rows of one batch, held in the form the session loads them. */
export type BatchRows = { add: (record: Record<string, unknown>) => void; readonly size: number };

export type BulkSession = {
  /** The database on the session's one connection, where its temporary tables live. Batch transactions run here. */
  db: Database;
  batchRows: number;
  /** Creates a temporary table that ends with the session. */
  createTable: (executor: Executor, name: string, definition: string) => Promise<void>;
  newBatch: (columns: readonly StageColumn[]) => BatchRows;
  /** Replaces the content of a staging table with a batch, inside `tx` (a transaction of `db`). */
  load: (tx: Executor, table: string, columns: readonly StageColumn[], rows: BatchRows) => Promise<void>;
  /**
   * COPY of ready COPY-text bytes into a table, on the session's connection (so inside a transaction open on `db`);
   * null on PGlite, which has no COPY FROM STDIN.
   */
  copy: CopyInto | null;
  release: () => Promise<void>;
};

export type CopyInto = (table: string, columns: readonly string[], chunks: Buffer[]) => Promise<void>;

/**
 * Rows per batch transaction. PostgreSQL: large, as COPY and sorted merges pay off per batch (1M events in 100k
 * batches 11.6 s, in one 8.5 s) while two batches of COPY text stay a few tens of MB. PGlite: small, as each merge
 * blocks the event loop while it runs.
 */
export const BATCH_ROWS = { postgres: 100_000, pglite: 5_000 } as const;

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A temporary table of the session, for use in merge statements. */
export function tableRef(name: string): SQL {
  return sql.raw(quoteIdent(name));
}

type Driver = Pick<BulkSession, 'db' | 'batchRows' | 'newBatch' | 'copy'> & {
  fill: (tx: Executor, table: string, columns: readonly StageColumn[], rows: BatchRows) => Promise<void>;
  /** Ends the session; `dropTables` is only needed where the connection outlives it. */
  end: (dropTables: () => Promise<void>) => Promise<void>;
};

class CopyRows implements BatchRows {
  readonly buffer = new CopyBuffer();
  private readonly names: string[];
  constructor(columns: readonly StageColumn[]) {
    this.names = columns.map((c) => c.name);
  }
  add(record: Record<string, unknown>): void {
    this.buffer.add(copyRecordLine(record, this.names));
  }
  get size(): number {
    return this.buffer.size;
  }
}

class RecordRows implements BatchRows {
  readonly records: Record<string, unknown>[] = [];
  add(record: Record<string, unknown>): void {
    this.records.push(record);
  }
  get size(): number {
    return this.records.length;
  }
}

async function postgresDriver(pool: { connect: () => Promise<PoolClient> }): Promise<Driver> {
  const [{ drizzle }, { from: copyFrom }] = await Promise.all([
    import('drizzle-orm/node-postgres'),
    import('pg-copy-streams'),
  ]);
  const connection = await pool.connect();
  const copy: CopyInto = async (table, columns, chunks) => {
    // COPY runs on the session's connection, which is the one the caller's transaction is open on.
    const statement = `copy ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) from stdin`;
    await pipeline(Readable.from(chunks), connection.query(copyFrom(statement)));
  };
  return {
    db: drizzle({ client: connection, schema }) as unknown as Database,
    batchRows: BATCH_ROWS.postgres,
    newBatch: (columns) => new CopyRows(columns),
    copy,
    fill: (_tx, table, columns, rows) =>
      copy(
        table,
        columns.map((c) => c.name),
        (rows as CopyRows).buffer.take(),
      ),
    // Closed, not returned to the pool: its temporary tables and any half-done COPY end with it.
    end: async () => connection.release(true),
  };
}

function pgliteDriver(db: Database): Driver {
  return {
    db,
    batchRows: BATCH_ROWS.pglite,
    newBatch: () => new RecordRows(),
    copy: null,
    fill: async (tx, table, columns, rows) => {
      const names = sql.raw(columns.map((c) => quoteIdent(c.name)).join(', '));
      const definition = sql.raw(columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', '));
      const json = JSON.stringify((rows as RecordRows).records);
      await tx.execute(
        sql`insert into ${tableRef(table)} (${names}) select ${names} from json_to_recordset(${json}::json) as src(${definition})`,
      );
    },
    end: (dropTables) => dropTables(),
  };
}

/**
 * One connection for a whole bulk write (an import, a seed), so that temporary staging tables persist across its
 * batch transactions and COPY runs inside them:
 * on PostgreSQL a client taken from the pool (batches arrive by COPY), on PGlite its single connection (batches
 * arrive as one JSON parameter per multi-row INSERT, as PGlite has no COPY FROM STDIN).
 */
export async function openBulkSession(db: Database): Promise<BulkSession> {
  const { Pool } = await import('pg');
  const client = (db as unknown as { $client: unknown }).$client;
  const driver = client instanceof Pool ? await postgresDriver(client) : pgliteDriver(db);
  const tables: string[] = [];
  const analyzed = new Set<string>();
  return {
    db: driver.db,
    batchRows: driver.batchRows,
    newBatch: driver.newBatch,
    copy: driver.copy,
    createTable: async (executor, name, definition) => {
      await executor.execute(sql.raw(`create temporary table ${quoteIdent(name)} (${definition})`));
      tables.push(name);
    },
    load: async (tx, table, columns, rows) => {
      await tx.execute(sql`truncate ${tableRef(table)}`);
      await driver.fill(tx, table, columns, rows);
      // Temporary tables are never auto-analyzed, and the merge joins the batch to large tables. Column statistics
      // of the first batch hold for the next ones (truncate keeps them; row counts come from the table's size).
      if (!analyzed.has(table)) {
        await tx.execute(sql`analyze ${tableRef(table)}`);
        analyzed.add(table);
      }
    },
    release: () =>
      driver.end(async () => {
        for (const name of tables) await driver.db.execute(sql`drop table if exists ${tableRef(name)}`);
      }),
  };
}
