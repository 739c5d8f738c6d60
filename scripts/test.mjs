// `npm test`: every test the project has, in order — unit, integration on embedded PGlite, integration on real
// PostgreSQL (when reachable), then browser end-to-end in Chromium against a production build.
// Ends with one "N passed, N failed" line over all suites, where a file or suite that crashed or never ran counts as
// failed, and lists every skipped test (scripts/test-summary.ts). Run with tsx (package.json) for that module.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nextBin, postgresReachable, root, run } from './lib.mjs';
import { countsLine, fromPlaywright, fromVitest, notRun, suiteLines, withExitStatus } from './test-summary.ts';

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
const ci = process.env.CI === 'true' || process.env.CI === '1';
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
let failedSuites = 0;

function record(name, result, status) {
  const counted = withExitStatus(result, status);
  if (status !== 0 || counted.failed > 0) failedSuites++;
  totals.passed += counted.passed;
  totals.failed += counted.failed;
  totals.skipped += counted.skipped;
  summary.push(...suiteLines(name, counted));
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

async function vitest(name, project, env) {
  console.log(`\n=== ${name} ===`);
  const out = path.join(outDir, `${name.replace(/\W+/g, '-')}.json`);
  const status = await run(
    process.execPath,
    [
      path.join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ],
    { env, allowFailure: true },
  );
  record(name, fromVitest(readJson(out), root), status);
}

function chromiumPath() {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return fs.existsSync(candidate) ? candidate : null;
}

await vitest('unit', 'unit', {});
await vitest('integration (PGlite)', 'integration', { DATABASE_URL: '' });

const pgUrl = process.env.DATABASE_URL || DEFAULT_PG;
const pg = await postgresReachable(pgUrl);
if (pg.ok) {
  await vitest('integration (PostgreSQL)', 'integration', { DATABASE_URL: pgUrl });
} else if (process.env.DATABASE_URL || ci) {
  console.error(`\nPostgreSQL at ${pgUrl} is not reachable: ${pg.reason}`);
  record('integration (PostgreSQL)', notRun(`PostgreSQL at ${pgUrl} is not reachable: ${pg.reason}`), 1);
} else {
  console.log(
    `\n=== integration (PostgreSQL) === skipped: no server at ${pgUrl} (${pg.reason}). Set DATABASE_URL to run it.`,
  );
  summary.push('  integration (PostgreSQL): skipped (no PostgreSQL reachable)');
}

console.log('\n=== end-to-end (Chromium) ===');
if (!chromiumPath()) {
  const message =
    'Chromium not found at /usr/bin/chromium (set CHROMIUM_PATH). Install it with `apt-get install -y chromium`.';
  if (ci) {
    console.error(message);
    record('end-to-end', notRun(message), 1);
  } else {
    console.log(`skipped: ${message}`);
    summary.push('  end-to-end: skipped (no Chromium)');
  }
} else {
  const build = await run(process.execPath, [nextBin(), 'build'], { allowFailure: true });
  if (build !== 0) {
    record('end-to-end', notRun('next build failed (see its output above)'), build);
  } else {
    const out = path.join(outDir, 'e2e.json');
    const env = { PLAYWRIGHT_JSON_OUTPUT_NAME: out, E2E_DATABASE_URL: pg.ok ? pgUrl : '' };
    const status = await run(
      process.execPath,
      [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', '--reporter=list,json'],
      {
        env,
        allowFailure: true,
      },
    );
    record('end-to-end', fromPlaywright(readJson(out)), status);
  }
}

fs.rmSync(outDir, { recursive: true, force: true });
console.log('\nTest summary');
console.log(summary.join('\n'));
console.log(`total: ${countsLine(totals)}`);
process.exit(failedSuites > 0 ? 1 : 0);
