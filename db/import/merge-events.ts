import { sql } from 'drizzle-orm';
import { childWriter } from './merge-child-rows';

/**
 * Events by their natural key (customer, type, time, name): a changed value updates the event, the same file again
 * changes nothing. Events are activity: the customer's last activity moves forward.
 */
export const eventsWriter = childWriter<'events'>({
  writes: ['events', 'customer_activity'],
  columns: [
    { name: 'type', type: 'text' },
    { name: 'occurred_at', type: 'timestamptz' },
    { name: 'value', type: 'double precision' },
    { name: 'name', type: 'text' },
  ],
  record: (r) => ({ type: r.type, occurred_at: r.occurredAt, value: r.value, name: r.name }),
  keyColumns: ['type', 'occurred_at', 'name'],
  keyColumn: 'occurred_at',
  activityAt: 'occurred_at',
  insert: sql`
    insert into events (customer_id, type, occurred_at, value, name)
    select src.customer_id, src.type, src.occurred_at, src.value, src.name from src
    order by src.customer_id, src.occurred_at`,
  onConflict: sql`
    on conflict (customer_id, type, occurred_at, name) do update set value = excluded.value
      where events.value is distinct from excluded.value`,
});
