import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import { auditLog, customers, events, importJobs } from '@/db/schema';
import { BATCH_ROWS } from '@/db/copy/bulk-session';
import { FIRST_BATCH_ROWS } from '@/db/import/pipeline';
import { runImport } from '@/server/services/imports';
import { lastActivityOf } from '../helpers/last-activity';
import { createTestDatabase } from '../helpers/test-db';
import { actorOf, makeUser } from '../helpers/factories';
import type { ServiceContext } from '@/server/context';

// The events merge fails on its second batch, as a crash or a lost connection would mid-import.
const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('@/db/import/writers', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/db/import/writers')>();
  const events = original.WRITERS.events;
  return {
    WRITERS: {
      ...original.WRITERS,
      events: {
        ...events,
        merge: async (...args: Parameters<typeof events.merge>) => {
          calls.n++;
          const counts = await events.merge(...args);
          if (calls.n === 2) throw new Error('connection lost');
          return counts;
        },
      },
    },
  };
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-interrupted-'));
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: ServiceContext;
beforeAll(async () => {
  handle = await createTestDatabase();
  admin = { db: handle.db, actor: actorOf(await makeUser(handle.db, 'admin')) };
  await handle.db.insert(customers).values({ externalId: 'C-1', name: 'One' });
});
afterAll(async () => {
  await handle.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('an interrupted import', () => {
  it('keeps the batches that committed with their last activity, leaves nothing of the failed one, and records the job as failed', async () => {
    const batchRows = BATCH_ROWS[handle.config.driver];
    // Only the first batch commits; it is the smaller one.
    const committed = Math.min(FIRST_BATCH_ROWS, batchRows);
    const lines = ['customer_id,type,occurred_at,value'];
    for (let i = 0; i < committed + 1.4 * batchRows; i++)
      lines.push(`C-1,usage,${new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()},${i}`);
    const filePath = path.join(dir, 'events.csv');
    fs.writeFileSync(filePath, `${lines.join('\n')}\n`);

    await expect(
      runImport({
        ctx: admin,
        input: {
          kind: 'events',
          filePath,
          filename: 'events.csv',
          options: { map: {}, locale: 'en', asOf: new Date(), createMissingCustomers: false, dryRun: false },
        },
      }),
    ).rejects.toThrow('connection lost');

    const [{ n }] = await handle.db.select({ n: count() }).from(events);
    expect(n).toBe(committed);
    const [job] = await handle.db.select().from(importJobs).where(eq(importJobs.filename, 'events.csv'));
    expect(job).toMatchObject({ status: 'failed', inserted: committed });
    expect(job.message).toMatch(/committed batches are kept/);
    // The audit trail has the committed batch (written in its transaction), none of the failed one, then the outcome.
    const audit = await handle.db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.entityId, String(job.id)))
      .orderBy(asc(auditLog.id));
    expect(audit).toEqual([
      {
        action: 'import.batch',
        after: {
          kind: 'events',
          filename: 'events.csv',
          batch: 1,
          throughLine: committed + 1,
          rows: committed,
          inserted: committed,
          updated: 0,
          unchanged: 0,
          rejected: 0,
        },
      },
      { action: 'import.run', after: expect.objectContaining({ status: 'failed', inserted: committed }) },
    ]);
    // Last activity follows the committed batch even though the import stopped.
    expect(await lastActivityOf(handle.db, 'C-1')).toEqual(new Date(Date.UTC(2026, 0, 1) + (committed - 1) * 60_000));
  });
});
