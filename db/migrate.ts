import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { projectRoot } from '@/lib/project-root';
import type { DatabaseHandle } from './client';
import { queryRows } from './rows';

export function migrationsFolder(): string {
  return path.join(projectRoot(), 'drizzle');
}

/** Applies the migrations not applied yet; `folder` lets a test stop at an older schema. */
export async function migrateDatabase(
  handle: DatabaseHandle,
  migrationsFolderPath = migrationsFolder(),
): Promise<void> {
  if (handle.config.driver === 'postgres') {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(handle.db as never, { migrationsFolder: migrationsFolderPath });
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder: migrationsFolderPath });
  }
}

export type MigrationStatus = { expected: number; applied: number; current: boolean; latest: string | null };

type Journal = { entries: { tag: string; when: number }[] };

/** Compares the committed migration journal with what drizzle recorded in the database. */
export async function migrationStatus(handle: DatabaseHandle): Promise<MigrationStatus> {
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  const last = journal.entries.at(-1) ?? null;
  let applied = 0;
  let lastAppliedAt = 0;
  try {
    const [row] = await queryRows<{ applied: number; last: string | number }>(
      handle.db,
      sql`select count(*)::int as applied, coalesce(max(created_at), 0)::bigint as last from drizzle.__drizzle_migrations`,
    );
    applied = Number(row.applied);
    lastAppliedAt = Number(row.last);
  } catch {
    // No migrations table yet: nothing applied.
  }
  return {
    expected: journal.entries.length,
    applied,
    current: last ? lastAppliedAt >= last.when : true,
    latest: last?.tag ?? null,
  };
}
