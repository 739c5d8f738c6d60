import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { mergeChildRows } from './merge-child-rows';
import type { LinedRow, MergeCounts, MergeOptions } from './merge-types';

/** Upserts tickets by (customer, ticket id): a re-export from the help desk updates resolution, kind and priority. */
export function mergeTickets(tx: Executor, input: LinedRow<'tickets'>[], options: MergeOptions): Promise<MergeCounts> {
  return mergeChildRows(tx, input, options, {
    key: (r) => r.externalId,
    keyColumn: 'ticket_id',
    record: `line int, external_id text, customer_external_id text, opened_at timestamptz, resolved_at timestamptz,
      kind text, priority priority, subject text`,
    toRecord: (r) => ({ external_id: r.externalId, customer_external_id: r.customerExternalId, opened_at: r.openedAt, resolved_at: r.resolvedAt, kind: r.kind, priority: r.priority, subject: r.subject }),
    isActivity: false,
    insert: (from) => sql`
      insert into tickets (customer_id, external_id, opened_at, resolved_at, kind, priority, subject)
      select c.id, src.external_id, src.opened_at, src.resolved_at, src.kind, src.priority, src.subject from ${from}
      on conflict (customer_id, external_id) do update
        set opened_at = excluded.opened_at, resolved_at = excluded.resolved_at, kind = excluded.kind,
            priority = excluded.priority, subject = excluded.subject
        where (tickets.opened_at, tickets.resolved_at, tickets.kind, tickets.priority, tickets.subject) is distinct from
              (excluded.opened_at, excluded.resolved_at, excluded.kind, excluded.priority, excluded.subject)
      returning (xmax = 0) as inserted, customer_id, opened_at as at`,
  });
}
