import 'server-only';
import type { ImportProgress } from '@/db/import/pipeline';
import { RuleError } from '../errors';

type CurrentRun = {
  /** Null between the claim and the job row's insert. */
  jobId: number | null;
  progress: ImportProgress;
  /** Settles when the import ends, however it ends. */
  finished: Promise<void>;
};

// One import at a time per server: imports are heavy on a small machine, and two merging the same customers at once
// would only wait on each other's locks. On globalThis so that every bundle of the server (actions, route handlers)
// and dev-mode reloads see the same run.
const store = globalThis as unknown as { holdfastImportRun?: CurrentRun | null };

/**
 * Claims the server's import slot for a run that `start` begins; throws while another one is going. Check and claim
 * happen in one synchronous step, so two requests racing cannot both get the slot.
 */
export function claimImportSlot(
  totalBytes: number,
  start: (run: { started: (jobId: number) => void; progressed: (p: ImportProgress) => void }) => Promise<unknown>,
): void {
  const current = store.holdfastImportRun;
  if (current) {
    throw new RuleError(
      current.jobId
        ? `Import #${current.jobId} is still running; start this one when it has finished.`
        : 'Another import is starting; try again in a moment.',
    );
  }
  const run: CurrentRun = {
    jobId: null,
    progress: { rowsRead: 0, bytesRead: 0, totalBytes },
    finished: Promise.resolve(),
  };
  store.holdfastImportRun = run;
  const release = () => {
    if (store.holdfastImportRun === run) store.holdfastImportRun = null;
  };
  try {
    run.finished = start({
      started: (jobId) => (run.jobId = jobId),
      progressed: (progress) => (run.progress = progress),
    }).then(release, release);
  } catch (error) {
    release();
    throw error;
  }
}

/** Rows and bytes read so far by a job running in this server process; null for any other job. */
export function liveProgress(jobId: number): ImportProgress | null {
  const run = store.holdfastImportRun;
  return run?.jobId === jobId ? { ...run.progress } : null;
}

/** Settles once the job running in this process (if it is this one) has ended: for tests and graceful waits. */
export function importFinished(jobId: number): Promise<void> {
  const run = store.holdfastImportRun;
  return run?.jobId === jobId ? run.finished : Promise.resolve();
}
