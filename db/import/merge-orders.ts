import { sql } from 'drizzle-orm';
import { childWriter } from './merge-child-rows';

/** Orders by (customer, order id); an order is activity, so the customer's last activity moves forward. */
export const ordersWriter = childWriter<'orders'>({
  writes: ['orders', 'customer_activity'],
  columns: [
    { name: 'external_id', type: 'text' },
    { name: 'ordered_at', type: 'timestamptz' },
    { name: 'amount_cents', type: 'bigint' },
    { name: 'currency', type: 'char(3)' },
  ],
  record: (r) => ({
    external_id: r.externalId,
    ordered_at: r.orderedAt,
    amount_cents: r.amountCents,
    currency: r.currency,
  }),
  keyColumns: ['external_id'],
  keyColumn: 'order_id',
  activityAt: 'ordered_at',
  insert: sql`
    insert into orders (customer_id, external_id, ordered_at, amount_cents, currency)
    select src.customer_id, src.external_id, src.ordered_at, src.amount_cents, src.currency from src
    order by src.customer_id, src.external_id`,
  onConflict: sql`
    on conflict (customer_id, external_id) do update
      set ordered_at = excluded.ordered_at, amount_cents = excluded.amount_cents, currency = excluded.currency
      where (orders.ordered_at, orders.amount_cents, orders.currency) is distinct from
            (excluded.ordered_at, excluded.amount_cents, excluded.currency)`,
});
