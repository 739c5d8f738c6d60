import os from 'node:os';
import type { Database } from '@/db/client';
import { queryRows } from '@/db/rows';
import { sql } from 'drizzle-orm';

/** What the figures were measured on: they mean nothing without it. */
export async function machineFacts(db: Database): Promise<Record<string, string | number>> {
  const [pg] = await queryRows<{ version: string; shared_buffers: string; work_mem: string }>(
    db,
    sql`select version() as version, current_setting('shared_buffers') as shared_buffers, current_setting('work_mem') as work_mem`,
  );
  return {
    cpu: `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown'}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: pg.version.split(' on ')[0],
    'postgres shared_buffers / work_mem': `${pg.shared_buffers} / ${pg.work_mem}`,
  };
}
