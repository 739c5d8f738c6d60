import fs from 'node:fs';
import os from 'node:os';

type Holder = { pid: number; host: string; command: string; since: string };

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: Holder,
  ) {
    super(
      `The embedded database at ${dataDir} is in use by process ${holder.pid} (${holder.command}) since ${holder.since}. ` +
        'PGlite allows one process per data directory: stop that process first, or point DATABASE_URL at PostgreSQL.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockPath: string): Holder | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Holder;
  } catch {
    return null;
  }
}

/**
 * PGlite has no inter-process locking: two processes on one data directory silently lose writes (docs/data-model.md).
 * A lock file created with O_EXCL names the holder; a lock left by a dead process on this host is taken over.
 * Returns a release function; the lock is also released when the process exits.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  const me: Holder = {
    pid: process.pid,
    host: os.hostname(),
    command: process.argv.slice(1, 4).join(' ') || 'node',
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
      const release = () => {
        const holder = readHolder(lockPath);
        if (holder?.pid === process.pid) fs.rmSync(lockPath, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (holder && holder.pid === process.pid) return () => {};
      if (holder && (holder.host !== me.host || isAlive(holder.pid))) throw new DataDirLockedError(dataDir, holder);
      // Stale (holder died) or half-written: remove and try again.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}
