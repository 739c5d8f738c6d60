import { sql, type SQL } from 'drizzle-orm';

/**
 * A batch of rows as one JSON parameter read back with json_to_recordset: one bind parameter whatever the batch
 * size, the same SQL on PostgreSQL and PGlite, and values never spliced into the statement text.
 * `columns` is a fixed, code-defined record definition such as `line int, external_id text`.
 */
export function recordset(rows: readonly Record<string, unknown>[], columns: string): SQL {
  return sql`json_to_recordset(${JSON.stringify(rows)}::json) as src(${sql.raw(columns)})`;
}
