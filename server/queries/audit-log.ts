import 'server-only';
import { and, eq, gte, isNull, lt, type SQL } from 'drizzle-orm';
import { auditLog, users } from '@/db/schema';
import type { AuditCursor, AuditFilter, AuditQuery } from '@/lib/validation/audit';
import { assertCan, type ServiceContext } from '../context';
import { userChoices, type UserChoiceDTO } from './user-choices';
import { logKeyset, logPage, pageWindow, utcMidnight, type LogPage } from './keyset-page';

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
export type AuditPageDTO = LogPage<AuditEntryDTO>;

export type AuditActorDTO = UserChoiceDTO;

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

const keyset = logKeyset(auditLog.createdAt, auditLog.id);

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
  const { where, orderBy } = pageWindow(keyset, query);
  const rows = await ctx.db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      position: keyset.position,
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
    .where(and(...filterConditions(query), ...where))
    .orderBy(...orderBy)
    .limit(pageSize + 1);
  return logPage(rows, query, pageSize);
}

/** Everyone who can appear as an actor, for the audit log's filter. */
export async function listAuditActors({ ctx }: { ctx: ServiceContext }): Promise<AuditActorDTO[]> {
  assertCan(ctx.actor, 'audit.read');
  return userChoices(ctx.db);
}
