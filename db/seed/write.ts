import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import {
  activities,
  customerActivity,
  customers,
  events,
  feedback,
  lifecycleTransitions,
  loyaltyLedger,
  loyaltyTierChanges,
  orders,
  subscriptions,
  tasks,
  tickets,
} from '@/db/schema';
import { CHILD_TABLES, type ChildTable, type CustomerBundle } from './generate';
import type { SeedSink } from './sink';
import type { DemoUserKey } from './users';

/** PostgreSQL's limit on bind parameters per statement is 65,535; stay well under it and at <= 1,000 rows. */
const MAX_PARAMS = 60_000;
const MAX_ROWS = 1_000;

const CHILD_TARGETS: Record<ChildTable, PgTable> = {
  customerActivity,
  subscriptions,
  orders,
  events,
  tickets,
  feedback,
  activities,
  tasks,
  lifecycleTransitions,
  loyaltyLedger,
  loyaltyTierChanges,
};

/** The tables a seed writes customers' rows into. */
export const SEEDED_TABLES = [customers, ...Object.values(CHILD_TARGETS)].map((table) => getTableName(table));

/** Rows written, by SQL table name. */
export type WriteCounts = Record<string, number>;

/** Inserts rows in multi-row statements sized to the table's column count. */
export async function insertBatched(
  db: Executor,
  table: PgTable,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const perStatement = Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / Object.keys(getTableColumns(table as Table)).length));
  for (let i = 0; i < rows.length; i += perStatement) {
    await db.insert(table).values(rows.slice(i, i + perStatement) as never);
  }
}

/**
 * Writes customer bundles in rounds: the round's customers first, which gives their ids, then each child table with
 * those ids and the demo users' ids filled in. Runs inside the caller's transaction.
 */
export async function writeBundles(
  sink: SeedSink,
  bundles: Iterable<CustomerBundle>,
  userIds: Readonly<Record<DemoUserKey, number>>,
  onRound?: (customersWritten: number) => void,
): Promise<WriteCounts> {
  const counts: WriteCounts = Object.fromEntries(SEEDED_TABLES.map((name) => [name, 0]));
  let round: CustomerBundle[] = [];
  const flush = async () => {
    await writeRound(sink, round, userIds, counts);
    round = [];
    onRound?.(counts[getTableName(customers)]);
  };
  for (const bundle of bundles) {
    round.push(bundle);
    if (round.length === sink.customersPerRound) await flush();
  }
  if (round.length) await flush();
  return counts;
}

async function writeRound(
  sink: SeedSink,
  round: CustomerBundle[],
  userIds: Readonly<Record<DemoUserKey, number>>,
  counts: WriteCounts,
) {
  const ids = await sink.customers(
    round.map(({ customer: { ownerKey, ...customer } }) => ({ ...customer, ownerId: userIds[ownerKey] })),
  );
  counts[getTableName(customers)] += ids.length;

  for (const table of CHILD_TABLES) {
    const rows: Record<string, unknown>[] = [];
    round.forEach((bundle, i) => {
      for (const row of bundle[table]) rows.push({ ...resolveUsers(row, userIds), customerId: ids[i] });
    });
    await sink.rows(CHILD_TARGETS[table], rows);
    counts[getTableName(CHILD_TARGETS[table])] += rows.length;
  }
}

/** Swaps the generator's demo-user keys for database ids. */
function resolveUsers(row: object, userIds: Readonly<Record<DemoUserKey, number>>): Record<string, unknown> {
  if ('authorKey' in row) {
    const { authorKey, ...rest } = row as { authorKey: DemoUserKey };
    return { ...rest, authorId: userIds[authorKey] };
  }
  if ('assigneeKey' in row) {
    const { assigneeKey, createdByKey, ...rest } = row as {
      assigneeKey: DemoUserKey;
      createdByKey: DemoUserKey | null;
    };
    return {
      ...rest,
      assigneeId: userIds[assigneeKey],
      createdById: createdByKey === null ? null : userIds[createdByKey],
    };
  }
  return row as Record<string, unknown>;
}
