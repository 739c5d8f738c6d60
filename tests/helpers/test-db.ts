import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

/**
 * A fresh, migrated database per test file: a new PostgreSQL database on the server of DATABASE_URL when it is set
 * (dropped afterwards, so that runs never see each other's rows), otherwise an in-memory PGlite. `migrated: false`
 * leaves it empty, for tests of a migration.
 */
export async function createTestDatabase({ migrated = true } = {}): Promise<
  DatabaseHandle & { dispose: () => Promise<void> }
> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const handle = await openDatabase({ driver: 'pglite', dataDir: null });
    if (migrated) await migrateDatabase(handle);
    return { ...handle, dispose: handle.close };
  }
  const name = `holdfast_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ driver: 'postgres', url: url.toString() });
  if (migrated) await migrateDatabase(handle);
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
