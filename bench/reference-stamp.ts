import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from '@/lib/project-root';

/**
 * What the reference database was built from: the seed's volume and a hash of the seed generator's source. A reused
 * database whose stamp differs (another volume, or a seed changed since it was built) is rebuilt, so that figures are
 * never measured on data an older seed made.
 */
export type ReferenceStamp = { customers: number; seed: string };

/** Hash of every file of the seed generator (db/seed), in path order. */
export function seedSourceHash(root = projectRoot()): string {
  const dir = path.join(root, 'db', 'seed');
  const hash = createHash('sha256');
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(fs.readFileSync(path.join(dir, file)))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

export const sameStamp = (a: ReferenceStamp | null, b: ReferenceStamp) =>
  a !== null && a.customers === b.customers && a.seed === b.seed;

// The stamp is the database's comment: it lives and dies with the database and needs no table in the app's schema.
export async function readStamp(client: pg.Client, database: string): Promise<ReferenceStamp | null> {
  const { rows } = await client.query<{ comment: string | null }>(
    `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
    [database],
  );
  try {
    const parsed = JSON.parse(rows[0]?.comment ?? 'null') as Partial<ReferenceStamp> | null;
    return parsed && typeof parsed.customers === 'number' && typeof parsed.seed === 'string'
      ? { customers: parsed.customers, seed: parsed.seed }
      : null;
  } catch {
    return null;
  }
}

/** `database` is a code-checked identifier (bench/main.ts); the stamp is JSON of a number and a hex string. */
export async function writeStamp(client: pg.Client, database: string, stamp: ReferenceStamp): Promise<void> {
  await client.query(`comment on database ${database} is '${JSON.stringify(stamp)}'`);
}
