import path from 'node:path';
import { projectRoot } from '@/lib/project-root';

export type DatabaseConfig =
  | { driver: 'postgres'; url: string }
  /** dataDir null = in-memory (tests only). */
  | { driver: 'pglite'; dataDir: string | null };

export const MEMORY_DATA_DIR = 'memory://';

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { driver: 'postgres', url };
  const dir = env.HOLDFAST_DATA_DIR?.trim();
  if (dir === MEMORY_DATA_DIR) return { driver: 'pglite', dataDir: null };
  return { driver: 'pglite', dataDir: path.resolve(projectRoot(), dir || '.holdfast/pglite') };
}

/** Where a config points, for messages and /api/health; never includes a password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.driver === 'pglite')
    return config.dataDir ? `embedded PGlite at ${config.dataDir}` : 'embedded PGlite in memory';
  try {
    const u = new URL(config.url);
    return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}
