import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/rows';
import {
  TIMELINE_KINDS,
  kindRank,
  type TimelineCursor,
  type TimelineItem,
  type TimelineKind,
} from '@/lib/timeline/items';

/**
 * One customer's timeline as a single UNION ALL statement: each kind is a branch that reads its own
 * (customer_id, time desc) index from the cursor on and stops at the limit, and the outer query merges the
 * branches in the total order (at desc, rank desc, id desc), where rank is the kind's place in TIMELINE_KINDS.
 * Keyset throughout: a deep page costs what the first one does.
 */

/** Items strictly after the cursor in display order (older), or the cursor and everything before it (newer). */
export type TimelineBound = { direction: 'older' | 'atOrNewer'; cursor: TimelineCursor };

// Above every id: at the cursor's timestamp, a branch ranked before or after the cursor's kind takes all or none.
const ABOVE_EVERY_ID = Number.MAX_SAFE_INTEGER;

/**
 * The index-range condition of a branch of rank `rank` for a bound. The key comparison (at, rank, id) < cursor
 * reduces, rank being constant within a branch, to a row comparison on (at, id) against the cursor's time and an
 * id chosen by rank; the plain comparison on `at` in front is what the index range scan uses.
 */
function boundCondition(time: SQL, id: SQL, rank: number, bound: TimelineBound): SQL {
  const { at, rank: cursorRank, id: cursorId } = bound.cursor;
  const older = bound.direction === 'older';
  // At the cursor's timestamp a lower-ranked kind sorts after the cursor (all its rows are older), a higher-ranked
  // one before it (all newer): in both directions, comparing against an id above or below every id says so.
  const tieId = rank === cursorRank ? cursorId : rank < cursorRank ? ABOVE_EVERY_ID : 0;
  return older
    ? sql`${time} <= ${at}::timestamptz and (${time}, ${id}) < (${at}::timestamptz, ${tieId}::bigint)`
    : sql`${time} >= ${at}::timestamptz and (${time}, ${id}) >= (${at}::timestamptz, ${tieId}::bigint)`;
}

// The database's timestamp with its microseconds, for the cursor.
const position = (time: SQL) => sql`to_char(${time} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

type RowSource = { from: SQL; time: SQL; id: SQL; customer: SQL; data: SQL };

/** The kinds that are rows of a table. Column names in `data` are the TimelineItem fields. */
const ROW_SOURCES: Record<Exclude<TimelineKind, 'usage'>, RowSource> = {
  order: {
    from: sql`orders o`,
    time: sql`o.ordered_at`,
    id: sql`o.id`,
    customer: sql`o.customer_id`,
    data: sql`jsonb_build_object('externalId', o.external_id, 'amountCents', o.amount_cents, 'currency', o.currency)`,
  },
  ticket: {
    from: sql`tickets t`,
    time: sql`t.opened_at`,
    id: sql`t.id`,
    customer: sql`t.customer_id`,
    data: sql`jsonb_build_object('externalId', t.external_id, 'subject', t.subject, 'ticketKind', t.kind, 'priority', t.priority, 'resolvedAt', t.resolved_at)`,
  },
  feedback: {
    from: sql`feedback f`,
    time: sql`f.submitted_at`,
    id: sql`f.id`,
    customer: sql`f.customer_id`,
    data: sql`jsonb_build_object('surveyKind', f.kind, 'score', f.score, 'comment', f.comment)`,
  },
  activity: {
    from: sql`activities a left join users au on au.id = a.author_id`,
    time: sql`a.occurred_at`,
    id: sql`a.id`,
    customer: sql`a.customer_id`,
    data: sql`jsonb_build_object('activityKind', a.kind, 'subject', a.subject, 'body', a.body, 'outcome', a.outcome, 'authorName', au.name)`,
  },
  message: {
    from: sql`outreach_messages m`,
    time: sql`m.created_at`,
    id: sql`m.id`,
    customer: sql`m.customer_id`,
    data: sql`jsonb_build_object('channel', m.channel, 'subject', m.subject, 'status', m.status, 'statusReason', m.status_reason)`,
  },
  stage: {
    from: sql`lifecycle_transitions l`,
    time: sql`l.changed_at`,
    id: sql`l.id`,
    customer: sql`l.customer_id`,
    data: sql`jsonb_build_object('fromStage', l.from_stage, 'toStage', l.to_stage, 'reason', l.reason)`,
  },
  risk: {
    from: sql`risk_score_history r`,
    time: sql`r.scored_at`,
    id: sql`r.id`,
    customer: sql`r.customer_id`,
    data: sql`jsonb_build_object('score', r.score, 'band', r.band, 'topFactor',
      (select x->>'label' from jsonb_array_elements(r.factors) x order by (x->>'contribution')::float8 desc nulls last limit 1))`,
  },
};

function rowBranch(
  kind: Exclude<TimelineKind, 'usage'>,
  customerId: number,
  bound: TimelineBound | null,
  limit: number,
): SQL {
  const source = ROW_SOURCES[kind];
  const rank = kindRank(kind);
  const where = bound
    ? sql`${source.customer} = ${customerId} and ${boundCondition(source.time, source.id, rank, bound)}`
    : sql`${source.customer} = ${customerId}`;
  return sql`(select ${rank}::int as rank, ${source.time} as at, ${position(source.time)} as position, ${source.id} as id, ${source.data} as data
    from ${source.from} where ${where} order by ${source.time} desc, ${source.id} desc limit ${limit})`;
}

/**
 * Daily usage summaries: the customer's events grouped by UTC day, positioned at the day's midnight with the day
 * number as id. The raw events are range-limited on the index to whole days around the cursor; the exact key
 * comparison applies to the days.
 */
function usageBranch(customerId: number, bound: TimelineBound | null, limit: number): SQL {
  const rank = kindRank('usage');
  const cursorDay = bound
    ? sql`(date_trunc('day', ${bound.cursor.at}::timestamptz at time zone 'UTC') at time zone 'UTC')`
    : null;
  const rawBound = !bound
    ? sql``
    : bound.direction === 'older'
      ? sql`and e.occurred_at < ${cursorDay} + interval '1 day'`
      : sql`and e.occurred_at >= ${cursorDay}`;
  const dayId = sql`(extract(epoch from d.day) / 86400)::bigint`;
  const exact = bound ? sql`where ${boundCondition(sql`d.day`, dayId, rank, bound)}` : sql``;
  return sql`(select ${rank}::int as rank, d.day as at, ${position(sql`d.day`)} as position, ${dayId} as id,
      jsonb_build_object('events', d.events, 'logins', d.logins, 'actions', d.actions, 'features', d.features,
        'paymentFailures', d.payment_failures, 'cardExpiring', d.card_expiring) as data
    from (
      select date_trunc('day', e.occurred_at at time zone 'UTC') at time zone 'UTC' as day,
        count(*)::int as events,
        (count(*) filter (where e.type = 'login'))::int as logins,
        sum(e.value) filter (where e.type = 'usage') as actions,
        coalesce(jsonb_agg(distinct e.name) filter (where e.type = 'feature_use' and e.name is not null), '[]'::jsonb) as features,
        (count(*) filter (where e.type = 'payment_failed'))::int as payment_failures,
        (count(*) filter (where e.type = 'card_expiring'))::int as card_expiring
      from events e
      where e.customer_id = ${customerId} ${rawBound}
      group by 1
    ) d ${exact}
    order by d.day desc limit ${limit})`;
}

type RawItem = {
  rank: number;
  at: Date | string;
  position: string;
  id: string | number;
  data: Record<string, unknown>;
};

const dateOrNull = (value: unknown) => (value == null ? null : new Date(value as string));

function toItem(row: RawItem): TimelineItem {
  const kind = TIMELINE_KINDS[row.rank];
  const at = new Date(row.at);
  const cursor = { at: row.position, rank: row.rank, id: Number(row.id) };
  const d = row.data;
  switch (kind) {
    case 'order':
      return {
        kind,
        at,
        cursor,
        externalId: String(d.externalId),
        amountCents: Number(d.amountCents),
        currency: String(d.currency),
      };
    case 'usage':
      return {
        kind,
        at,
        cursor,
        day: row.position.slice(0, 10),
        events: Number(d.events),
        logins: Number(d.logins),
        actions: d.actions == null ? null : Number(d.actions),
        features: (d.features as string[]) ?? [],
        paymentFailures: Number(d.paymentFailures),
        cardExpiring: Number(d.cardExpiring),
      };
    case 'ticket':
      return {
        kind,
        at,
        cursor,
        externalId: String(d.externalId),
        subject: (d.subject as string | null) ?? null,
        ticketKind: String(d.ticketKind),
        priority: d.priority as Extract<TimelineItem, { kind: 'ticket' }>['priority'],
        resolvedAt: dateOrNull(d.resolvedAt),
      };
    case 'feedback':
      return {
        kind,
        at,
        cursor,
        surveyKind: d.surveyKind as 'nps' | 'csat' | 'ces',
        score: Number(d.score),
        comment: (d.comment as string | null) ?? null,
      };
    case 'activity':
      return {
        kind,
        at,
        cursor,
        activityKind: d.activityKind as Extract<TimelineItem, { kind: 'activity' }>['activityKind'],
        subject: String(d.subject),
        body: (d.body as string | null) ?? null,
        outcome: (d.outcome as string | null) ?? null,
        authorName: (d.authorName as string | null) ?? null,
      };
    case 'message':
      return {
        kind,
        at,
        cursor,
        channel: d.channel as Extract<TimelineItem, { kind: 'message' }>['channel'],
        subject: (d.subject as string | null) ?? null,
        status: String(d.status),
        statusReason: (d.statusReason as string | null) ?? null,
      };
    case 'stage':
      return {
        kind,
        at,
        cursor,
        fromStage: (d.fromStage as string | null) ?? null,
        toStage: String(d.toStage),
        reason: (d.reason as string | null) ?? null,
      };
    case 'risk':
      return {
        kind,
        at,
        cursor,
        score: Number(d.score),
        band: String(d.band),
        topFactor: (d.topFactor as string | null) ?? null,
      };
  }
}

/** Up to `limit` items of the given kinds on the bound's side of its cursor (or the newest), newest first. */
export async function readTimeline(
  db: Executor,
  {
    customerId,
    kinds,
    bound,
    limit,
  }: { customerId: number; kinds: readonly TimelineKind[]; bound: TimelineBound | null; limit: number },
): Promise<TimelineItem[]> {
  if (kinds.length === 0) return [];
  const branches = kinds.map((kind) =>
    kind === 'usage' ? usageBranch(customerId, bound, limit) : rowBranch(kind, customerId, bound, limit),
  );
  const rows = await queryRows<RawItem>(
    db,
    sql`select * from (${sql.join(branches, sql` union all `)}) items order by at desc, rank desc, id desc limit ${limit}`,
  );
  return rows.map(toItem);
}
