import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/rows';
import type { RowError } from '@/lib/import/row-types';

/**
 * Rows of a staged batch that share their key with a later line leave the batch and are reported: one upsert cannot
 * touch a row twice, and in a file the later line is the newer truth. Keys compare as GROUP BY does (nulls equal),
 * as the unique keys do (NULLS NOT DISTINCT). Called once the upsert has refused the batch for a repeated key.
 */
export async function rejectDuplicates(
  tx: Executor,
  stage: SQL,
  keyColumns: readonly string[],
  column: string,
): Promise<RowError[]> {
  const key = sql.join(
    keyColumns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const duplicates = await queryRows<{ line: number; kept: number }>(
    tx,
    sql`delete from ${stage} s
        using (select line, first_value(line) over (partition by ${key} order by line desc) as kept from ${stage}) d
        where s.line = d.line and d.kept <> d.line
        returning s.line, d.kept`,
  );
  return duplicates.map((d) => ({
    line: d.line,
    column,
    message: `Line ${d.kept} has the same id; that later row is used.`,
  }));
}
