import 'server-only';
import { eq } from 'drizzle-orm';
import { importJobs } from '@/db/schema';
import type { Executor } from '@/db/client';
import { ErrorReport } from '@/db/import/error-report';
import { MERGERS } from '@/db/import/mergers';
import type { LinedRow, Merger } from '@/db/import/merge-types';
import { readCsv } from '@/db/import/read-csv';
import type { ImportKind } from '@/lib/import/columns';
import type { Delimiter } from '@/lib/import/delimiter';
import { cellsOf, mapHeaders, unknownOverrideTargets, type HeaderMapping } from '@/lib/import/header-mapping';
import type { NumberLocale } from '@/lib/import/numbers';
import type { RowError } from '@/lib/import/row-types';
import { validateRow } from '@/lib/import/validate-row';
import { writeAudit } from '../audit';
import { assertCan, type ServiceContext } from '../context';
import { RuleError } from '../errors';

export type ImportOptions = {
  map: Record<string, string>;
  locale: NumberLocale;
  dateFormat?: string;
  delimiter?: Delimiter;
  asOf: Date;
  createMissingCustomers: boolean;
  dryRun: boolean;
};

export type ImportSummary = {
  jobId: number;
  kind: ImportKind;
  dryRun: boolean;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The first errors (all of them are in the job's error report). */
  errors: RowError[];
  mapping: { column: string; mappedTo: string | null }[];
  errorReportPath: string;
};

export type ImportProgress = { rowsRead: number; bytesRead: number; totalBytes: number };

const BATCH_ROWS = 5_000;
const ERRORS_KEPT = 1_000;

class DryRunRollback extends Error {}

/**
 * Streams a CSV file through validation and the kind's set-based merge. Each batch commits in its own transaction
 * (an interruption leaves whole batches only); a dry run does the same work in one transaction that is rolled back,
 * so its counts are exact and nothing is written. The job row and the audit row record the outcome.
 */
export async function runImport(
  { ctx, input }: { ctx: ServiceContext; input: { kind: ImportKind; filePath: string; filename: string; options: ImportOptions } },
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportSummary> {
  assertCan(ctx.actor, 'imports.run');
  const { kind, filePath, filename, options } = input;
  const merge = MERGERS[kind] as Merger<ImportKind> | undefined;
  if (!merge) throw new RuleError(`Importing ${kind} is not available yet; supported kinds: ${Object.keys(MERGERS).join(', ')}.`, 'kind');
  const badTargets = unknownOverrideTargets(kind, options.map);
  if (badTargets.length) throw new RuleError(`--map names columns that ${kind} do not have: ${badTargets.join(', ')}.`, 'map');

  const [job] = await ctx.db
    .insert(importJobs)
    .values({
      kind,
      filename,
      status: 'running',
      dryRun: options.dryRun,
      options: { ...options, asOf: options.asOf.toISOString() },
      createdById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      startedAt: new Date(),
    })
    .returning({ id: importJobs.id });
  const report = new ErrorReport(job.id);
  const totals = { rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const kept: RowError[] = [];
  const reject = (errors: RowError[]) => {
    totals.rejected += errors.length;
    report.add(errors);
    for (const e of errors) if (kept.length < ERRORS_KEPT) kept.push(e);
  };
  let mapping: HeaderMapping | null = null;
  let headers: string[] = [];
  let progress = { bytesRead: 0, totalBytes: 0 };

  // `dryTx` is the one transaction of a dry run; a real run commits each batch in a transaction of its own.
  const consume = async (dryTx: Executor | null) => {
    let batch: LinedRow<ImportKind>[] = [];
    // One batch is merged while the next one is parsed and validated: the database and the CSV work overlap instead
    // of taking turns. Batches still merge one after another, in file order.
    let inFlight: Promise<void> = Promise.resolve();
    const mergeBatch = async (rows: LinedRow<ImportKind>[]) => {
      const mergeOptions = { mappedColumns: new Set(mapping!.columns.filter((c): c is string => c !== null)), createMissingCustomers: options.createMissingCustomers };
      const counts = dryTx ? await merge(dryTx, rows, mergeOptions) : await ctx.db.transaction((tx) => merge(tx as unknown as Executor, rows, mergeOptions));
      totals.inserted += counts.inserted;
      totals.updated += counts.updated;
      totals.unchanged += counts.unchanged;
      reject(counts.rejected);
      onProgress?.({ rowsRead: totals.rowsRead, ...progress });
    };
    const flush = async () => {
      await inFlight;
      if (batch.length === 0) return;
      inFlight = mergeBatch(batch);
      // Surfaced by the next `await inFlight`; this only stops Node from reporting it as unhandled meanwhile.
      inFlight.catch(() => {});
      batch = [];
    };
    for await (const record of readCsv(filePath, { delimiter: options.delimiter, onProgress: (p) => (progress = p) })) {
      if (!mapping) {
        headers = record.cells;
        mapping = mapHeaders(kind, headers, options.map);
        if (mapping.missingRequired.length) {
          throw new RuleError(`The file has no column for: ${mapping.missingRequired.join(', ')}. Rename the header or map it (--map source=${mapping.missingRequired[0]}).`, 'map');
        }
        continue;
      }
      totals.rowsRead++;
      const result = validateRow(kind, cellsOf(record.cells, headers, mapping), options);
      if (result.ok) batch.push({ ...result.row, line: record.line });
      else reject(result.errors.map((e) => ({ line: record.line, column: headerOf(e.column, mapping!, headers), message: e.message })));
      if (batch.length >= BATCH_ROWS) await flush();
    }
    if (!mapping) throw new RuleError('The file is empty: it needs a header line and at least one row.', 'file');
    await flush();
    await inFlight;
  };

  let failure: unknown = null;
  try {
    if (options.dryRun) {
      await ctx.db
        .transaction(async (tx) => {
          await consume(tx as unknown as Executor);
          throw new DryRunRollback();
        })
        .catch((error) => {
          if (!(error instanceof DryRunRollback)) throw error;
        });
    } else {
      await consume(null);
    }
  } catch (error) {
    failure = error;
  } finally {
    await report.close();
  }

  const summary: ImportSummary = {
    jobId: job.id,
    kind,
    dryRun: options.dryRun,
    ...totals,
    errors: kept.sort((a, b) => a.line - b.line),
    mapping: headers.map((header, i) => ({ column: header, mappedTo: mapping?.columns[i] ?? null })),
    errorReportPath: report.path,
  };
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(importJobs)
      .set({
        status: failure ? 'failed' : 'succeeded',
        rowsRead: totals.rowsRead,
        inserted: totals.inserted,
        updated: totals.updated,
        unchanged: totals.unchanged,
        rejected: totals.rejected,
        errors: kept,
        message: failure ? (failure instanceof RuleError ? failure.message : 'The import stopped on an unexpected error; committed batches are kept.') : null,
        finishedAt: new Date(),
      })
      .where(eq(importJobs.id, job.id));
    await writeAudit(tx, ctx.actor, {
      action: options.dryRun ? 'import.dryRun' : 'import.run',
      entityType: 'import',
      entityId: job.id,
      after: { kind, filename, status: failure ? 'failed' : 'succeeded', ...totals },
    });
  });
  if (failure) throw failure;
  return summary;
}

/** Errors name the column as the user's file does. */
function headerOf(canonical: string, mapping: HeaderMapping, headers: string[]): string {
  const index = mapping.columns.indexOf(canonical);
  return index >= 0 ? headers[index] : canonical;
}
