import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { mergeChildRows } from './merge-child-rows';
import type { LinedRow, MergeCounts, MergeOptions } from './merge-types';

/**
 * Upserts MRR history by (customer, effective date). A row holds until the customer's next one, so the customer's
 * current MRR (and plan) is the latest row's; it is recomputed for the customers of the batch.
 */
export function mergeSubscriptions(tx: Executor, input: LinedRow<'subscriptions'>[], options: MergeOptions): Promise<MergeCounts> {
  return mergeChildRows(tx, input, options, {
    key: (r) => r.effectiveAt.toISOString(),
    keyColumn: 'effective_at',
    record: 'line int, customer_external_id text, effective_at timestamptz, mrr_cents bigint, plan text, currency char(3)',
    toRecord: (r) => ({ customer_external_id: r.customerExternalId, effective_at: r.effectiveAt, mrr_cents: r.mrrCents, plan: r.plan, currency: r.currency }),
    isActivity: false,
    insert: (from) => sql`
      insert into subscriptions (customer_id, effective_at, mrr_cents, plan, currency)
      select c.id, src.effective_at, src.mrr_cents, src.plan, src.currency from ${from}
      on conflict (customer_id, effective_at) do update
        set mrr_cents = excluded.mrr_cents, plan = excluded.plan, currency = excluded.currency
        where (subscriptions.mrr_cents, subscriptions.plan, subscriptions.currency) is distinct from
              (excluded.mrr_cents, excluded.plan, excluded.currency)
      returning (xmax = 0) as inserted, customer_id, effective_at as at`,
    after: (rows) => sql`
      update customers c set mrr_cents = latest.mrr_cents, plan = coalesce(latest.plan, c.plan), currency = latest.currency
      from (
        select distinct on (s.customer_id) s.customer_id, s.mrr_cents, s.plan, s.currency
        from subscriptions s
        join customers batch on batch.id = s.customer_id
        where batch.external_id in (select json_array_elements_text(${JSON.stringify([...new Set(rows.map((r) => r.customerExternalId))])}::json))
        order by s.customer_id, s.effective_at desc
      ) latest
      where c.id = latest.customer_id
        and (c.mrr_cents, c.plan, c.currency) is distinct from (latest.mrr_cents, coalesce(latest.plan, c.plan), latest.currency)`,
  });
}
