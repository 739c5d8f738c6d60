import fs from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { z } from 'zod';
import { describeDatabase } from '@/db/config';
import { refreshRollups } from '@/db/queries/metrics/refresh';
import { seedDatabase, type SeedSummary } from '@/db/seed';
import { formatUtcDate, parseUtcDate } from '@/db/seed/time';
import { projectRoot } from '@/lib/project-root';
import { fieldErrorsOf } from '@/lib/validation/field-errors';
import { passwordSchema } from '@/lib/validation/users';
import { ValidationError } from '@/server/errors';
import { CliError, info, withDatabase } from '../run';

type SeedFlags = {
  customers?: string;
  seed?: string;
  asOf?: string;
  reset?: boolean;
  ifEmpty?: boolean;
  password?: string;
  json?: boolean;
};

const flagsSchema = z.object({
  customers: z.coerce
    .number({ error: 'Give a whole number.' })
    .int({ error: 'Give a whole number.' })
    .min(1, { error: 'Seed at least 1 customer.' })
    .max(2_000_000, { error: 'At most 2,000,000 customers.' }),
  seed: z.coerce
    .number({ error: 'Give a whole number.' })
    .int({ error: 'Give a whole number.' })
    .min(-(2 ** 31))
    .max(2 ** 31 - 1, { error: 'Use a 32-bit integer.' }),
  'as-of': z.string().refine((text) => parseUtcDate(text) !== null, { error: 'Use a real date as YYYY-MM-DD.' }),
  password: passwordSchema.optional(),
});

export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description(
      'fill an empty database with deterministic demo data: the demo team and customers with 24 months of history (after 6 months of run-in)',
    )
    .option('--customers <n>', 'number of customers', '2000')
    .option('--seed <s>', 'random seed; the same seed, --as-of and --customers give the same data', '1')
    .option(
      '--as-of <date>',
      'day the data ends (YYYY-MM-DD, UTC); it covers the 30 months before: a 6-month run-in, then the 24 charted (default: today)',
    )
    .option('--reset', 'delete ALL existing data from every table first, in the same transaction as the seed')
    .option('--if-empty', 'seed only when there are no customers or users yet; otherwise change nothing and exit 0')
    .option('--password <password>', 'password for every demo user (default: a random one per user)')
    .option('--json', 'print one JSON summary (row counts per table, demo logins) on stdout')
    .action((flags: SeedFlags) =>
      withDatabase(async (handle) => {
        if (flags.reset && flags.ifEmpty) throw new CliError('--reset and --if-empty contradict each other; use one.');
        const parsed = flagsSchema.safeParse({ ...flags, 'as-of': flags.asOf ?? formatUtcDate(Date.now()) });
        if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
        const { customers, seed, password } = parsed.data;
        const asOf = parseUtcDate(parsed.data['as-of'])!;

        const started = performance.now();
        const progress = progressReporter(customers);
        const summary = await seedDatabase(handle.db, {
          customers,
          seed,
          asOf,
          password,
          reset: flags.reset,
          ifEmpty: flags.ifEmpty,
          onProgress: progress.update,
        }).finally(progress.stop);
        const database = describeDatabase(handle.config);
        if (!summary) {
          info(`${database} already has data; nothing seeded.`);
          if (flags.json) process.stdout.write(`${JSON.stringify({ database, seeded: false })}\n`);
          return;
        }
        await refreshRollups(handle.db, { full: true });
        const seconds = Math.round((performance.now() - started) / 100) / 10;
        // Only generated passwords are kept: whoever passed --password knows it (the e2e run does), and must not
        // overwrite the sign-ins `npm run demo` prints for its own database.
        const file = password === undefined ? saveLogins(summary, database) : null;
        info(`Seeded ${database} in ${seconds} s (seed ${seed}, as of ${summary.asOf}):`);
        info(
          `  ${Object.entries(summary.counts)
            .map(([table, n]) => `${table} ${n.toLocaleString('en-US')}`)
            .join(', ')}`,
        );
        info(file ? `\nDemo sign-ins (kept in ${path.relative(process.cwd(), file) || file}):` : '\nDemo sign-ins:');
        info(loginTable(summary));
        if (flags.json) {
          const logins = summary.logins.map(({ email, name, role, password: p }) => ({
            email,
            name,
            role,
            password: p,
          }));
          process.stdout.write(
            `${JSON.stringify({ database, seeded: true, seed, asOf: summary.asOf, customers, seconds, counts: summary.counts, logins })}\n`,
          );
        }
      }),
    );
}

/** A bar on a terminal; otherwise a line at each quarter, so that logs of long runs stay short. */
function progressReporter(total: number): { update: (done: number) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      stream: process.stderr,
      format: 'Seeding [{bar}] {value}/{total} customers, {duration}s',
      hideCursor: true,
    });
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  let reported = 0;
  return {
    update: (done) => {
      const quarter = Math.floor((4 * done) / total);
      if (quarter > reported)
        info(`Seeding: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} customers written`);
      reported = Math.max(reported, quarter);
    },
    stop: () => {},
  };
}

/**
 * Kept for `npm run demo`, which prints the sign-ins again on later starts; readable by the owner only. Names the
 * database they belong to, so that demo prints them only for that database.
 */
function saveLogins(summary: SeedSummary, database: string): string {
  const file = path.join(projectRoot(), '.holdfast', 'demo-logins.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const users = summary.logins.map(({ email, name, role, password }) => ({ email, name, role, password }));
  fs.writeFileSync(file, `${JSON.stringify({ database, seed: summary.seed, asOf: summary.asOf, users }, null, 2)}\n`, {
    mode: 0o600,
  });
  // The mode above applies only when the file is created; a reseed must not leave an older, wider one.
  fs.chmodSync(file, 0o600);
  return file;
}

function loginTable(summary: SeedSummary): string {
  const rows = [['role', 'email', 'password'], ...summary.logins.map((l) => [l.role, l.email, l.password])];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column])).join('  ')}`.trimEnd())
    .join('\n');
}
