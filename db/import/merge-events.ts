import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { recordset } from './json-rows';
import { mergeChildRows } from './merge-child-rows';
import type { LinedRow, MergeCounts, MergeOptions } from './merge-types';

const RECORD = 'line int, customer_external_id text, type text, occurred_at timestamptz, value double precision, name text';

/**
 * Upserts events by their natural key (customer, type, time, name) and moves the customers' last activity forward.
 * A changed value for the same event updates it; the same file again changes nothing.
 */
export function mergeEvents(tx: Executor, input: LinedRow<'events'>[], options: MergeOptions): Promise<MergeCounts> {
  return mergeChildRows(tx, input, options, {
    key: (r) => `${r.type}\u0000${r.occurredAt.toISOString()}\u0000${r.name ?? ''}`,
    keyColumn: 'occurred_at',
    upsert: (rows) => sql`with upserted as (
      insert into events (customer_id, type, occurred_at, value, name)
      select c.id, src.type, src.occurred_at, src.value, src.name
      from ${recordset(
        rows.map((r) => ({ line: r.line, customer_external_id: r.customerExternalId, type: r.type, occurred_at: r.occurredAt, value: r.value, name: r.name })),
        RECORD,
      )}
      join customers c on c.external_id = src.customer_external_id
      on conflict (customer_id, type, occurred_at, name) do update set value = excluded.value
        where events.value is distinct from excluded.value
      returning (xmax = 0) as inserted, customer_id, occurred_at
    ), touched as (
      update customers c set last_activity_at = greatest(c.last_activity_at, latest.at)
      from (select customer_id, max(occurred_at) as at from upserted group by customer_id) latest
      where c.id = latest.customer_id and c.last_activity_at is distinct from greatest(c.last_activity_at, latest.at)
    )
    select (count(*) filter (where inserted))::int as inserted, (count(*) filter (where not inserted))::int as updated from upserted`,
  });
}
