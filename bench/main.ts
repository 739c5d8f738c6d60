// `npm run bench`: measures Holdfast against its speed targets (docs/bench/README.md) on real PostgreSQL and writes bench/results/report.{md,json}.
//   npm run bench [-- --customers N] [-- --small] [-- --rebuild]
// The reference database (holdfast_bench, seeded at the chosen volume) is built once and reused while its volume
// and seed match (a stamp on the database); other bench databases are recreated on every run.
import fs from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { sql } from 'drizzle-orm';
import { SingleBar } from 'cli-progress';
import { refreshRollups } from '@/db/queries/metrics/refresh';
import { seedDatabase } from '@/db/seed';
import { SEEDED_TABLES } from '@/db/seed/write';
import { projectRoot } from '@/lib/project-root';
import type { BenchContext, BenchOptions } from './context';
import { admin, databaseExists, databaseUrl, freshDatabase, openExisting, tableCounts } from './databases';
import { openBareClient, StatementRecorder } from './floor';
import { loadAverage, machineFacts, postgresSettings } from './machine';
import { readStamp, sameStamp, seedSourceHash, writeStamp, type ReferenceStamp } from './reference-stamp';
import { toMarkdown, type Report, type Section } from './report';
import { SECTIONS } from './sections';
import { elapsedMs } from './timing';

const REFERENCE_DB = 'holdfast_bench';
const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
type Volume = Pick<BenchOptions, 'customers' | 'importCustomers' | 'importEvents' | 'loadSeconds'>;
const REFERENCE: Volume = { customers: 1_000_000, importCustomers: 200_000, importEvents: 1_000_000, loadSeconds: 10 };
const SMALL: Volume = { customers: 20_000, importCustomers: 20_000, importEvents: 200_000, loadSeconds: 5 };

const count = (text: string) => {
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('Give a whole number above 0.');
  return n;
};

// Database names go into CREATE/DROP DATABASE as identifiers: plain lower-case names only, short enough that the
// run's other databases (the name plus a suffix such as _import) stay within PostgreSQL's 63 characters.
const databaseName = (text: string) => {
  if (!/^[a-z_][a-z0-9_]{0,55}$/.test(text))
    throw new InvalidArgumentError('Use lower-case letters, digits and underscores.');
  return text;
};

const program = new Command('bench')
  .option(
    '--small',
    `a quick run: ${SMALL.customers.toLocaleString('en-US')} customers, ${SMALL.importEvents.toLocaleString('en-US')} events to import`,
  )
  .option('--customers <n>', 'customers of the reference database (default 1,000,000)', count)
  .option('--import-events <n>', 'rows of the events file to import (default 1,000,000)', count)
  .option('--rebuild', 'seed the reference database again even when its volume matches')
  .option(
    '--reference-db <name>',
    `name of the reference database (default ${REFERENCE_DB}; another name keeps a checkout's schema changes to itself)`,
    databaseName,
  )
  .option('--http-port <n>', 'port of the production server the HTTP section starts (default 3307)', count)
  .option('--only <text>', 'run only the sections whose title contains this text (case-insensitive)')
  .option('--out <dir>', 'where the report goes', path.join(projectRoot(), 'bench', 'results'))
  .parse();
const flags = program.opts<{
  small?: boolean;
  customers?: number;
  importEvents?: number;
  httpPort?: number;
  rebuild?: boolean;
  referenceDb?: string;
  only?: string;
  out: string;
}>();
const sections = SECTIONS.filter(
  (section) => !flags.only || section.title.toLowerCase().includes(flags.only.toLowerCase()),
);
const base = flags.small ? SMALL : REFERENCE;
const options: BenchOptions = {
  ...base,
  customers: flags.customers ?? base.customers,
  importEvents: flags.importEvents ?? base.importEvents,
  httpPort: flags.httpPort ?? 3307,
};
// Each volume has its own database, so that a quick run never replaces the (slow to build) reference one.
const referenceDb =
  flags.referenceDb ??
  (options.customers === REFERENCE.customers ? REFERENCE_DB : `${REFERENCE_DB}_${options.customers}`);
const serverUrl = process.env.DATABASE_URL || DEFAULT_SERVER;
const log = (message: string) => process.stderr.write(`${message}\n`);

const recorder = new StatementRecorder();

async function referenceDatabase(): Promise<{ handle: BenchContext['reference']; built: Section | null }> {
  const wanted: ReferenceStamp = { customers: options.customers, seed: seedSourceHash() };
  const open = { onStatement: recorder.sink };
  if (!flags.rebuild && (await databaseExists(serverUrl, referenceDb))) {
    const stamp = await admin(serverUrl, (client) => readStamp(client, referenceDb));
    if (sameStamp(stamp, wanted)) {
      log(`Reusing ${referenceDb} (${wanted.customers.toLocaleString('en-US')} customers, seed ${wanted.seed}).`);
      return { handle: await openExisting(serverUrl, referenceDb, open), built: null };
    }
    log(
      stamp
        ? `${referenceDb} was built from ${stamp.customers.toLocaleString('en-US')} customers of seed ${stamp.seed}: rebuilding.`
        : `${referenceDb} carries no seed stamp: rebuilding.`,
    );
  }
  log(`Building ${referenceDb} with ${options.customers.toLocaleString('en-US')} customers ...`);
  const handle = await freshDatabase(serverUrl, referenceDb, open);
  const bar = new SingleBar({
    format: 'seed [{bar}] {percentage}% | {value}/{total} customers | {duration_formatted}',
  });
  bar.start(options.customers, 0);
  const seedMs = await elapsedMs(() =>
    seedDatabase(handle.db, {
      customers: options.customers,
      seed: 1,
      asOf: Date.now() - (Date.now() % 86_400_000),
      onProgress: (done) => bar.update(done),
    }),
  ).finally(() => bar.stop());
  const rollupMs = await elapsedMs(() => refreshRollups(handle.db, { full: true }));
  // What autovacuum does on a production server after a bulk load (this machine's runs with it off): visibility
  // maps, so that index-only scans skip the heap, and fresh statistics.
  log('VACUUM ANALYZE ...');
  const vacuumMs = await elapsedMs(() => handle.db.execute(sql`vacuum analyze`));
  await admin(serverUrl, (client) => writeStamp(client, referenceDb, wanted));
  const rows = Object.values(await tableCounts(handle, SEEDED_TABLES)).reduce((a, b) => a + b, 0);
  return {
    handle,
    built: {
      title: 'Building the reference data (holdfast seed, PostgreSQL fast path)',
      notes: [
        `Built in this run from seed ${wanted.seed} (a hash of db/seed); later runs reuse the database while its volume and seed match, and rebuild it when either changed.`,
      ],
      figures: [
        {
          name: 'seed (generate + COPY + index rebuild)',
          value: seedMs / 1000,
          unit: 's',
          note: `${Math.round(rows / (seedMs / 1000)).toLocaleString('en-US')} rows/s over ${rows.toLocaleString('en-US')} rows`,
        },
        { name: 'KPI rollups, full build', value: rollupMs / 1000, unit: 's' },
        { name: 'VACUUM ANALYZE of the whole database', value: vacuumMs / 1000, unit: 's' },
      ],
    },
  };
}

const runStarted = performance.now();
const { handle, built } = await referenceDatabase();
const referenceUrl = databaseUrl(serverUrl, referenceDb);
const bare = await openBareClient(referenceUrl);
let failures = 0;
try {
  const ctx: BenchContext = {
    serverUrl,
    reference: handle,
    referenceUrl,
    databasePrefix: referenceDb,
    floor: { recorder, bare },
    options,
    workDir: path.join(projectRoot(), '.holdfast', 'bench'),
    log,
  };
  const report: Report = {
    generatedAt: new Date().toISOString(),
    machine: machineFacts(),
    postgres: await admin(serverUrl, postgresSettings),
    volume: await tableCounts(handle, SEEDED_TABLES),
    sections: built ? [built] : [],
  };
  const write = () => {
    report.seconds = (performance.now() - runStarted) / 1000;
    fs.mkdirSync(flags.out, { recursive: true });
    fs.writeFileSync(path.join(flags.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    fs.writeFileSync(path.join(flags.out, 'report.md'), toMarkdown(report));
  };
  for (const section of sections) {
    log(`\n== ${section.title} ==`);
    const out: Section = { title: section.title, notes: [], figures: [], load: { before: loadAverage(), after: [] } };
    report.sections.push(out);
    try {
      await section.run(ctx, out);
    } catch (error) {
      // One section's failure must not cost the others' figures: it is named in the report, and the run exits 1.
      failures++;
      out.failed = error instanceof Error ? error.message : String(error);
      log(
        `Section "${section.title}" failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    out.load!.after = loadAverage();
    write();
  }
  write();
  process.stdout.write(toMarkdown(report));
  log(
    `\nReport written to ${path.relative(process.cwd(), flags.out) || flags.out}/report.{md,json}${failures ? ` (${failures} section(s) failed)` : ''}`,
  );
} finally {
  await bare.end();
  await handle.close();
}
process.exitCode = failures ? 1 : 0;
