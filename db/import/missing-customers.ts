import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/rows';
import type { RowError } from '@/lib/import/row-types';
import { recordset } from './json-rows';

type Referencing = { line: number; customerExternalId: string };

/**
 * Rows that name a customer the workspace does not have: created as bare customers (external id as name) when the
 * user chose so, otherwise returned as rejections. Set-based: one statement per batch, not one per row.
 */
export async function resolveMissingCustomers(
  tx: Executor,
  rows: readonly Referencing[],
  create: boolean,
): Promise<{ rejected: RowError[]; rejectedLines: Set<number> }> {
  const input = rows.map((r) => ({ line: r.line, customer_external_id: r.customerExternalId }));
  if (create) {
    await tx.execute(sql`
      insert into customers (external_id, name)
      select distinct src.customer_external_id, src.customer_external_id
      from ${recordset(input, 'line int, customer_external_id text')}
      on conflict (external_id) do nothing`);
    return { rejected: [], rejectedLines: new Set() };
  }
  const missing = await queryRows<{ line: number; customer_external_id: string }>(
    tx,
    sql`select src.line, src.customer_external_id
        from ${recordset(input, 'line int, customer_external_id text')}
        left join customers c on c.external_id = src.customer_external_id
        where c.id is null order by src.line`,
  );
  return {
    rejected: missing.map((m) => ({
      line: m.line,
      column: 'customer_id',
      message: `Unknown customer "${m.customer_external_id}"; import customers first or choose to create missing customers.`,
    })),
    rejectedLines: new Set(missing.map((m) => m.line)),
  };
}
