'use client';

import { Check, Pencil, UserRoundPen } from 'lucide-react';
import { completeTaskAction, editTaskAction, reassignTaskAction } from '@/app/(app)/my-work/actions';
import { ActionDialog } from '@/components/forms/action-dialog';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import type { Priority } from '@/lib/work/catalog';
import { TaskFields } from './task-fields';

export type TaskActionTarget = {
  id: number;
  version: number;
  title: string;
  description: string | null;
  priority: Priority;
  dueDate: string | null;
  assigneeId: number | null;
};

type TaskActionsProps = {
  task: TaskActionTarget;
  /** The server decided these from the viewer's permissions on this task. */
  canWork: boolean;
  /** People to reassign to; only given to those who may assign. */
  assignees?: { id: number; name: string }[];
};

/** Complete, edit and (for leads) reassign one task; each form carries the version it was shown with. */
export function TaskActions({ task, canWork, assignees }: TaskActionsProps) {
  const ref = { taskId: task.id, version: task.version };
  const prefix = `task-${task.id}`;
  return (
    <div className="flex flex-wrap gap-1.5">
      {canWork && (
        <>
          <ActionDialog
            trigger={
              <Button size="sm" variant="secondary" aria-label={`Complete “${task.title}”`}>
                <Check aria-hidden /> Complete
              </Button>
            }
            title="Complete task"
            description={task.title}
            action={completeTaskAction}
            hidden={ref}
            submitLabel="Mark as done"
            pendingLabel="Saving…"
          >
            {(errors) => (
              <Field
                name="outcome"
                id={`${prefix}-outcome`}
                label="Outcome"
                hint="What happened, for whoever reads the account next."
                errors={errors?.outcome}
              >
                {(control) => <Textarea {...control} maxLength={500} required autoFocus />}
              </Field>
            )}
          </ActionDialog>
          <ActionDialog
            trigger={
              <Button size="sm" variant="ghost" aria-label={`Edit “${task.title}”`}>
                <Pencil aria-hidden /> Edit
              </Button>
            }
            title="Edit task"
            action={editTaskAction}
            hidden={ref}
            submitLabel="Save"
            pendingLabel="Saving…"
          >
            {(errors) => <TaskFields idPrefix={`${prefix}-edit`} errors={errors} values={task} />}
          </ActionDialog>
        </>
      )}
      {assignees && (
        <ActionDialog
          trigger={
            <Button size="sm" variant="ghost" aria-label={`Reassign “${task.title}”`}>
              <UserRoundPen aria-hidden /> Reassign
            </Button>
          }
          title="Reassign task"
          description={task.title}
          action={reassignTaskAction}
          hidden={ref}
          submitLabel="Reassign"
          pendingLabel="Reassigning…"
        >
          {(errors) => (
            <Field name="assigneeId" id={`${prefix}-assignee`} label="Give it to" errors={errors?.assigneeId}>
              {(control) => (
                <Select {...control} defaultValue={task.assigneeId ?? ''}>
                  <option value="">Choose a person…</option>
                  {assignees.map((person) => (
                    <option key={person.id} value={person.id}>
                      {person.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          )}
        </ActionDialog>
      )}
    </div>
  );
}
