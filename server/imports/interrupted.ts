import 'server-only';
import { and, eq, lt, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { importJobs } from '@/db/schema';
import { HEARTBEAT_MS, jobsRunningHere } from './heartbeat';

/** A running job without a heartbeat for this long has lost its runner: many missed beats, not one slow one. */
export const STALE_AFTER_MS = 12 * HEARTBEAT_MS;

const lastSignOfLife = sql`coalesce(${importJobs.heartbeatAt}, ${importJobs.startedAt}, ${importJobs.createdAt})`;

export const INTERRUPTED_MESSAGE =
  'Interrupted: the server or command running this import stopped while it ran. Rows of the batches that committed are kept; re-run the file to finish (imports are idempotent).';

/**
 * Marks as failed the running jobs whose runner is gone (a restart, a crash, a killed CLI), so that no job shows
 * "running" forever; their last heartbeat is when they stopped. Jobs this process runs are left alone whatever their
 * heartbeat says. Run by the readers of jobs, so that it needs no process of its own and works on either driver.
 */
export async function markInterruptedJobs(db: Executor): Promise<void> {
  const here = jobsRunningHere();
  await db
    .update(importJobs)
    .set({ status: 'failed', message: INTERRUPTED_MESSAGE, finishedAt: lastSignOfLife })
    .where(
      and(
        eq(importJobs.status, 'running'),
        lt(lastSignOfLife, sql`now() - make_interval(secs => ${STALE_AFTER_MS / 1000})`),
        here.length ? notInArray(importJobs.id, here) : undefined,
      ),
    );
}
