import path from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { z } from 'zod';
import { IMPORT_KINDS } from '@/lib/import/columns';
import { parseDate } from '@/lib/import/dates';
import { DELIMITERS } from '@/lib/import/delimiter';
import { parseMapOption } from '@/lib/import/header-mapping';
import { NUMBER_LOCALES } from '@/lib/import/numbers';
import { fieldErrorsOf } from '@/lib/validation/field-errors';
import { systemActor } from '@/server/context';
import { RuleError, ValidationError } from '@/server/errors';
import { runImport, type ImportProgress, type ImportSummary } from '@/server/services/imports';
import { info, withDatabase } from '../run';

type Flags = {
  map?: string;
  dateFormat?: string;
  locale: string;
  delimiter?: string;
  asOf?: string;
  createMissingCustomers?: boolean;
  dryRun?: boolean;
  allowRejects?: boolean;
  json?: boolean;
};

const flagsSchema = z.object({
  kind: z.enum(IMPORT_KINDS, { error: `Use one of: ${IMPORT_KINDS.join(', ')}.` }),
  locale: z.enum(NUMBER_LOCALES, { error: `Use one of: ${NUMBER_LOCALES.join(', ')}.` }),
  delimiter: z
    .string()
    .transform((d) => (d === '\\t' || d === 'tab' ? '\t' : d))
    .pipe(z.enum(DELIMITERS, { error: 'Use , ; | or tab.' }))
    .optional(),
  'as-of': z
    .string()
    .refine((t) => /^\d{4}-\d{2}-\d{2}$/.test(t) && parseDate(t) !== null, { error: 'Use a real date as YYYY-MM-DD.' }),
});

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(`import a CSV file; kinds: ${IMPORT_KINDS.join(', ')}. Re-importing the same file changes nothing.`)
    .argument('<kind>', IMPORT_KINDS.join(' | '))
    .argument('<file>', 'CSV file (UTF-8, with or without BOM; delimiter detected)')
    .option(
      '--map <pairs>',
      'rename file columns to canonical ones, e.g. customerID=id,Churn=churned (Churn=- keeps a column unmapped)',
    )
    .option('--date-format <format>', 'format of date cells, e.g. "M/D/YYYY H:mm" (default ISO 8601)')
    .option('--locale <locale>', `number format: ${NUMBER_LOCALES.join(' | ')} (pt-BR reads 1.234,56)`, 'en')
    .option('--delimiter <char>', 'force the delimiter: , ; | or tab')
    .option('--as-of <date>', 'the date "churned: yes" means and tenure counts back from (YYYY-MM-DD, default today)')
    .option(
      '--create-missing-customers',
      'create a bare customer for rows that name an unknown one, instead of rejecting them',
    )
    .option('--dry-run', 'validate and count without writing anything')
    .option('--allow-rejects', 'exit 0 even when rows were rejected (they are still reported)')
    .option('--json', 'print only the summary JSON on stdout')
    .action((kind: string, file: string, flags: Flags) =>
      withDatabase(async (handle) => {
        const asOfText = flags.asOf ?? new Date().toISOString().slice(0, 10);
        const parsed = flagsSchema.safeParse({
          kind,
          locale: flags.locale,
          delimiter: flags.delimiter,
          'as-of': asOfText,
        });
        if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
        const progress = progressBar();
        const summary = await withCliHints(() =>
          runImport(
            {
              ctx: { db: handle.db, actor: systemActor('cli') },
              input: {
                kind: parsed.data.kind,
                filePath: path.resolve(file),
                filename: path.basename(file),
                options: {
                  map: parseMapOption(flags.map),
                  locale: parsed.data.locale,
                  dateFormat: flags.dateFormat,
                  delimiter: parsed.data.delimiter,
                  asOf: parseDate(asOfText)!,
                  createMissingCustomers: !!flags.createMissingCustomers,
                  dryRun: !!flags.dryRun,
                },
              },
            },
            progress.update,
          ),
        ).finally(progress.stop);
        if (flags.json) process.stdout.write(`${JSON.stringify(jsonSummary(summary))}\n`);
        else printSummary(summary);
        if (summary.rejected > 0 && !flags.allowRejects) {
          info(
            `Exiting with status 1: ${summary.rejected === 1 ? '1 row was' : `${summary.rejected.toLocaleString('en-US')} rows were`} rejected (--allow-rejects exits 0).`,
          );
          process.exitCode = 1;
        }
      }),
    );
}

/** The engine's messages name no surface; on the command line a missing column is mapped with --map. */
async function withCliHints<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RuleError && error.field === 'map')
      throw new RuleError(`${error.message} Use --map SOURCE=COLUMN.`, 'map');
    throw error;
  }
}

function jsonSummary(s: ImportSummary) {
  return {
    kind: s.kind,
    dryRun: s.dryRun,
    rowsRead: s.rowsRead,
    inserted: s.inserted,
    updated: s.updated,
    unchanged: s.unchanged,
    rejected: s.rejected,
    errors: s.errors,
    warnings: s.warnings,
    jobId: s.jobId,
    errorReport: s.errorReportPath,
    kpiRefresh: s.kpiRefresh,
  };
}

function printSummary(s: ImportSummary): void {
  const verb = s.dryRun ? 'Dry run (nothing written):' : 'Imported:';
  info(
    `${verb} ${s.rowsRead} rows read, ${s.inserted} inserted, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected.`,
  );
  if (!s.dryRun && s.inserted === 0 && s.updated === 0 && s.rejected === 0)
    info('Nothing changed: the database already holds this file.');
  for (const e of s.errors.slice(0, 20)) info(`  line ${e.line}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
  if (s.rejected > 20) info(`  ... and ${s.rejected - 20} more in ${s.errorReportPath}`);
  for (const w of s.warnings) info(`Warning: ${w.message} First on line ${w.firstLine}, column ${w.column}.`);
  if (s.kpiRefresh)
    info(
      `KPI rollups ${s.kpiRefresh.full ? 'rebuilt' : `updated for ${s.kpiRefresh.changedCustomers.toLocaleString('en-US')} changed customers`} in ${s.kpiRefresh.seconds} s.`,
    );
}

function progressBar(): { update: (p: ImportProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'Importing [{bar}] {percentage}% | {rows} rows',
    hideCursor: true,
  });
  let started = false;
  return {
    update: (p) => {
      if (!started) {
        bar.start(p.totalBytes || 1, 0, { rows: 0 });
        started = true;
      }
      bar.update(p.bytesRead, { rows: p.rowsRead });
    },
    stop: () => started && bar.stop(),
  };
}
