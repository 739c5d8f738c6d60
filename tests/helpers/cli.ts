import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from './test-db';

const repo = path.resolve(import.meta.dirname, '../..');

export type ScratchCli = {
  root: string;
  run: (...args: string[]) => { status: number | null; stdout: string; stderr: string };
  /**
   * Starts the command without waiting, as the process that does the work: bin/holdfast.mjs launches the CLI as a
   * child and cannot pass on a SIGKILL, so a test that kills a command mid-run starts it this way.
   */
  start: (...args: string[]) => ChildProcess;
  /** The PostgreSQL database the command uses; null on PGlite. */
  databaseUrl: string | null;
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
  const env =
    postgres?.config.driver === 'postgres'
      ? { ...process.env, HOLDFAST_ROOT: root, DATABASE_URL: postgres.config.url }
      : { ...process.env, HOLDFAST_ROOT: root, DATABASE_URL: '', HOLDFAST_DATA_DIR: path.join(root, 'pglite') };
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [path.join(repo, 'bin', 'holdfast.mjs'), ...args], {
      encoding: 'utf8',
      env,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const start = (...args: string[]) =>
    spawn(
      process.execPath,
      ['--conditions=react-server', '--import', tsx, path.join(repo, 'cli', 'main.ts'), ...args],
      { env, stdio: 'ignore' },
    );
  if (!postgres && run('db', 'migrate').status !== 0) throw new Error('migrating the scratch database failed');
  return {
    root,
    run,
    start,
    databaseUrl: postgres?.config.driver === 'postgres' ? postgres.config.url : null,
    dispose: async () => {
      await postgres?.dispose();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
