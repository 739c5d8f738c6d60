import type { SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { ImportKind } from '@/lib/import/columns';
import type { ImportRowByKind, RowError } from '@/lib/import/row-types';
import type { StageColumn } from '@/db/copy/bulk-session';

/** What a batch merge did; rows neither inserted, updated nor rejected were already there unchanged. */
export type MergeCounts = { inserted: number; updated: number; rejected: RowError[] };

export type MergeOptions = {
  /** Canonical columns the file maps: an update touches only these, never blanking what the file does not carry. */
  mappedColumns: ReadonlySet<string>;
  createMissingCustomers: boolean;
  /** The import's date (--as-of): when a customers file's MRR holds from, for customers without an acquisition date. */
  asOf: Date;
  /**
   * The batch's rows are probably all new (so far, every batch's were): a writer may insert them plainly, without the
   * conflict check an upsert makes per row (~20% of an events batch). That insert fails with unique_violation if a row
   * exists after all; the pipeline then merges the batch again, and the rest of the import, as upserts.
   */
  expectNew: boolean;
};

/** The import's temporary tables: the current batch, and the activity times (customer, time) of the batches so far. */
export type ImportTables = { stage: SQL; activity: SQL };

/** How one import kind is staged and merged. */
export type KindWriter<K extends ImportKind> = {
  /** Staging table columns; `line int` first. */
  columns: readonly StageColumn[];
  /** The staging record of a validated row; `line` (the file line) goes with it, so refusals are reported by line. */
  record: (row: ImportRowByKind[K], line: number) => Record<string, unknown>;
  /** Staging columns that identify a row, for duplicates within a batch. */
  keyColumns: readonly string[];
  /** The canonical column a duplicate is reported on. */
  keyColumn: string;
  /** Activity kinds move the customer's last activity forward (see applyActivity). */
  activity: boolean;
  /** The tables an import of the kind writes (its triggers' included), whose planner statistics it refreshes. */
  writes: readonly string[];
  /** Merges the staged batch set-based, inside the batch transaction. */
  merge: (tx: Executor, tables: ImportTables, options: MergeOptions) => Promise<MergeCounts>;
};
