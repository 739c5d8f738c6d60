import 'server-only';
import { and, eq, gte, lt, type SQL } from 'drizzle-orm';
import { securityEvents, users } from '@/db/schema';
import type { SecurityFilter, SecurityQuery } from '@/lib/validation/security-log';
import { assertCan, type ServiceContext } from '../context';
import { logKeyset, logPage, pageWindow, utcMidnight, type LogCursor, type LogPage } from './keyset-page';
import { userChoices, type UserChoiceDTO } from './user-choices';

const SECURITY_PAGE_SIZE = 50;

export type SecurityEventDTO = {
  id: number;
  occurredAt: Date;
  cursor: LogCursor;
  kind: string;
  userId: number | null;
  userName: string | null;
  email: string | null;
  ip: string | null;
  userAgent: string | null;
  permission: string | null;
  target: string | null;
  detail: string | null;
};

function filterConditions(filter: SecurityFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.kind) conditions.push(eq(securityEvents.kind, filter.kind));
  if (filter.user !== undefined) conditions.push(eq(securityEvents.userId, filter.user));
  if (filter.ip) conditions.push(eq(securityEvents.ip, filter.ip));
  if (filter.from) conditions.push(gte(securityEvents.occurredAt, utcMidnight(filter.from)));
  if (filter.to) conditions.push(lt(securityEvents.occurredAt, utcMidnight(filter.to, 1)));
  return conditions;
}

const keyset = logKeyset(securityEvents.occurredAt, securityEvents.id);

/** Security events matching the filter, newest first, one keyset page at a time (each filter has its index). */
export async function listSecurityEvents({
  ctx,
  query,
  pageSize = SECURITY_PAGE_SIZE,
}: {
  ctx: ServiceContext;
  query: SecurityQuery;
  pageSize?: number;
}): Promise<LogPage<SecurityEventDTO>> {
  assertCan(ctx.actor, 'security.read');
  const { where, orderBy } = pageWindow(keyset, query);
  const rows = await ctx.db
    .select({
      id: securityEvents.id,
      occurredAt: securityEvents.occurredAt,
      position: keyset.position,
      kind: securityEvents.kind,
      userId: securityEvents.userId,
      userName: users.name,
      email: securityEvents.email,
      ip: securityEvents.ip,
      userAgent: securityEvents.userAgent,
      permission: securityEvents.permission,
      target: securityEvents.target,
      detail: securityEvents.detail,
    })
    .from(securityEvents)
    .leftJoin(users, eq(users.id, securityEvents.userId))
    .where(and(...filterConditions(query), ...where))
    .orderBy(...orderBy)
    .limit(pageSize + 1);
  return logPage(rows, query, pageSize);
}

/** Everyone who can appear in the security log, for its filter. */
export async function listSecurityUsers({ ctx }: { ctx: ServiceContext }): Promise<UserChoiceDTO[]> {
  assertCan(ctx.actor, 'security.read');
  return userChoices(ctx.db);
}
