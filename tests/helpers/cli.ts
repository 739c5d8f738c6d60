import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from './test-db';

const repo = path.resolve(import.meta.dirname, '../..');

export type ScratchCli = {
  root: string;
  run: (...args: string[]) => { status: number | null; stdout: string; stderr: string };
  dispose: () => Promise<void>;
};

/**
 * The real `holdfast` command against a migrated database of its own, with HOLDFAST_ROOT at a scratch directory so
 * that files it writes (demo logins, import error reports) land there and not in the checkout (drizzle/ is linked
 * in for the migrations): a fresh PostgreSQL database when the run targets PostgreSQL, otherwise embedded PGlite.
 */
export async function scratchCli(): Promise<ScratchCli> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-cli-'));
  fs.symlinkSync(path.join(repo, 'drizzle'), path.join(root, 'drizzle'));
  const postgres = process.env.DATABASE_URL ? await createTestDatabase() : null;
  if (postgres && postgres.config.driver !== 'postgres') throw new Error('expected a PostgreSQL test database');
  const env = postgres?.config.driver === 'postgres'
    ? { ...process.env, HOLDFAST_ROOT: root, DATABASE_URL: postgres.config.url }
    : { ...process.env, HOLDFAST_ROOT: root, DATABASE_URL: '', HOLDFAST_DATA_DIR: path.join(root, 'pglite') };
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [path.join(repo, 'bin', 'holdfast.mjs'), ...args], { encoding: 'utf8', env });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  if (!postgres && run('db', 'migrate').status !== 0) throw new Error('migrating the scratch database failed');
  return {
    root,
    run,
    dispose: async () => {
      await postgres?.dispose();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
