import { sql } from 'drizzle-orm';
import { childWriter } from './merge-child-rows';

/**
 * MRR history by (customer, effective date). A row holds until the customer's next one, so the customer's current
 * MRR (and plan) is the latest row's; it is recomputed in each batch for the batch's customers.
 */
export const subscriptionsWriter = childWriter<'subscriptions'>({
  writes: ['subscriptions', 'customers'],
  columns: [
    { name: 'effective_at', type: 'timestamptz' },
    { name: 'mrr_cents', type: 'bigint' },
    { name: 'plan', type: 'text' },
    { name: 'currency', type: 'char(3)' },
  ],
  record: (r) => ({ effective_at: r.effectiveAt, mrr_cents: r.mrrCents, plan: r.plan, currency: r.currency }),
  keyColumns: ['effective_at'],
  keyColumn: 'effective_at',
  insert: sql`
    insert into subscriptions (customer_id, effective_at, mrr_cents, plan, currency)
    select src.customer_id, src.effective_at, src.mrr_cents, src.plan, src.currency from src
    order by src.customer_id, src.effective_at`,
  onConflict: sql`
    on conflict (customer_id, effective_at) do update
      set mrr_cents = excluded.mrr_cents, plan = excluded.plan, currency = excluded.currency
      where (subscriptions.mrr_cents, subscriptions.plan, subscriptions.currency) is distinct from
            (excluded.mrr_cents, excluded.plan, excluded.currency)`,
  after: ({ stage }) => sql`
    update customers c set mrr_cents = latest.mrr_cents, plan = coalesce(latest.plan, c.plan), currency = latest.currency
    from (
      select distinct on (s.customer_id) s.customer_id, s.mrr_cents, s.plan, s.currency
      from subscriptions s
      where s.customer_id in (select batch.id from ${stage} st join customers batch on batch.external_id = st.customer_external_id)
      order by s.customer_id, s.effective_at desc
    ) latest
    where c.id = latest.customer_id
      and (c.mrr_cents, c.plan, c.currency) is distinct from (latest.mrr_cents, coalesce(latest.plan, c.plan), latest.currency)`,
});
