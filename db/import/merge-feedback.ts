import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { mergeChildRows } from './merge-child-rows';
import type { LinedRow, MergeCounts, MergeOptions } from './merge-types';

/** Upserts survey answers by (customer, kind, time submitted): the source has no ids, that triple is the answer. */
export function mergeFeedback(tx: Executor, input: LinedRow<'feedback'>[], options: MergeOptions): Promise<MergeCounts> {
  return mergeChildRows(tx, input, options, {
    key: (r) => `${r.kind}\u0000${r.submittedAt.toISOString()}`,
    keyColumn: 'submitted_at',
    record: 'line int, customer_external_id text, kind feedback_kind, score smallint, submitted_at timestamptz, comment text',
    toRecord: (r) => ({ customer_external_id: r.customerExternalId, kind: r.kind, score: r.score, submitted_at: r.submittedAt, comment: r.comment }),
    isActivity: false,
    insert: (from) => sql`
      insert into feedback (customer_id, kind, score, submitted_at, comment)
      select c.id, src.kind, src.score, src.submitted_at, src.comment from ${from}
      on conflict (customer_id, kind, submitted_at) do update set score = excluded.score, comment = excluded.comment
        where (feedback.score, feedback.comment) is distinct from (excluded.score, excluded.comment)
      returning (xmax = 0) as inserted, customer_id, submitted_at as at`,
  });
}
