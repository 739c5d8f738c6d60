// Playwright's web server: a fresh database for this run (PostgreSQL when reachable, else a new PGlite directory),
// migrated and seeded with known demo passwords, then the production build served by `next start`. The port and the
// database name are this run's own, chosen by playwright.config.ts; the database is dropped when Playwright stops
// the server.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  dropPostgresDatabase,
  freshPostgresDatabase,
  holdfast,
  nextBin,
  postgresReachable,
  root,
  run,
} from './lib.mjs';

const { E2E_PORT: port, E2E_DB_NAME: dbName } = process.env;
if (!port || !dbName)
  throw new Error('E2E_PORT or E2E_DB_NAME is not set: start the end-to-end tests with `npx playwright test`');
if (!/^[a-z_][a-z0-9_]*$/.test(dbName)) throw new Error(`E2E_DB_NAME must be a plain lower-case name, not ${dbName}`);
const password = process.env.E2E_PASSWORD ?? 'e2e-demo-password';
const env = {};
let cleanUp;

const pgUrl = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
if (pgUrl && (await postgresReachable(pgUrl)).ok) {
  env.DATABASE_URL = await freshPostgresDatabase(pgUrl, dbName);
  env.HOLDFAST_DATA_DIR = '';
  cleanUp = () => dropPostgresDatabase(pgUrl, dbName);
  console.log(`[e2e] database: fresh PostgreSQL database ${dbName}`);
} else {
  const dir = path.join(root, '.holdfast', `e2e-${dbName}`);
  fs.rmSync(dir, { recursive: true, force: true });
  env.DATABASE_URL = '';
  env.HOLDFAST_DATA_DIR = path.join(dir, 'pglite');
  cleanUp = async () => fs.rmSync(dir, { recursive: true, force: true });
  console.log(`[e2e] database: fresh PGlite at ${env.HOLDFAST_DATA_DIR}`);
}

try {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    await run(process.execPath, [nextBin(), 'build']);
  }
  await holdfast(['db', 'migrate'], { env });
  await holdfast(['seed', '--customers', '300', '--seed', '7', '--password', password], { env });
} catch (error) {
  await cleanUp();
  throw error;
}

const server = spawn(process.execPath, [nextBin(), 'start', '-p', port], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    ...env,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    NEXTAUTH_URL: `http://localhost:${port}`,
  },
});
const exited = new Promise((resolve) => server.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));

// Playwright stops the server with SIGTERM (playwright.config.ts): stop `next start`, then drop this run's database.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    server.kill('SIGTERM');
    await exited;
    await cleanUp().catch((error) => console.error(`[e2e] could not remove database ${dbName}: ${error.message}`));
    process.exit(0);
  });
}

const status = await exited;
if (!stopping) {
  await cleanUp().catch(() => {});
  process.exit(status);
}
