import { z } from 'zod';
import { PRIORITIES } from '@/lib/work/catalog';
import { chosenId, emptyToNull, optionalDay, optionalText, requiredText, type VerbInput } from './form-fields';
import { parseVersionedId, recordId, versionField } from './ids';

const priority = z.enum(PRIORITIES, { error: 'Choose a priority: low, normal, high or urgent.' });
const title = requiredText('a title', 200);
const description = optionalText(2000);

export const createTaskSchema = z.object({
  /** Absent: a personal task, not about one customer. */
  customerId: z.preprocess(emptyToNull, recordId('customer', 'bigint').nullable()).default(null),
  title,
  description,
  priority: priority.default('normal'),
  dueDate: optionalDay,
  /** Absent: the customer's owner, or the creator for a personal task. Anyone else needs tasks.assign. */
  assigneeId: z.preprocess(emptyToNull, recordId('user', 'int').nullable()).default(null),
});
export type CreateTaskInput = VerbInput<typeof createTaskSchema>;

const taskId = recordId('task', 'bigint');
const taskRef = { taskId, version: versionField };

export const editTaskSchema = z.object({ ...taskRef, title, description, priority, dueDate: optionalDay });
export type EditTaskInput = VerbInput<typeof editTaskSchema>;

export const completeTaskSchema = z.object({ ...taskRef, outcome: requiredText('the outcome', 500) });
export type CompleteTaskInput = VerbInput<typeof completeTaskSchema>;

const assigneeId = chosenId('user', 'int', 'Choose who takes the task.');

export const reassignTaskSchema = z.object({ ...taskRef, assigneeId });
export type ReassignTaskInput = VerbInput<typeof reassignTaskSchema>;

/** A selected task as a form sends it ("id:version") or as code passes it. */
const selectedTask = z.union([
  z.object({ id: taskId, version: versionField }),
  z
    .string()
    .transform(
      (value, ctx) =>
        parseVersionedId(value, 'bigint') ?? (ctx.addIssue({ code: 'custom', message: 'Unknown task.' }), z.NEVER),
    ),
]);

export const BULK_REASSIGN_MAX = 500;

export const bulkReassignSchema = z.object({
  tasks: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z
      .array(selectedTask)
      .min(1, { error: 'Select at least one task.' })
      .max(BULK_REASSIGN_MAX, { error: `Select at most ${BULK_REASSIGN_MAX} tasks at a time.` }),
  ),
  assigneeId,
});
export type BulkReassignInput = VerbInput<typeof bulkReassignSchema>;
