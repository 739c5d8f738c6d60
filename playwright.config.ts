import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import { defineConfig } from '@playwright/test';

/** A port nothing listens on now, asked of the system (this file is read synchronously). */
function freePort(): string {
  const probe =
    "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })";
  return execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim();
}

// Each run has a port and a database of its own (dropped at the end) unless E2E_PORT / E2E_DB_NAME name them, so
// that two checkouts, or two runs, on one machine never meet. Kept in the environment: the test workers read this
// file again and must find the same values, and the web server reads them from there.
process.env.E2E_PORT ||= freePort();
process.env.E2E_DB_NAME ||= `holdfast_e2e_${crypto.randomBytes(4).toString('hex')}`;
const port = Number(process.env.E2E_PORT);

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // The distribution's Chromium, not a browser Playwright downloads (README: `npm test`).
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // A fresh database of this run's own (PostgreSQL when reachable, else a new PGlite dir), migrated and seeded,
    // then `next start`; SIGTERM at the end lets the script drop that database.
    command: `node scripts/e2e-server.mjs`,
    url: `http://localhost:${port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    env: { E2E_PORT: String(port), E2E_DB_NAME: process.env.E2E_DB_NAME },
  },
});
