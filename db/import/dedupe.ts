import type { RowError } from '@/lib/import/row-types';

/**
 * Keeps the last row per key within a batch: one INSERT ... ON CONFLICT cannot touch the same row twice, and in a
 * file the later line is the newer truth. Earlier ones are reported, not silently dropped.
 */
export function keepLastByKey<T extends { line: number }>(rows: T[], key: (row: T) => string, column: string): { rows: T[]; rejected: RowError[] } {
  const last = new Map<string, T>();
  for (const row of rows) last.set(key(row), row);
  const kept = new Set(last.values());
  const rejected: RowError[] = [];
  for (const row of rows) {
    if (!kept.has(row)) rejected.push({ line: row.line, column, message: `Line ${last.get(key(row))!.line} has the same id; that later row is used.` });
  }
  return { rows: rows.filter((row) => kept.has(row)), rejected };
}
