import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { importJobs } from '@/db/schema';
import { jobsRunningHere, startHeartbeat } from '@/server/imports/heartbeat';
import { INTERRUPTED_MESSAGE, STALE_AFTER_MS } from '@/server/imports/interrupted';
import { getImportJob, listImportJobs } from '@/server/queries/import-jobs';
import { runImport } from '@/server/services/imports';
import type { ServiceContext } from '@/server/context';
import { actorOf, makeUser } from '../helpers/factories';
import { createTestDatabase } from '../helpers/test-db';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-stale-jobs-'));
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: ServiceContext;
beforeAll(async () => {
  handle = await createTestDatabase();
  admin = { db: handle.db, actor: actorOf(await makeUser(handle.db, 'admin')) };
});
afterAll(async () => {
  await handle.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A job row as a runner leaves it, its last heartbeat `ago` ms before now. */
async function runningJob(filename: string, ago: number): Promise<number> {
  const at = new Date(Date.now() - ago);
  const [job] = await handle.db
    .insert(importJobs)
    .values({ kind: 'events', filename, status: 'running', inserted: 5_000, startedAt: at, heartbeatAt: at })
    .returning({ id: importJobs.id });
  return job.id;
}

const statusOf = async (id: number) => (await getImportJob({ ctx: admin, input: { jobId: id } })).status;

describe('an import whose runner stopped (a server restart, a killed CLI)', () => {
  it('is shown failed with what to do once its heartbeat is stale, keeping its counts; a live one stays running', async () => {
    const gone = await runningJob('gone.csv', STALE_AFTER_MS + 60_000);
    const live = await runningJob('live.csv', 1_000);

    const { jobs } = await listImportJobs({ ctx: admin, query: {} });
    const byName = Object.fromEntries(jobs.map((j) => [j.filename, j]));
    expect(byName['gone.csv']).toMatchObject({ status: 'failed', message: INTERRUPTED_MESSAGE, inserted: 5_000 });
    // It stopped at its last sign of life, not when someone looked.
    const [row] = await handle.db.select().from(importJobs).where(eq(importJobs.id, gone));
    expect(row.finishedAt).toEqual(row.heartbeatAt);
    expect(byName['live.csv']).toMatchObject({ status: 'running', message: null });
    expect(await statusOf(live)).toBe('running');
  });

  it('is told apart by the job page and its status route too', async () => {
    const gone = await runningJob('gone-2.csv', STALE_AFTER_MS + 1_000);
    expect(await getImportJob({ ctx: admin, input: { jobId: gone } })).toMatchObject({
      status: 'failed',
      message: INTERRUPTED_MESSAGE,
    });
  });

  it('never marks a job this process runs, however late its heartbeat (PGlite blocks timers during a long query)', async () => {
    const mine = await runningJob('mine.csv', STALE_AFTER_MS + 60_000);
    const stop = startHeartbeat(handle.db, mine);
    expect(await statusOf(mine)).toBe('running');
    stop();
    expect(await statusOf(mine)).toBe('failed');
  });

  it('is not what a finished import looks like: a run stops its heartbeat and records its own outcome', async () => {
    const filePath = path.join(dir, 'events.csv');
    fs.writeFileSync(filePath, 'customer_id,type,occurred_at\nNOBODY,login,2026-01-01\n');
    const summary = await runImport({
      ctx: admin,
      input: {
        kind: 'events',
        filePath,
        filename: 'events.csv',
        options: { map: {}, locale: 'en', asOf: new Date(), createMissingCustomers: false, dryRun: false },
      },
    });
    expect(jobsRunningHere()).toEqual([]);
    expect(await getImportJob({ ctx: admin, input: { jobId: summary.jobId } })).toMatchObject({
      status: 'succeeded',
      message: null,
    });
  });
});
