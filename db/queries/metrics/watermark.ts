import { sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { queryRows } from '@/db/rows';

/** Held shared until its transaction ends by every statement that may append to metric_changes (migration 0012). */
export const CHANGE_LOG_LOCK = 7_326_412;

const ATTEMPTS = 20;
const PAUSE_MS = 5;

/**
 * The last id the change log handed out (0: none yet). A sequence read: it costs the same however many rows the log
 * holds or once held (a server without autovacuum keeps every deleted one).
 */
export async function lastLoggedChange(db: Executor): Promise<number> {
  const [row] = await queryRows<{ last: string }>(
    db,
    sql`select (case when is_called then last_value else 0 end)::text as last from metric_changes_id_seq`,
  );
  return Number(row.last);
}

/**
 * The id up to which every logged change is settled (committed or rolled back), so that a refresh that then takes
 * the log can record it as applied: the log's last id, read while holding the change-log lock exclusively, which no
 * writer holds. Writers wait for that instant only; if writers keep the lock throughout (a long import batch), null:
 * the refresh still applies what it takes, and a later one records how far it got.
 */
export async function settledWatermark(db: Executor): Promise<number | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [lock] = await queryRows<{ taken: boolean }>(
      db,
      sql`select pg_try_advisory_lock(${CHANGE_LOG_LOCK}) as taken`,
    );
    if (lock.taken) {
      try {
        return await lastLoggedChange(db);
      } finally {
        await db.execute(sql`select pg_advisory_unlock(${CHANGE_LOG_LOCK})`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  return null;
}

function lockTimedOut(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error;
  return (cause as { code?: string })?.code === '55P03';
}

/**
 * Empties the change log's table once a refresh has taken every row, so that its deleted rows do not pile up where
 * autovacuum is off (TRUNCATE frees the pages at once, whatever older snapshots exist). It waits at most a moment
 * for writers; if they are busy, or rows arrived meanwhile, the next refresh tries again.
 */
export async function compactChangeLog(db: Database): Promise<boolean> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`set local lock_timeout = '50ms'`);
      await tx.execute(sql`lock table metric_changes in access exclusive mode`);
      const [row] = await queryRows<{ any: boolean }>(tx, sql`select exists (select 1 from metric_changes) as any`);
      if (row.any) return false;
      await tx.execute(sql`truncate metric_changes`);
      return true;
    });
  } catch (error) {
    if (lockTimedOut(error)) return false;
    throw error;
  }
}
