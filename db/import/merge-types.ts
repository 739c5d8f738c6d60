import type { Executor } from '@/db/client';
import type { ImportKind } from '@/lib/import/columns';
import type { ImportRowByKind, RowError } from '@/lib/import/row-types';

/** A validated row with the file line it came from, so that rows the database refuses are reported by line. */
export type LinedRow<K extends ImportKind> = ImportRowByKind[K] & { line: number };

export type MergeCounts = { inserted: number; updated: number; unchanged: number; rejected: RowError[] };

export type MergeOptions = {
  /** Canonical columns the file maps: an update touches only these, never blanking what the file does not carry. */
  mappedColumns: ReadonlySet<string>;
  createMissingCustomers: boolean;
};

export type Merger<K extends ImportKind> = (tx: Executor, rows: LinedRow<K>[], options: MergeOptions) => Promise<MergeCounts>;
