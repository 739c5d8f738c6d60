import 'server-only';
import { and, asc, desc, eq, gte, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { auditLog, users } from '@/db/schema';
import type { AuditCursor, AuditFilter, AuditQuery } from '@/lib/validation/audit';
import { assertCan, type ServiceContext } from '../context';

const AUDIT_PAGE_SIZE = 50;

export type AuditEntryDTO = {
  id: number;
  createdAt: Date;
  /** This entry's position, for the page links on either side of it. */
  cursor: AuditCursor;
  /** actorId null: the system or the CLI, named by actorLabel. */
  actorId: number | null;
  actorName: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

/** One page, newest first; a cursor is null where there is nothing further in that direction. */
export type AuditPageDTO = { entries: AuditEntryDTO[]; newer: AuditCursor | null; older: AuditCursor | null };

export type AuditActorDTO = { id: number; name: string; email: string };

/** Midnight UTC starting a calendar day, `days` after the given one; computed by PostgreSQL, whose range is wider. */
function utcMidnight(day: string, days = 0): SQL {
  return sql`((${day}::date + ${days}::int)::timestamp at time zone 'UTC')`;
}

function filterConditions(filter: AuditFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.actor === 'system') conditions.push(isNull(auditLog.actorId));
  else if (filter.actor !== undefined) conditions.push(eq(auditLog.actorId, filter.actor));
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.from) conditions.push(gte(auditLog.createdAt, utcMidnight(filter.from)));
  if (filter.to) conditions.push(lt(auditLog.createdAt, utcMidnight(filter.to, 1)));
  return conditions;
}

// Plain desc/asc: the index (created_at desc, id desc) is read forwards or backwards, never sorted.
const NEWEST_FIRST = [desc(auditLog.createdAt), desc(auditLog.id)];
const NEWEST_LAST = [asc(auditLog.createdAt), asc(auditLog.id)];

// The row comparison matches that index, so every page is an index range scan, never OFFSET.
function beyond(cursor: AuditCursor, direction: 'older' | 'newer'): SQL {
  const position = sql`(${cursor.createdAt}::timestamptz, ${cursor.id}::bigint)`;
  return direction === 'older'
    ? sql`(${auditLog.createdAt}, ${auditLog.id}) < ${position}`
    : sql`(${auditLog.createdAt}, ${auditLog.id}) > ${position}`;
}

/** Audit entries matching the filter, one keyset page at a time: `after` pages to older entries, `before` to newer. */
export async function listAuditEntries({
  ctx,
  query,
  pageSize = AUDIT_PAGE_SIZE,
}: {
  ctx: ServiceContext;
  query: AuditQuery;
  pageSize?: number;
}): Promise<AuditPageDTO> {
  assertCan(ctx.actor, 'audit.read');
  const goingNewer = query.before !== undefined;
  const conditions = filterConditions(query);
  if (query.after) conditions.push(beyond(query.after, 'older'));
  if (query.before) conditions.push(beyond(query.before, 'newer'));

  const rows = await ctx.db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      // Postgres keeps microseconds and a JS Date only milliseconds: the cursor carries the exact value as text.
      position: sql<string>`to_char(${auditLog.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      actorId: auditLog.actorId,
      actorName: users.name,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...conditions))
    .orderBy(...(goingNewer ? NEWEST_LAST : NEWEST_FIRST))
    .limit(pageSize + 1);

  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (goingNewer) page.reverse();
  const entries = page.map(({ position, ...row }) => ({ ...row, cursor: { createdAt: position, id: row.id } }));
  const first = entries[0]?.cursor ?? null;
  const last = entries.at(-1)?.cursor ?? null;
  // Coming from a cursor means there is something on the side we came from.
  const hasNewer = goingNewer ? more : query.after !== undefined;
  const hasOlder = goingNewer ? true : more;
  return { entries, newer: hasNewer ? first : null, older: hasOlder ? last : null };
}

/** Everyone who can appear as an actor, for the audit log's filter. */
export async function listAuditActors({ ctx }: { ctx: ServiceContext }): Promise<AuditActorDTO[]> {
  assertCan(ctx.actor, 'audit.read');
  return ctx.db.select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(asc(users.name), asc(users.id));
}
