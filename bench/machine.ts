import os from 'node:os';
import type pg from 'pg';
import { POSTGRES_SESSION_OPTIONS } from '@/db/client';

/** What the figures were measured on: they mean nothing without it. */
export function machineFacts(): Record<string, string | number> {
  return {
    cpu: `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown'}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    'load average at the start (1 / 5 / 15 min)': loadAverage()
      .map((x) => x.toFixed(2))
      .join(' / '),
  };
}

export const loadAverage = () => os.loadavg();

/** The server settings that move these figures most. */
const SETTINGS = [
  'shared_buffers',
  'effective_cache_size',
  'work_mem',
  'maintenance_work_mem',
  'random_page_cost',
  'max_parallel_workers_per_gather',
  'autovacuum',
  'jit',
];

/** The server's settings as a plain connection sees them (`client` has no session options of its own). */
export async function postgresSettings(client: pg.Client): Promise<Record<string, string>> {
  const {
    rows: [{ version }],
  } = await client.query<{ version: string }>('select version() as version');
  const { rows } = await client.query<{ name: string; setting: string }>(
    'select name, current_setting(name) as setting from unnest($1::text[]) as s(name)',
    [SETTINGS],
  );
  const settings: Record<string, string> = { version: version.split(' on ')[0] };
  for (const row of rows) settings[row.name] = row.setting;
  settings.jit += ` (the app's connections, and the floors', set \`${POSTGRES_SESSION_OPTIONS}\`)`;
  return settings;
}
