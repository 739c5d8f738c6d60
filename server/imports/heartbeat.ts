import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { importJobs } from '@/db/schema';

/** How often a running import records that its runner is alive. */
export const HEARTBEAT_MS = 10_000;

// The jobs this process runs. A heartbeat can be late here without the runner being gone: on PGlite one long query
// blocks the event loop, timers included. On globalThis so that every bundle of the server sees the same set.
const store = globalThis as unknown as { holdfastImportsRunHere?: Set<number> };
const runHere = (store.holdfastImportsRunHere ??= new Set());

/** Ids of the import jobs running in this process. */
export function jobsRunningHere(): number[] {
  return [...runHere];
}

/**
 * Keeps the job's heartbeat fresh until the returned stop is called. A beat that fails is not retried: a missed beat
 * can only make a reader think the runner is gone sooner, never hide that it is.
 */
export function startHeartbeat(db: Executor, jobId: number): () => void {
  runHere.add(jobId);
  const beat = () =>
    db
      .update(importJobs)
      .set({ heartbeatAt: sql`now()` })
      .where(and(eq(importJobs.id, jobId), eq(importJobs.status, 'running')))
      .catch(() => undefined);
  const timer = setInterval(beat, HEARTBEAT_MS);
  // A heartbeat alone must not keep a finished CLI process alive.
  timer.unref();
  return () => {
    clearInterval(timer);
    runHere.delete(jobId);
  };
}
