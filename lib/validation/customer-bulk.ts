import { z } from 'zod';
import { calendarDaySchema } from './dates';
import { checkbox } from './form-fields';
import { MAX_SELECTED_IDS } from './customer-filters';
import { parseVersionedId, recordId } from './ids';
import { safeText } from './text';

/**
 * What a bulk action applies to: the rows the user ticked (each with the version it was read at, so that a row
 * changed meanwhile is not silently overwritten), or every customer matching the list's filters as in its URL.
 */
export type BulkTarget = { mode: 'ids'; rows: { id: number; version: number }[] } | { mode: 'filter'; search: string };

const targetFields = {
  targetMode: z.enum(['ids', 'filter'], { error: 'Select customers first.' }),
  /** "id:version,id:version" */
  targetIds: safeText().max(40_000).optional(),
  /** The list's search string, e.g. "?segment=b2c&risk=critical". */
  targetSearch: safeText().max(8_000).optional(),
};

type TargetFields = { targetMode: 'ids' | 'filter'; targetIds?: string; targetSearch?: string };

function toTarget(fields: TargetFields, ctx: z.RefinementCtx): BulkTarget {
  if (fields.targetMode === 'filter') return { mode: 'filter', search: fields.targetSearch ?? '' };
  const parts = (fields.targetIds ?? '').split(',').filter(Boolean);
  const rows = parts.map((part) => parseVersionedId(part, 'bigint')).filter((row) => row !== null);
  if (rows.length === 0 || rows.length !== parts.length)
    ctx.addIssue({ code: 'custom', message: 'Select customers first.', path: ['targetIds'] });
  else if (rows.length > MAX_SELECTED_IDS)
    ctx.addIssue({
      code: 'custom',
      message: `Select at most ${MAX_SELECTED_IDS} customers, or apply to all matching.`,
      path: ['targetIds'],
    });
  return { mode: 'ids', rows };
}

/** The form value of a selection, as toTarget reads it. */
export function selectedRowsField(rows: { id: number; version: number }[]): string {
  return rows.map((r) => `${r.id}:${r.version}`).join(',');
}

const userId = recordId('user', 'int', 'Choose a user.');

export const assignOwnerSchema = z
  .object({
    ...targetFields,
    ownerId: userId,
    /** Hand each previous owner's open tasks on these accounts to the new owner too. */
    moveOpenTasks: checkbox,
  })
  .transform(({ ownerId, moveOpenTasks, ...fields }, ctx) => ({
    target: toTarget(fields, ctx),
    ownerId,
    moveOpenTasks,
  }));
export type AssignOwnerInput = z.infer<typeof assignOwnerSchema>;

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export const createTasksSchema = z
  .object({
    ...targetFields,
    title: safeText({ error: 'Enter a title.' })
      .trim()
      .min(1, { error: 'Enter a title.' })
      .max(200, { error: 'Use at most 200 characters.' }),
    description: safeText()
      .trim()
      .max(2_000, { error: 'Use at most 2,000 characters.' })
      .optional()
      .transform((v) => v || undefined),
    dueOn: z.preprocess((v) => v || undefined, calendarDaySchema.optional()),
    priority: z.enum(TASK_PRIORITIES, { error: 'Choose a priority.' }).default('normal'),
    /** 'owner': each account's owner (the acting user where an account has none); or one user for all. */
    assignee: z.union([z.literal('owner'), userId], { error: 'Choose who does the task.' }).default('owner'),
  })
  .transform(({ targetMode, targetIds, targetSearch, ...task }, ctx) => ({
    target: toTarget({ targetMode, targetIds, targetSearch }, ctx),
    ...task,
  }));
export type CreateTasksInput = z.infer<typeof createTasksSchema>;
