import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/rows';
import type { RowError } from '@/lib/import/row-types';
import type { ImportTables } from './writer-types';

/**
 * Staged rows that name a customer the workspace does not have: created as bare customers (external id as name) when
 * the user chose so, otherwise taken out of the batch and returned as rejections. One statement per batch.
 */
export async function resolveMissingCustomers(tx: Executor, { stage }: ImportTables, create: boolean): Promise<RowError[]> {
  if (create) {
    await tx.execute(sql`
      insert into customers (external_id, name)
      select distinct s.customer_external_id, s.customer_external_id from ${stage} s
      where not exists (select 1 from customers c where c.external_id = s.customer_external_id)
      on conflict (external_id) do nothing`);
    return [];
  }
  const missing = await queryRows<{ line: number; customer_external_id: string }>(
    tx,
    sql`delete from ${stage} s where not exists (select 1 from customers c where c.external_id = s.customer_external_id)
        returning s.line, s.customer_external_id`,
  );
  return missing.map((m) => ({
    line: m.line,
    column: 'customer_id',
    message: `Unknown customer "${m.customer_external_id}"; import customers first or choose to create missing customers.`,
  }));
}
