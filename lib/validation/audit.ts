import { z } from 'zod';
import { calendarDaySchema, isInstant } from './dates';
import { idParam, parseId } from './ids';
import { safeText } from './text';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AuditAction, type AuditEntityType } from '@/lib/audit/catalog';

/** A position in the audit log's order (created_at desc, id desc); created_at keeps the database's microseconds. */
export type AuditCursor = { createdAt: string; id: number };

export type AuditFilter = {
  /** A user id, or 'system' for entries written by the CLI, the seed and background jobs. */
  actor?: number | 'system';
  entityType?: AuditEntityType;
  action?: AuditAction;
  /** Inclusive UTC calendar days, YYYY-MM-DD. */
  from?: string;
  to?: string;
};

export type AuditQuery = AuditFilter & { after?: AuditCursor; before?: AuditCursor };

type SearchParams = Record<string, string | string[] | undefined>;

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)~(\d{1,15})$/;

export function encodeCursor(cursor: AuditCursor): string {
  return `${cursor.createdAt}~${cursor.id}`;
}

export function decodeCursor(value: string): AuditCursor | undefined {
  const match = CURSOR.exec(value);
  const id = match && parseId(match[2], 'bigint');
  if (!match || !id || !isInstant(match[1])) return undefined;
  return { createdAt: match[1], id };
}

/** First value of a repeated parameter; an empty field (a form's "all" choice) counts as absent. */
const param = z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, safeText().max(80).optional());

// Each field falls back to "not filtered" on its own, so that one bad parameter never breaks the page.
export const lenient = <T extends z.ZodType<unknown, string>>(schema: T) =>
  param.pipe(schema.optional()).catch(undefined);

const day = calendarDaySchema;

const auditQuerySchema = z.object({
  actor: lenient(z.union([z.literal('system'), idParam('user', 'int')])),
  entity: lenient(z.enum(Object.keys(AUDIT_ENTITY_TYPES) as [AuditEntityType, ...AuditEntityType[]])),
  action: lenient(z.enum(Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]])),
  from: lenient(day),
  to: lenient(day),
  after: lenient(z.string().transform(decodeCursor)),
  before: lenient(z.string().transform(decodeCursor)),
});

/** The audit page's URL search params as a query; anything unknown or malformed is dropped, never an error. */
export function parseAuditQuery(searchParams: SearchParams): AuditQuery {
  const parsed = auditQuerySchema.safeParse(searchParams);
  if (!parsed.success) return {};
  const { actor, entity, action, from, to, after, before } = parsed.data;
  const query: AuditQuery = { actor, entityType: entity, action, from, to };
  // Both directions at once is not a page; `after` (forward) wins.
  if (after) query.after = after;
  else if (before) query.before = before;
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as AuditQuery;
}

/** The search string for a filter and an optional page position, in the parameter names the parser reads. */
export function auditSearchString(
  filter: AuditFilter,
  page?: { after: AuditCursor } | { before: AuditCursor },
): string {
  const params = new URLSearchParams();
  if (filter.actor !== undefined) params.set('actor', String(filter.actor));
  if (filter.entityType) params.set('entity', filter.entityType);
  if (filter.action) params.set('action', filter.action);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (page && 'after' in page) params.set('after', encodeCursor(page.after));
  if (page && 'before' in page) params.set('before', encodeCursor(page.before));
  const search = params.toString();
  return search ? `?${search}` : '';
}
