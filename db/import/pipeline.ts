import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { SQLSTATE, pgErrorCode } from '@/db/pg-error';
import type { ImportKind } from '@/lib/import/columns';
import type { Delimiter } from '@/lib/import/delimiter';
import { cellsOf, type HeaderMapping } from '@/lib/import/header-mapping';
import type { RowError } from '@/lib/import/row-types';
import type { RowWarning } from '@/lib/import/warnings';
import { validateRow, type RowContext } from '@/lib/import/validate-row';
import { applyActivity } from './apply-activity';
import { openBulkSession, tableRef, type BatchRows, type BulkSession } from '@/db/copy/bulk-session';
import { rejectDuplicates } from './duplicates';
import { readCsv } from './read-csv';
import type { KindWriter, MergeCounts, MergeOptions } from './writer-types';
import { WRITERS } from './writers';

export type PipelineOptions = RowContext & { delimiter?: Delimiter; createMissingCustomers: boolean; dryRun: boolean };

export type ImportProgress = { rowsRead: number; bytesRead: number; totalBytes: number };

/** Running counts of an import; kept by the caller, so that a failed import still reports what it committed. */
export type ImportTally = { rowsRead: number; inserted: number; updated: number; unchanged: number; rejected: number };

/** A batch about to commit: its own counts, and the import's up to its last line, as they stand once it commits. */
export type BatchCommit = {
  /** 1 for the first batch. */
  number: number;
  /** The last line of the file the batch covers: every row up to it is imported or rejected once it commits. */
  throughLine: number;
  batch: { rows: number; inserted: number; updated: number; unchanged: number; rejected: number };
  /** Rows the merge refused (unknown customers, duplicates, ...), canonical column names, not reported yet. */
  rejectedRows: RowError[];
  tally: ImportTally;
};

export type PipelineInput = {
  db: Database;
  /** Names the import's temporary tables, so that imports sharing PGlite's one connection never meet. */
  jobId: number;
  kind: ImportKind;
  filePath: string;
  options: PipelineOptions;
  /** Decides the mapping from the header line (empty for an empty file); throws to refuse the file. */
  onHeader: (headers: string[]) => HeaderMapping;
  /** Rejected rows, with canonical column names. */
  reject: (errors: RowError[]) => void;
  /** Rows kept although they look odd. */
  warn: (warnings: RowWarning[]) => void;
  /**
   * Runs inside each batch's transaction (not in a dry run), so that what it writes, such as the job's counts and an
   * audit row, commits with the batch's rows or not at all: a killed import leaves both as of its last batch.
   */
  onBatch?: (tx: Executor, commit: BatchCommit) => Promise<void>;
  onProgress?: (progress: ImportProgress) => void;
};

const PROGRESS_EVERY_ROWS = 2_000;
/**
 * Parsing a read chunk runs on microtasks only, so without a turn of the event loop the merging batch's replies wait
 * until the chunk is done (~40 ms at a time, ~0.3 s a batch over its round trips).
 */
const YIELD_EVERY_ROWS = 500;
const MERGE_WORK_MEM = '64MB';
export const FIRST_BATCH_ROWS = 20_000;

class DryRunRollback extends Error {}

function stageDefinition(writer: KindWriter<ImportKind>): string {
  return writer.columns.map((c) => `"${c.name}" ${c.type}`).join(', ');
}

/**
 * Streams a CSV file through validation into batches, each loaded into a staging table and merged set-based in a
 * transaction of its own: an interruption leaves whole batches only. One batch merges while the next is parsed. A dry
 * run does the same work in one transaction that is rolled back, so its counts are exact and nothing is written.
 */
export async function importCsv(input: PipelineInput, tally: ImportTally): Promise<void> {
  const session = await openBulkSession(input.db);
  try {
    await run(input, tally, session);
  } finally {
    await session.release();
  }
}

async function run(
  { jobId, kind, filePath, options, onHeader, reject: report, warn, onBatch, onProgress }: PipelineInput,
  tally: ImportTally,
  session: BulkSession,
) {
  const writer = WRITERS[kind] as KindWriter<ImportKind>;
  const names = { stage: `import_stage_${jobId}`, activity: `import_activity_${jobId}` };
  const tables = { stage: tableRef(names.stage), activity: tableRef(names.activity) };
  let bytes = { bytesRead: 0, totalBytes: 0 };
  const progress = () => onProgress?.({ rowsRead: tally.rowsRead, ...bytes });
  const reject = (errors: RowError[]) => {
    tally.rejected += errors.length;
    report(errors);
  };

  // `dryTx` is the one transaction of a dry run; a real run commits each batch in a transaction of its own.
  const consume = async (dryTx: Executor | null) => {
    await session.createTable(dryTx ?? session.db, names.stage, stageDefinition(writer));
    if (writer.activity)
      await session.createTable(
        dryTx ?? session.db,
        names.activity,
        'customer_id bigint not null, at timestamptz not null',
      );

    let mapping: HeaderMapping | null = null;
    let headers: string[] = [];
    let mergeOptions: Omit<MergeOptions, 'expectNew'> = {
      mappedColumns: new Set(),
      createMissingCustomers: options.createMissingCustomers,
      asOf: options.asOf,
    };
    let expectNew = true;

    // Counts as of the last line read (the batch parsed next is past the one merging), and of the batches committed.
    let lastLine = 0;
    let readRejected = 0;
    const committed = { batches: 0, inserted: 0, updated: 0, unchanged: 0, mergeRejected: 0 };

    const mergeBatch = async (
      rows: BatchRows,
      mark: { throughLine: number; rowsRead: number; readRejected: number },
    ) => {
      const merge = async (tx: Executor) => {
        // Room to sort a batch in memory for the merge.
        await tx.execute(sql.raw(`set local work_mem = '${MERGE_WORK_MEM}'`));
        await session.load(tx, names.stage, writer.columns, rows);
        let duplicates: RowError[] = [];
        let counts: MergeCounts;
        const attempt = () =>
          tx.transaction((savepoint) =>
            writer.merge(savepoint as unknown as Executor, tables, { ...mergeOptions, expectNew }),
          );
        try {
          counts = await attempt().catch((error) => {
            if (!expectNew || pgErrorCode(error) !== SQLSTATE.uniqueViolation) throw error;
            // Some row exists already (a re-run, an overlapping file) or is in the batch twice: upserts from here on.
            expectNew = false;
            return attempt();
          });
        } catch (error) {
          // Most batches have no key twice; the upsert itself says when one has (it cannot touch a row twice), and
          // only then are duplicates looked for, after rolling back to before the attempt.
          if (pgErrorCode(error) !== SQLSTATE.cardinalityViolation) throw error;
          duplicates = await rejectDuplicates(tx, tables.stage, writer.keyColumns, writer.keyColumn);
          counts = await writer.merge(tx, tables, { ...mergeOptions, expectNew });
        }
        return { ...counts, rejected: [...duplicates, ...counts.rejected] };
      };
      const unchangedOf = (counts: MergeCounts) =>
        rows.size - counts.rejected.length - counts.inserted - counts.updated;
      const commitOf = (counts: MergeCounts): BatchCommit => {
        const unchanged = unchangedOf(counts);
        return {
          number: committed.batches + 1,
          throughLine: mark.throughLine,
          batch: {
            rows: rows.size,
            inserted: counts.inserted,
            updated: counts.updated,
            unchanged,
            rejected: counts.rejected.length,
          },
          rejectedRows: counts.rejected,
          tally: {
            rowsRead: mark.rowsRead,
            inserted: committed.inserted + counts.inserted,
            updated: committed.updated + counts.updated,
            unchanged: committed.unchanged + unchanged,
            rejected: mark.readRejected + committed.mergeRejected + counts.rejected.length,
          },
        };
      };
      const counts = dryTx
        ? await merge(dryTx)
        : await session.db.transaction(async (tx) => {
            const merged = await merge(tx as unknown as Executor);
            await onBatch?.(tx as unknown as Executor, commitOf(merged));
            return merged;
          });
      committed.batches++;
      committed.inserted += counts.inserted;
      committed.updated += counts.updated;
      committed.unchanged += unchangedOf(counts);
      committed.mergeRejected += counts.rejected.length;
      Object.assign(tally, {
        inserted: committed.inserted,
        updated: committed.updated,
        unchanged: committed.unchanged,
      });
      reject(counts.rejected);
      progress();
    };

    // Batches merge one after another, in file order; the next one is parsed and validated meanwhile.
    let batch = session.newBatch(writer.columns);
    // The first batch is parsed while nothing merges; kept small, the database starts working sooner.
    let batchLimit = Math.min(FIRST_BATCH_ROWS, session.batchRows);
    let inFlight: Promise<void> = Promise.resolve();
    const flush = async () => {
      await inFlight;
      if (batch.size === 0) return;
      inFlight = mergeBatch(batch, { throughLine: lastLine, rowsRead: tally.rowsRead, readRejected });
      // Surfaced by the next `await inFlight`; this only stops Node from reporting it as unhandled meanwhile.
      inFlight.catch(() => {});
      batch = session.newBatch(writer.columns);
      batchLimit = session.batchRows;
    };

    try {
      for await (const record of readCsv(filePath, { delimiter: options.delimiter, onProgress: (p) => (bytes = p) })) {
        if (!mapping) {
          headers = record.cells;
          mapping = onHeader(headers);
          mergeOptions = {
            ...mergeOptions,
            mappedColumns: new Set(mapping.columns.filter((c): c is string => c !== null)),
          };
          continue;
        }
        tally.rowsRead++;
        lastLine = record.line;
        const result = validateRow(kind, cellsOf(record.cells, headers, mapping), options);
        if (result.ok) {
          batch.add(writer.record(result.row, record.line));
          if (result.warnings) warn(result.warnings.map((code) => ({ line: record.line, code })));
        } else {
          readRejected += result.errors.length;
          reject(result.errors.map((e) => ({ line: record.line, column: e.column, message: e.message })));
        }
        if (batch.size >= batchLimit) await flush();
        if (tally.rowsRead % PROGRESS_EVERY_ROWS === 0) progress();
        if (tally.rowsRead % YIELD_EVERY_ROWS === 0) await nextTurn();
      }
      if (!mapping) onHeader([]);
      await flush();
    } finally {
      // Nothing else may use the connection while a batch transaction is still on it.
      await inFlight.catch(() => {});
    }
    await inFlight;
  };

  if (options.dryRun) {
    await session.db
      .transaction(async (tx) => {
        await consume(tx as unknown as Executor);
        throw new DryRunRollback();
      })
      .catch((error) => {
        if (!(error instanceof DryRunRollback)) throw error;
      });
    return;
  }
  let failure: unknown = null;
  await consume(null).catch((error) => (failure = error));
  // Committed batches get their activity even when a later one failed. Its aggregate of every batch's rows is sorted
  // and hashed in memory: with the default work_mem it spills to disk.
  if (writer.activity) {
    await session.db
      .transaction(async (tx) => {
        await tx.execute(sql.raw(`set local work_mem = '${MERGE_WORK_MEM}'`));
        await applyActivity(tx as unknown as Executor, tables);
      })
      .catch((error) => (failure ??= error));
  }
  // The planner's statistics follow the rows, whatever autovacuum does: the customer list counts exactly below 10,000
  // by the planner's estimate, which a bulk write leaves behind (9,043 customers were estimated at 16,000).
  if (tally.inserted + tally.updated > 0) {
    const tables = new Set([
      ...writer.writes,
      ...(options.createMissingCustomers ? ['customers', 'customer_activity'] : []),
    ]);
    await session.db.execute(sql.raw(`analyze ${[...tables].join(', ')}`)).catch((error) => (failure ??= error));
  }
  if (failure) throw failure;
}
