import { spawnSync } from 'node:child_process';

/** Whether a psql client is on the PATH (the bare COPY reference needs one). */
export function psqlAvailable(): boolean {
  return spawnSync('psql', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Runs one psql meta-command or statement against `url` and returns its wall time in milliseconds. */
export function timePsql(url: string, command: string): number {
  const started = performance.now();
  const result = spawnSync('psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', command], { encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr.trim()}`);
  return elapsed;
}
