import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { importJobs } from '@/db/schema';
import { ErrorReport } from '@/db/import/error-report';
import {
  importCsv,
  type BatchCommit,
  type ImportProgress,
  type ImportTally,
  type PipelineOptions,
} from '@/db/import/pipeline';
import { refreshRollups, rollupsBehind } from '@/db/queries/metrics/refresh';
import type { ImportKind } from '@/lib/import/columns';
import { mapHeaders, unknownOverrideTargets, type HeaderMapping } from '@/lib/import/header-mapping';
import type { RowError } from '@/lib/import/row-types';
import { EMPTY_FILE, NO_ROWS } from '@/lib/import/upload-check';
import { WarningTally, type ImportWarning, type RowWarning } from '@/lib/import/warnings';
import { writeAudit } from '../audit';
import { assertCan, type ServiceContext } from '../context';
import { RuleError } from '../errors';
import { startHeartbeat } from '../imports/heartbeat';
import { fileRefusal } from '../imports/read-head';

export type { ImportProgress };

export type ImportOptions = PipelineOptions & {
  /** --map: normalised file header -> canonical column. */
  map: Record<string, string>;
};

export type ImportSummary = ImportTally & {
  jobId: number;
  kind: ImportKind;
  dryRun: boolean;
  /** The first errors, by line (all of them are in the job's error report). */
  errors: RowError[];
  /** Rows kept although they look odd, counted per kind. */
  warnings: ImportWarning[];
  mapping: { column: string; mappedTo: string | null }[];
  errorReportPath: string;
  /** The KPI rollups brought up to date after the rows landed: how many customers' figures were recomputed. */
  kpiRefresh: { full: boolean; changedCustomers: number; seconds: number } | null;
};

const ERRORS_KEPT = 1_000;

/**
 * Imports a CSV file of one kind (README, "Import files"). Every run, dry or not, failed or not, leaves an import_jobs
 * row, an error report file with every rejected row, and an audit row. `onProgress` reports rows and bytes read as
 * the file streams.
 */
export async function runImport(
  {
    ctx,
    input,
  }: { ctx: ServiceContext; input: { kind: ImportKind; filePath: string; filename: string; options: ImportOptions } },
  onProgress?: (progress: ImportProgress) => void,
  /** Called once the job row exists: the web page runs imports in the background and follows them by job id. */
  onStart?: (jobId: number) => void,
): Promise<ImportSummary> {
  assertCan(ctx.actor, 'imports.run');
  const { kind, filePath, filename, options } = input;
  const badTargets = unknownOverrideTargets(kind, options.map);
  if (badTargets.length)
    throw new RuleError(`The mapping names columns that ${kind} do not have: ${badTargets.join(', ')}.`, 'map');

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
    .returning({ id: importJobs.id, createdAt: importJobs.createdAt });
  const report = new ErrorReport(job);
  onStart?.(job.id);
  const tally: ImportTally = { rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const kept: RowError[] = [];
  const warningTally = new WarningTally();
  let headers: string[] = [];
  let mapping: HeaderMapping | null = null;

  // Errors name the column as the user's file does.
  const headerOf = (canonical: string | undefined) => {
    const index = canonical && mapping ? mapping.columns.indexOf(canonical) : -1;
    return index >= 0 ? headers[index] : canonical;
  };
  const named = (errors: RowError[]) => errors.map((e) => ({ ...e, column: headerOf(e.column) }));
  const reject = (errors: RowError[]) => {
    const rows = named(errors);
    report.add(rows);
    for (const e of rows) if (kept.length < ERRORS_KEPT) kept.push(e);
  };
  // The job's counts and an audit row commit with each batch: an import killed part way shows what it committed.
  const onBatch = async (tx: Executor, commit: BatchCommit) => {
    const errors = [...kept.filter((e) => e.line <= commit.throughLine), ...named(commit.rejectedRows)].slice(
      0,
      ERRORS_KEPT,
    );
    await tx
      .update(importJobs)
      .set({ ...commit.tally, errors, heartbeatAt: sql`now()` })
      .where(eq(importJobs.id, job.id));
    await writeAudit(tx, ctx.actor, {
      action: 'import.batch',
      entityType: 'import',
      entityId: job.id,
      after: { kind, filename, batch: commit.number, throughLine: commit.throughLine, ...commit.batch },
    });
  };
  const onHeader = (cells: string[]) => {
    if (cells.length === 0) throw new RuleError(EMPTY_FILE, 'file');
    headers = cells;
    mapping = mapHeaders(kind, cells, options.map);
    if (mapping.missingRequired.length) {
      throw new RuleError(
        `The file has no column for: ${mapping.missingRequired.join(', ')}. Rename the header or map a column of the file to it.`,
        'map',
      );
    }
    return mapping;
  };

  let failure: unknown = null;
  const stopHeartbeat = startHeartbeat(ctx.db, job.id);
  try {
    const warn = (warnings: RowWarning[]) => warningTally.add(warnings);
    await importCsv(
      { db: ctx.db, jobId: job.id, kind, filePath, options, onHeader, reject, warn, onBatch, onProgress },
      tally,
    );
    if (tally.rowsRead === 0) throw new RuleError(NO_ROWS, 'file');
  } catch (error) {
    failure = fileRefusal(error) ?? error;
  } finally {
    // Stopped before the outcome is written: if writing it fails, readers see the job interrupted, not running.
    stopHeartbeat();
    await report.close();
  }

  const status = failure ? 'failed' : 'succeeded';
  const warnings = warningTally.summary(headerOf);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(importJobs)
      .set({
        status,
        ...tally,
        errors: kept,
        warnings,
        message: failure
          ? failure instanceof RuleError
            ? failure.message
            : 'The import stopped on an unexpected error; committed batches are kept.'
          : null,
        finishedAt: new Date(),
      })
      .where(eq(importJobs.id, job.id));
    await writeAudit(tx, ctx.actor, {
      action: options.dryRun ? 'import.dryRun' : 'import.run',
      entityType: 'import',
      entityId: job.id,
      after: { kind, filename, status, ...tally },
    });
  });
  // Committed rows count in the KPIs at once, even those of an import that stopped part way.
  const kpiRefresh = options.dryRun ? null : await refreshKpis(ctx);
  if (failure) throw failure;
  return {
    jobId: job.id,
    kind,
    dryRun: options.dryRun,
    ...tally,
    errors: kept.sort((a, b) => a.line - b.line),
    warnings,
    mapping: headers.map((header, i) => ({
      column: header,
      mappedTo: (mapping as HeaderMapping | null)?.columns[i] ?? null,
    })),
    errorReportPath: report.path,
    kpiRefresh,
  };
}

/** Applies what the import changed to the KPI rollups (the change log names the customers), if anything. */
async function refreshKpis(ctx: ServiceContext): Promise<ImportSummary['kpiRefresh']> {
  if (!(await rollupsBehind(ctx.db)).changes) return null;
  const started = performance.now();
  const summary = await refreshRollups(ctx.db);
  return {
    full: summary.full,
    changedCustomers: summary.changedCustomers,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
