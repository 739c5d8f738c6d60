import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { recordset } from './json-rows';
import { mergeChildRows } from './merge-child-rows';
import type { LinedRow, MergeCounts, MergeOptions } from './merge-types';

const RECORD = 'line int, external_id text, customer_external_id text, ordered_at timestamptz, amount_cents bigint, currency char(3)';

/** Upserts orders by (customer, order id) and moves the customers' last activity forward, set-based per batch. */
export function mergeOrders(tx: Executor, input: LinedRow<'orders'>[], options: MergeOptions): Promise<MergeCounts> {
  return mergeChildRows(tx, input, options, {
    key: (r) => r.externalId,
    keyColumn: 'order_id',
    upsert: (rows) => sql`with upserted as (
      insert into orders (customer_id, external_id, ordered_at, amount_cents, currency)
      select c.id, src.external_id, src.ordered_at, src.amount_cents, src.currency
      from ${recordset(
        rows.map((r) => ({ line: r.line, external_id: r.externalId, customer_external_id: r.customerExternalId, ordered_at: r.orderedAt, amount_cents: r.amountCents, currency: r.currency })),
        RECORD,
      )}
      join customers c on c.external_id = src.customer_external_id
      on conflict (customer_id, external_id) do update
        set ordered_at = excluded.ordered_at, amount_cents = excluded.amount_cents, currency = excluded.currency
        where (orders.ordered_at, orders.amount_cents, orders.currency) is distinct from
              (excluded.ordered_at, excluded.amount_cents, excluded.currency)
      returning (xmax = 0) as inserted, customer_id, ordered_at
    ), touched as (
      update customers c set last_activity_at = greatest(c.last_activity_at, latest.at)
      from (select customer_id, max(ordered_at) as at from upserted group by customer_id) latest
      where c.id = latest.customer_id and c.last_activity_at is distinct from greatest(c.last_activity_at, latest.at)
    )
    select (count(*) filter (where inserted))::int as inserted, (count(*) filter (where not inserted))::int as updated from upserted`,
  });
}
