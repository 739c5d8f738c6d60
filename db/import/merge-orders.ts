import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { mergeChildRows } from './merge-child-rows';
import type { LinedRow, MergeCounts, MergeOptions } from './merge-types';

/** Upserts orders by (customer, order id); an order is activity, so the customer's last activity moves forward. */
export function mergeOrders(tx: Executor, input: LinedRow<'orders'>[], options: MergeOptions): Promise<MergeCounts> {
  return mergeChildRows(tx, input, options, {
    key: (r) => r.externalId,
    keyColumn: 'order_id',
    record: 'line int, external_id text, customer_external_id text, ordered_at timestamptz, amount_cents bigint, currency char(3)',
    toRecord: (r) => ({ external_id: r.externalId, customer_external_id: r.customerExternalId, ordered_at: r.orderedAt, amount_cents: r.amountCents, currency: r.currency }),
    isActivity: true,
    insert: (from) => sql`
      insert into orders (customer_id, external_id, ordered_at, amount_cents, currency)
      select c.id, src.external_id, src.ordered_at, src.amount_cents, src.currency from ${from}
      on conflict (customer_id, external_id) do update
        set ordered_at = excluded.ordered_at, amount_cents = excluded.amount_cents, currency = excluded.currency
        where (orders.ordered_at, orders.amount_cents, orders.currency) is distinct from
              (excluded.ordered_at, excluded.amount_cents, excluded.currency)
      returning (xmax = 0) as inserted, customer_id, ordered_at as at`,
  });
}
