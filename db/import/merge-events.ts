import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { mergeChildRows } from './merge-child-rows';
import type { LinedRow, MergeCounts, MergeOptions } from './merge-types';

/**
 * Upserts events by their natural key (customer, type, time, name); a changed value updates the event, the same file
 * again changes nothing. Events are activity: the customer's last activity moves forward.
 */
export function mergeEvents(tx: Executor, input: LinedRow<'events'>[], options: MergeOptions): Promise<MergeCounts> {
  return mergeChildRows(tx, input, options, {
    key: (r) => `${r.type}\u0000${r.occurredAt.toISOString()}\u0000${r.name ?? ''}`,
    keyColumn: 'occurred_at',
    record: 'line int, customer_external_id text, type text, occurred_at timestamptz, value double precision, name text',
    toRecord: (r) => ({ customer_external_id: r.customerExternalId, type: r.type, occurred_at: r.occurredAt, value: r.value, name: r.name }),
    isActivity: true,
    insert: (from) => sql`
      insert into events (customer_id, type, occurred_at, value, name)
      select c.id, src.type, src.occurred_at, src.value, src.name from ${from}
      on conflict (customer_id, type, occurred_at, name) do update set value = excluded.value
        where events.value is distinct from excluded.value
      returning (xmax = 0) as inserted, customer_id, occurred_at as at`,
  });
}
