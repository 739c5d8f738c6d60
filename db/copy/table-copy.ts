import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { CopyInto } from './bulk-session';
import { CopyBuffer } from './copy-buffer';
import { copyLine } from './copy-text';

/**
 * Rows shaped like Drizzle inserts, written by COPY. Values go through each column's own driver mapping (dates, JSON),
 * exactly as an insert would send them. Columns a row leaves out take their defaults: rows are grouped by the columns
 * they set, one COPY per group.
 */
export async function copyTableRows(
  copy: CopyInto,
  table: PgTable,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const columns = getTableColumns(table as Table);
  const groups = new Map<string, { keys: string[]; buffer: CopyBuffer }>();
  for (const row of rows) {
    const keys = Object.keys(row).filter((key) => row[key] !== undefined && key in columns);
    const signature = keys.join(',');
    let group = groups.get(signature);
    if (!group) groups.set(signature, (group = { keys, buffer: new CopyBuffer() }));
    group.buffer.add(copyLine(keys.map((key) => (row[key] === null ? null : columns[key].mapToDriverValue(row[key])))));
  }
  for (const { keys, buffer } of groups.values()) {
    await copy(
      getTableName(table),
      keys.map((key) => columns[key].name),
      buffer.take(),
    );
  }
}
