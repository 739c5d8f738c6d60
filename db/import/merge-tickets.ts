import { sql } from 'drizzle-orm';
import { childWriter } from './merge-child-rows';

/** Tickets by (customer, ticket id): a re-export from the help desk updates resolution, kind and priority. */
export const ticketsWriter = childWriter<'tickets'>({
  writes: ['tickets'],
  columns: [
    { name: 'external_id', type: 'text' },
    { name: 'opened_at', type: 'timestamptz' },
    { name: 'resolved_at', type: 'timestamptz' },
    { name: 'kind', type: 'text' },
    { name: 'priority', type: 'priority' },
    { name: 'subject', type: 'text' },
  ],
  record: (r) => ({
    external_id: r.externalId,
    opened_at: r.openedAt,
    resolved_at: r.resolvedAt,
    kind: r.kind,
    priority: r.priority,
    subject: r.subject,
  }),
  keyColumns: ['external_id'],
  keyColumn: 'ticket_id',
  insert: sql`
    insert into tickets (customer_id, external_id, opened_at, resolved_at, kind, priority, subject)
    select src.customer_id, src.external_id, src.opened_at, src.resolved_at, src.kind, src.priority, src.subject from src
    order by src.customer_id, src.external_id`,
  onConflict: sql`
    on conflict (customer_id, external_id) do update
      set opened_at = excluded.opened_at, resolved_at = excluded.resolved_at, kind = excluded.kind,
          priority = excluded.priority, subject = excluded.subject
      where (tickets.opened_at, tickets.resolved_at, tickets.kind, tickets.priority, tickets.subject) is distinct from
            (excluded.opened_at, excluded.resolved_at, excluded.kind, excluded.priority, excluded.subject)`,
});
