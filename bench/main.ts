// `npm run bench`: measures Holdfast against docs/speed-targets.md on real PostgreSQL and writes
// bench/results/report.{md,json}.
//   npm run bench [-- --customers N] [-- --small] [-- --rebuild]
// The reference database (holdfast_bench, seeded at the chosen volume) is built once and reused while its volume
// matches; other bench databases are recreated on every run.
import fs from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { SingleBar } from 'cli-progress';
import { refreshRollups } from '@/db/queries/metrics/refresh';
import { seedDatabase } from '@/db/seed';
import { SEEDED_TABLES } from '@/db/seed/write';
import { projectRoot } from '@/lib/project-root';
import type { BenchContext, BenchOptions } from './context';
import { databaseExists, freshDatabase, openExisting, tableCounts } from './databases';
import { machineFacts } from './machine';
import { toMarkdown, type Report, type Section } from './report';
import { SECTIONS } from './sections';
import { elapsedMs } from './timing';

const REFERENCE_DB = 'holdfast_bench';
const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const REFERENCE: BenchOptions = { customers: 1_000_000, importCustomers: 200_000, importEvents: 1_000_000 };
const SMALL: BenchOptions = { customers: 20_000, importCustomers: 20_000, importEvents: 200_000 };

const count = (text: string) => {
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('Give a whole number above 0.');
  return n;
};

// Database names go into CREATE/DROP DATABASE as identifiers: plain lower-case names only, short enough that the
// run's other databases (the name plus a suffix such as _import) stay within PostgreSQL's 63 characters.
const databaseName = (text: string) => {
  if (!/^[a-z_][a-z0-9_]{0,55}$/.test(text)) throw new InvalidArgumentError('Use lower-case letters, digits and underscores.');
  return text;
};

const program = new Command('bench')
  .option('--small', `a quick run: ${SMALL.customers.toLocaleString('en-US')} customers, ${SMALL.importEvents.toLocaleString('en-US')} events to import`)
  .option('--customers <n>', 'customers of the reference database (default 1,000,000)', count)
  .option('--import-events <n>', 'rows of the events file to import (default 1,000,000)', count)
  .option('--rebuild', 'seed the reference database again even when its volume matches')
  .option('--reference-db <name>', `name of the reference database (default ${REFERENCE_DB}; another name keeps a checkout's schema changes to itself)`, databaseName)
  .option('--only <text>', 'run only the sections whose title contains this text (case-insensitive)')
  .option('--out <dir>', 'where the report goes', path.join(projectRoot(), 'bench', 'results'))
  .parse();
const flags = program.opts<{ small?: boolean; customers?: number; importEvents?: number; rebuild?: boolean; referenceDb?: string; only?: string; out: string }>();
const referenceDb = flags.referenceDb ?? REFERENCE_DB;
const sections = SECTIONS.filter((section) => !flags.only || section.title.toLowerCase().includes(flags.only.toLowerCase()));
const base = flags.small ? SMALL : REFERENCE;
const options: BenchOptions = { ...base, customers: flags.customers ?? base.customers, importEvents: flags.importEvents ?? base.importEvents };
const serverUrl = process.env.DATABASE_URL || DEFAULT_SERVER;
const log = (message: string) => process.stderr.write(`${message}\n`);

async function referenceDatabase(): Promise<{ handle: BenchContext['reference']; built: Section | null }> {
  if (!flags.rebuild && (await databaseExists(serverUrl, referenceDb))) {
    const handle = await openExisting(serverUrl, referenceDb);
    const { customers } = await tableCounts(handle, ['customers']);
    if (customers === options.customers) {
      log(`Reusing ${referenceDb} (${customers.toLocaleString('en-US')} customers).`);
      return { handle, built: null };
    }
    await handle.close();
  }
  log(`Building ${referenceDb} with ${options.customers.toLocaleString('en-US')} customers ...`);
  const handle = await freshDatabase(serverUrl, referenceDb);
  const bar = new SingleBar({ format: 'seed [{bar}] {percentage}% | {value}/{total} customers | {duration_formatted}' });
  bar.start(options.customers, 0);
  const seedMs = await elapsedMs(() =>
    seedDatabase(handle.db, { customers: options.customers, seed: 1, asOf: Date.now() - (Date.now() % 86_400_000), onProgress: (done) => bar.update(done) }),
  ).finally(() => bar.stop());
  const rollupMs = await elapsedMs(() => refreshRollups(handle.db, { full: true }));
  const rows = Object.values(await tableCounts(handle, SEEDED_TABLES)).reduce((a, b) => a + b, 0);
  return {
    handle,
    built: {
      title: 'Building the reference data (holdfast seed, PostgreSQL fast path)',
      notes: ['Built in this run; later runs reuse the database while its volume matches.'],
      figures: [
        { name: 'seed (generate + COPY + index rebuild)', value: seedMs / 1000, unit: 's', note: `${Math.round(rows / (seedMs / 1000)).toLocaleString('en-US')} rows/s over ${rows.toLocaleString('en-US')} rows` },
        { name: 'KPI rollups, full build', value: rollupMs / 1000, unit: 's' },
      ],
    },
  };
}

const { handle, built } = await referenceDatabase();
try {
  const ctx: BenchContext = { serverUrl, reference: handle, databasePrefix: referenceDb, options, workDir: path.join(projectRoot(), '.holdfast', 'bench'), log };
  const report: Report = {
    generatedAt: new Date().toISOString(),
    machine: await machineFacts(handle.db),
    volume: await tableCounts(handle, SEEDED_TABLES),
    sections: built ? [built] : [],
  };
  for (const section of sections) {
    log(`\n== ${section.title} ==`);
    report.sections.push(await section.run(ctx));
  }
  fs.mkdirSync(flags.out, { recursive: true });
  fs.writeFileSync(path.join(flags.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(flags.out, 'report.md'), toMarkdown(report));
  process.stdout.write(toMarkdown(report));
  log(`\nReport written to ${path.relative(process.cwd(), flags.out) || flags.out}/report.{md,json}`);
} finally {
  await handle.close();
}
