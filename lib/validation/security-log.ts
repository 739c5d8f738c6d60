import { z } from 'zod';
import { isIP } from 'node:net';
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from '@/lib/auth/security-events';
import { calendarDaySchema } from './dates';
import { idParam } from './ids';
import { decodeCursor, encodeCursor, lenient, type AuditCursor } from './audit';

export type SecurityFilter = {
  kind?: SecurityEventKind;
  user?: number;
  /** An exact IP address. */
  ip?: string;
  /** Inclusive UTC calendar days, YYYY-MM-DD. */
  from?: string;
  to?: string;
};

export type SecurityQuery = SecurityFilter & { after?: AuditCursor; before?: AuditCursor };

type SearchParams = Record<string, string | string[] | undefined>;

const querySchema = z.object({
  kind: lenient(z.enum(Object.keys(SECURITY_EVENT_KINDS) as [SecurityEventKind, ...SecurityEventKind[]])),
  user: lenient(idParam('user', 'int')),
  ip: lenient(
    z
      .string()
      .trim()
      .toLowerCase()
      .refine((value) => isIP(value) !== 0),
  ),
  from: lenient(calendarDaySchema),
  to: lenient(calendarDaySchema),
  after: lenient(z.string().transform(decodeCursor)),
  before: lenient(z.string().transform(decodeCursor)),
});

/** The security log's URL search params as a query; anything unknown or malformed is dropped, never an error. */
export function parseSecurityQuery(searchParams: SearchParams): SecurityQuery {
  const parsed = querySchema.safeParse(searchParams);
  if (!parsed.success) return {};
  const { after, before, ...filter } = parsed.data;
  const query: SecurityQuery = { ...filter };
  // Both directions at once is not a page; `after` (forward) wins.
  if (after) query.after = after;
  else if (before) query.before = before;
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as SecurityQuery;
}

/** The search string for a filter and an optional page position, in the parameter names the parser reads. */
export function securitySearchString(
  filter: SecurityFilter,
  page?: { after: AuditCursor } | { before: AuditCursor },
): string {
  const params = new URLSearchParams();
  for (const key of ['kind', 'user', 'ip', 'from', 'to'] as const) {
    if (filter[key] !== undefined) params.set(key, String(filter[key]));
  }
  if (page && 'after' in page) params.set('after', encodeCursor(page.after));
  if (page && 'before' in page) params.set('before', encodeCursor(page.before));
  const search = params.toString();
  return search ? `?${search}` : '';
}
