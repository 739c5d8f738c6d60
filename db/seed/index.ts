import { getTableName, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { openBulkSession, type CopyInto } from '@/db/copy/bulk-session';
import { deferIndexes } from '@/db/copy/deferred-indexes';
import { loyaltyTiers, users } from '@/db/schema';
import { writeAudit } from '@/server/audit';
import { systemActor } from '@/server/context';
import { HISTORY_MONTHS, generateCustomers, loyaltyTierRows, type GenerateOptions } from './generate';
import { hasWorkspaceData, truncateAll } from './reset';
import { addUtcMonths, formatUtcDate } from './time';
import { demoLogins, hashLogins, type DemoLogin, type DemoUserKey } from './users';
import { copySink, insertSink } from './sink';
import { SEEDED_TABLES, insertBatched, writeBundles } from './write';

export type SeedOptions = GenerateOptions & {
  /** Remove every row of every table first, in the same transaction. */
  reset?: boolean;
  /** On a database in use, do nothing and return null instead of refusing. */
  ifEmpty?: boolean;
  /** Password of every demo user; a random one per user when absent. */
  password?: string;
  onProgress?: (customersWritten: number, customersTotal: number) => void;
};

export type SeedSummary = {
  seed: number;
  asOf: string;
  customers: number;
  /** Rows written, by table. */
  counts: Record<string, number>;
  logins: DemoLogin[];
};

export class WorkspaceNotEmptyError extends Error {
  constructor() {
    super(
      'The database already has customers or users, so seeding was refused and nothing was changed. Use --reset to delete ALL existing data and seed again.',
    );
    this.name = 'WorkspaceNotEmptyError';
  }
}

/**
 * Fills an empty (or, with `reset`, emptied) database with the demo workspace in one transaction: demo users,
 * loyalty tiers, the generated customers with their history, and one audit row.
 */
export async function seedDatabase(db: Database, options: SeedOptions): Promise<SeedSummary | null> {
  // On PostgreSQL the rows go by COPY, on one connection that holds the transaction (a million customers in minutes).
  const session = await openBulkSession(db);
  try {
    const summary = await seedInTransaction(session.db, session.copy, options);
    // Fresh statistics for the planner now, rather than whenever autovacuum gets to millions of new rows.
    if (summary && session.copy) await session.db.execute(sql`analyze`);
    return summary;
  } finally {
    await session.release();
  }
}

async function seedInTransaction(
  db: Database,
  copy: CopyInto | null,
  options: SeedOptions,
): Promise<SeedSummary | null> {
  return db.transaction(async (tx) => {
    if (options.reset) await truncateAll(tx);
    else if (await hasWorkspaceData(tx)) {
      if (options.ifEmpty) return null;
      throw new WorkspaceNotEmptyError();
    }

    const logins = demoLogins(options.password);
    const hashes = await hashLogins(logins);
    // The team exists from the start of the history, so that nothing in it predates its authors.
    const since = new Date(addUtcMonths(options.asOf, -HISTORY_MONTHS));
    const created = await tx
      .insert(users)
      .values(
        logins.map((l) => ({
          email: l.email,
          name: l.name,
          role: l.role,
          passwordHash: hashes.get(l.password)!,
          createdAt: since,
          updatedAt: since,
        })),
      )
      .returning({ id: users.id, email: users.email });
    const userIds = Object.fromEntries(
      logins.map((l) => [l.key, created.find((u) => u.email === l.email)!.id]),
    ) as Record<DemoUserKey, number>;
    const tiers = loyaltyTierRows();
    await insertBatched(tx, loyaltyTiers, tiers);

    const sink = copy ? copySink(tx, copy) : insertSink(tx);
    const rebuildIndexes = copy ? await deferIndexes(tx, SEEDED_TABLES) : null;
    // The seed writes each customer's activity row with the customer, so the trigger that adds an empty one is off
    // meanwhile (for this transaction: it rolls back with a failed seed).
    await tx.execute(sql`alter table customers disable trigger customers_insert_activity`);
    const written = await writeBundles(sink, generateCustomers(options), userIds, (done) =>
      options.onProgress?.(done, options.customers),
    );
    await tx.execute(sql`alter table customers enable trigger customers_insert_activity`);
    await rebuildIndexes?.();
    const counts = { [getTableName(users)]: created.length, [getTableName(loyaltyTiers)]: tiers.length, ...written };
    await writeAudit(tx, systemActor('cli'), { action: 'seed.run', entityType: 'workspace', after: counts });
    return { seed: options.seed, asOf: formatUtcDate(options.asOf), customers: options.customers, counts, logins };
  });
}
