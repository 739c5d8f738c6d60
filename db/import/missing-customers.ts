import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/rows';
import type { RowError } from '@/lib/import/row-types';
import type { ImportTables } from './writer-types';

/** Creates the customers a staged batch names that the workspace does not have, as bare customers (external id as name). */
export async function createMissingCustomers(tx: Executor, { stage }: ImportTables): Promise<void> {
  await tx.execute(sql`
    insert into customers (external_id, name)
    select distinct s.customer_external_id, s.customer_external_id from ${stage} s
    where not exists (select 1 from customers c where c.external_id = s.customer_external_id)
    on conflict (external_id) do nothing`);
}

/**
 * The staged rows that name a customer the workspace does not have, as rejections. Only looked for when the merge,
 * which joins the batch to customers and so skips such rows, matched fewer rows than were staged: most batches have
 * none, and each look costs a join of the batch with every customer.
 */
export async function unknownCustomerRows(tx: Executor, { stage }: ImportTables): Promise<RowError[]> {
  const missing = await queryRows<{ line: number; customer_external_id: string }>(
    tx,
    sql`select s.line, s.customer_external_id from ${stage} s
        where not exists (select 1 from customers c where c.external_id = s.customer_external_id)`,
  );
  return missing.map((m) => ({
    line: m.line,
    column: 'customer_id',
    message: `Unknown customer "${m.customer_external_id}"; import customers first or choose to create missing customers.`,
  }));
}
