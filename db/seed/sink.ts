import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import type { CopyInto } from '@/db/copy/bulk-session';
import { copyTableRows } from '@/db/copy/table-copy';
import { queryRows } from '@/db/rows';
import { customers } from '@/db/schema';
import { insertBatched } from './write';

type CustomerRow = typeof customers.$inferInsert;

/** Where the seed's rows go: multi-row inserts (PGlite) or COPY (PostgreSQL). */
export type SeedSink = {
  /** Customers per round: a round's customers are written first, then its child rows table by table. */
  customersPerRound: number;
  /** Writes customers and returns their ids, in the order given. */
  customers: (rows: CustomerRow[]) => Promise<number[]>;
  rows: (table: PgTable, rows: readonly Record<string, unknown>[]) => Promise<void>;
};

export function insertSink(db: Executor): SeedSink {
  return {
    customersPerRound: 500,
    customers: async (rows) => {
      const inserted = await db
        .insert(customers)
        .values(rows)
        .returning({ id: customers.id, externalId: customers.externalId });
      const idOf = new Map(inserted.map((row) => [row.externalId, row.id]));
      return rows.map((row) => idOf.get(row.externalId!)!);
    },
    rows: (table, rows) => insertBatched(db, table, rows),
  };
}

/**
 * COPY in large rounds (a round of 5,000 customers is ~250k rows): ids of a round's customers are drawn from their
 * identity sequence in one statement, so that children can be written without reading customers back.
 */
export function copySink(db: Executor, copy: CopyInto): SeedSink {
  return {
    customersPerRound: 5_000,
    customers: async (rows) => {
      const ids = await queryRows<{ id: number }>(
        db,
        sql`select nextval(pg_get_serial_sequence('customers', 'id'))::int as id from generate_series(1, ${rows.length})`,
      );
      await copyTableRows(
        copy,
        customers,
        rows.map((row, i) => ({ ...row, id: ids[i].id })),
      );
      return ids.map((row) => row.id);
    },
    rows: (table, rows) => copyTableRows(copy, table, rows),
  };
}
