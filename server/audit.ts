import { sql, type SQL } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import type { Executor } from '@/db/client';
import { actorLabel, type Actor } from './context';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

function auditRow(actor: Actor, entry: AuditEntry) {
  return {
    actorId: actor.kind === 'user' ? actor.id : null,
    actorLabel: actorLabel(actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  };
}

/** Call inside the transaction of the write it records, so that the write and its audit row commit together. */
export async function writeAudit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditRow(actor, entry));
}

/** One audit row per record of a multi-row write, in one statement (e.g. a bulk reassignment). */
export async function writeAuditMany(tx: Executor, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(entries.map((entry) => auditRow(actor, entry)));
}

/**
 * Audit rows for a set-based write, one per row of `source` (a query yielding entity_id text, before jsonb,
 * after jsonb); put it in the same statement or transaction as the write it records.
 */
export function auditRowsFrom(actor: Actor, entry: { action: string; entityType: string }, source: SQL): SQL {
  return sql`insert into ${auditLog} (actor_id, actor_label, action, entity_type, entity_id, before, after)
    select ${actor.kind === 'user' ? actor.id : null}::int, ${actorLabel(actor)}, ${entry.action}, ${entry.entityType}, s.entity_id, s.before, s.after
    from (${source}) as s`;
}
