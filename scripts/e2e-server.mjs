// Playwright's web server: a fresh database for this run (PostgreSQL when reachable, else a new PGlite directory),
// migrated and seeded with known demo passwords, then the production build served by `next start`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { freshPostgresDatabase, holdfast, nextBin, postgresReachable, root, run } from './lib.mjs';

const port = process.env.E2E_PORT ?? '3100';
const password = process.env.E2E_PASSWORD ?? 'e2e-demo-password';
// Several checkouts on one machine each run their browser tests against a database of their own.
const dbName = process.env.E2E_DB_NAME ?? 'holdfast_e2e';
const env = {};

const pgUrl = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
if (pgUrl && (await postgresReachable(pgUrl)).ok) {
  env.DATABASE_URL = await freshPostgresDatabase(pgUrl, dbName);
  env.HOLDFAST_DATA_DIR = '';
  console.log(`[e2e] database: fresh PostgreSQL database ${dbName}`);
} else {
  const dir = path.join(root, '.holdfast', 'e2e');
  fs.rmSync(dir, { recursive: true, force: true });
  env.DATABASE_URL = '';
  env.HOLDFAST_DATA_DIR = path.join(dir, 'pglite');
  console.log(`[e2e] database: fresh PGlite at ${env.HOLDFAST_DATA_DIR}`);
}

if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  await run(process.execPath, [nextBin(), 'build']);
}
await holdfast(['db', 'migrate'], { env });
await holdfast(['seed', '--customers', '300', '--seed', '7', '--password', password], { env });

const server = await run(process.execPath, [nextBin(), 'start', '-p', port], {
  env: {
    ...env,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    NEXTAUTH_URL: `http://localhost:${port}`,
  },
  allowFailure: true,
});
process.exit(server);
