import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '@/lib/project-root';

/** What `next build` reads: a build older than any of these is stale. */
const SOURCES = [
  'app',
  'components',
  'lib',
  'server',
  'db',
  'proxy.ts',
  'next.config.mjs',
  'package.json',
  'postcss.config.mjs',
];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** Reuses the production build when it is newer than every source file, otherwise runs `next build`. */
export function ensureBuild(log: (message: string) => void): 'reused' | 'built' {
  const root = projectRoot();
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const built = fs.statSync(buildId, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built > Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))))) return 'reused';
  log('next build ...');
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error('next build failed');
  return 'built';
}

export type RunningServer = { base: string; pid: number; stop: () => Promise<void> };

/** `next start` on `port` against `databaseUrl` (`nodeArgs`: flags for its Node process); resolves once /api/health answers. */
export async function startServer({
  port,
  databaseUrl,
  sqlLog,
  nodeArgs = [],
}: {
  port: number;
  databaseUrl: string;
  sqlLog?: string;
  nodeArgs?: string[];
}): Promise<RunningServer> {
  const root = projectRoot();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: 'holdfast-bench-session-secret-not-for-production',
    PORT: String(port),
  };
  delete env.HOLDFAST_SQL_LOG;
  if (sqlLog) env.HOLDFAST_SQL_LOG = sqlLog;
  // Node runs Next's own entry point, so that the pid is the server's (for its CPU time) and Node flags (--cpu-prof) apply.
  const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, next, 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, pid: child.pid!, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer on ${base} within 60 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** CPU seconds a process has used so far (user + system), from /proc; null where there is no /proc. */
export function cpuSeconds(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
