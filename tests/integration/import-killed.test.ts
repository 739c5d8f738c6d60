import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { markInterruptedJobs } from '@/server/imports/interrupted';
import { scratchCli, type ScratchCli } from '../helpers/cli';

const ROWS = 600_000;

// A separate process killed with SIGKILL while it imports: only a server the test can read meanwhile shows what it
// committed (PGlite's one connection is the killed process's until it dies).
describe.skipIf(!process.env.DATABASE_URL)('an import killed mid-file (needs PostgreSQL: set DATABASE_URL)', () => {
  let cli: ScratchCli;
  let db: pg.Client;
  beforeAll(async () => {
    cli = await scratchCli();
    db = new pg.Client({ connectionString: cli.databaseUrl! });
    await db.connect();
    await db.query(`insert into customers (external_id, name) values ('C-1', 'One')`);
  });
  afterAll(async () => {
    await db.end();
    await cli.dispose();
  });

  const one = async <T>(text: string): Promise<T> => (await db.query(text)).rows[0] as T;

  it('keeps its committed batches with the counts and an audit row for each, and a re-run finishes it', async () => {
    const file = path.join(cli.root, 'events.csv');
    const start = Date.UTC(2026, 0, 1);
    const lines = Array.from({ length: ROWS }, (_, i) => `C-1,usage,${new Date(start + i * 1000).toISOString()},${i}`);
    fs.writeFileSync(file, `customer_id,type,occurred_at,value\n${lines.join('\n')}\n`);

    const child = cli.start('import', 'events', file);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Killed as soon as a batch has committed, long before the file's end.
    const deadline = Date.now() + 120_000;
    while ((await one<{ n: number }>('select count(*)::int as n from events')).n === 0) {
      if (Date.now() > deadline) throw new Error('no batch committed in time');
      await sleep(20);
    }
    child.kill('SIGKILL');
    await exited;

    const events = (await one<{ n: number }>('select count(*)::int as n from events')).n;
    expect(events).toBeGreaterThan(0);
    expect(events).toBeLessThan(ROWS);
    const job = await one<{ id: number; status: string; rows_read: number; inserted: number; rejected: number }>(
      'select id, status, rows_read, inserted, rejected from import_jobs',
    );
    // Every row up to the last committed batch's end is counted, and nothing past it.
    expect(job).toMatchObject({ status: 'running', rows_read: events, inserted: events, rejected: 0 });
    const batches = (
      await db.query(`select after from audit_log where action = 'import.batch' and entity_id = $1 order by id`, [
        String(job.id),
      ])
    ).rows;
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.map((b) => b.after.batch)).toEqual(batches.map((_, i) => i + 1));
    expect(batches.reduce((sum, b) => sum + b.after.inserted, 0)).toBe(events);
    expect(batches.at(-1).after).toMatchObject({ kind: 'events', filename: 'events.csv', throughLine: events + 1 });

    // Once its heartbeat is old, the history shows it interrupted with what it committed; the file re-run finishes it.
    await db.query(`update import_jobs set heartbeat_at = now() - interval '1 hour' where id = $1`, [job.id]);
    const reader = await openDatabase({ driver: 'postgres', url: cli.databaseUrl! });
    try {
      await markInterruptedJobs(reader.db);
    } finally {
      await reader.close();
    }
    const killed = await one<{ status: string; message: string; rows_read: number; inserted: number }>(
      `select status, message, rows_read, inserted from import_jobs where id = ${job.id}`,
    );
    expect(killed).toMatchObject({
      status: 'failed',
      rows_read: events,
      inserted: events,
      message: expect.stringMatching(/^Interrupted/),
    });

    const rerun = cli.run('import', 'events', file, '--json');
    expect(rerun.status).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({
      rowsRead: ROWS,
      inserted: ROWS - events,
      unchanged: events,
      rejected: 0,
    });
    expect((await one<{ n: number }>('select count(*)::int as n from events')).n).toBe(ROWS);
  });
});
