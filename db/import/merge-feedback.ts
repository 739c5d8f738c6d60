import { sql } from 'drizzle-orm';
import { childWriter } from './merge-child-rows';

/** Survey answers by (customer, kind, time submitted): the source has no ids, that triple is the answer. */
export const feedbackWriter = childWriter<'feedback'>({
  writes: ['feedback'],
  columns: [
    { name: 'kind', type: 'feedback_kind' },
    { name: 'score', type: 'smallint' },
    { name: 'submitted_at', type: 'timestamptz' },
    { name: 'comment', type: 'text' },
  ],
  record: (r) => ({ kind: r.kind, score: r.score, submitted_at: r.submittedAt, comment: r.comment }),
  keyColumns: ['kind', 'submitted_at'],
  keyColumn: 'submitted_at',
  insert: sql`
    insert into feedback (customer_id, kind, score, submitted_at, comment)
    select src.customer_id, src.kind, src.score, src.submitted_at, src.comment from src
    order by src.customer_id, src.submitted_at`,
  onConflict: sql`
    on conflict (customer_id, kind, submitted_at) do update set score = excluded.score, comment = excluded.comment
      where (feedback.score, feedback.comment) is distinct from (excluded.score, excluded.comment)`,
});
