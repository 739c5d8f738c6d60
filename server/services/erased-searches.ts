import 'server-only';
import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { likePattern } from '@/db/queries/like-pattern';
import { auditLog, savedViews } from '@/db/schema';
import { scrubJson, scrubText, searchParamForm } from '@/lib/customers/erased-values';

/**
 * Audit entity types whose rows repeat what a user typed to find customers: export filters (`q=<name>`) and saved
 * views' names and searches. Only these are read, on the (entity_type, entity_id) index, so an erasure reads the
 * export and view history, a small share of the log, never the customer and task rows that make most of it.
 */
const SEARCH_AUDIT_ENTITIES = ['export', 'savedView'];

/** Whether a text column may hold one of the values, as JSON text or inside a search string; the scrub decides. */
function mayHold(text: SQL, values: readonly string[]): SQL {
  const forms = new Set(values.flatMap((value) => [JSON.stringify(value).slice(1, -1), searchParamForm(value)]));
  return or(...[...forms].map((form) => sql`${text} ilike ${likePattern(form)}`))!;
}

const changed = (before: unknown, after: unknown) => JSON.stringify(before) !== JSON.stringify(after);

/**
 * Replaces an erased customer's values with their label wherever users repeated them: in saved views (name and
 * search) and in the audit rows of exports and views. Returns how many of each were changed.
 */
export async function scrubRepeatedValues(
  tx: Executor,
  values: readonly string[],
  label: string,
): Promise<{ auditEntries: number; savedViews: number }> {
  if (values.length === 0) return { auditEntries: 0, savedViews: 0 };
  const audits = await tx
    .select({ id: auditLog.id, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(
      sql`${inArray(auditLog.entityType, SEARCH_AUDIT_ENTITIES)} and ${mayHold(sql`concat(${auditLog.before}::text, ' ', ${auditLog.after}::text)`, values)}`,
    )
    .for('update');
  let auditEntries = 0;
  for (const row of audits) {
    const before = scrubJson(row.before, values, label);
    const after = scrubJson(row.after, values, label);
    if (!changed(row.before, before) && !changed(row.after, after)) continue;
    await tx.update(auditLog).set({ before, after }).where(eq(auditLog.id, row.id));
    auditEntries += 1;
  }

  const views = await tx
    .select({ id: savedViews.id, name: savedViews.name, state: savedViews.state })
    .from(savedViews)
    .where(or(mayHold(sql`${savedViews.name}`, values), mayHold(sql`${savedViews.state}::text`, values)))
    .for('update');
  let scrubbedViews = 0;
  for (const view of views) {
    const name = scrubText(view.name, values, label);
    const state = scrubJson(view.state, values, label) as Record<string, unknown>;
    if (name === view.name && !changed(view.state, state)) continue;
    await tx
      .update(savedViews)
      .set({ name, state, updatedAt: sql`now()` })
      .where(eq(savedViews.id, view.id));
    scrubbedViews += 1;
  }
  return { auditEntries, savedViews: scrubbedViews };
}
