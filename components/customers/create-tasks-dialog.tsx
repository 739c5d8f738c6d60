'use client';

import { ListTodo } from 'lucide-react';
import { Field } from '@/components/ui/field';
import { Input, controlClasses } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { cn } from '@/lib/cn';
import { createTasksAction } from '@/app/(app)/customers/actions';
import { BulkActionDialog } from './bulk-action-dialog';
import type { BulkSelection } from './bulk-target-fields';

type Person = { id: number; name: string; email: string };

type CreateTasksDialogProps = {
  selection: BulkSelection;
  /** People a lead may give the tasks to; empty for a CSM, whose tasks go to the accounts' owner (themselves). */
  assignees: Person[];
  onDone: (message: string) => void;
};

/** One task per selected customer, e.g. "Check in before renewal", for each account's owner or one person. */
export function CreateTasksDialog({ selection, assignees, onDone }: CreateTasksDialogProps) {
  return (
    <BulkActionDialog
      trigger={
        <>
          <ListTodo aria-hidden /> Create tasks
        </>
      }
      title="Create a task for each customer"
      describe={(who) => `One task for each of ${who}.`}
      submitLabel="Create tasks"
      pendingLabel="Creating…"
      selection={selection}
      action={createTasksAction}
      onDone={onDone}
    >
      {(errors) => (
        <>
          <Field name="title" label="Title" errors={errors.title}>
            {(control) => <Input {...control} maxLength={200} placeholder="e.g. Check in before renewal" />}
          </Field>
          <Field name="description" label="Details (optional)" errors={errors.description}>
            {(control) => <textarea {...control} rows={3} maxLength={2000} className={cn(controlClasses, 'py-2')} />}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field name="dueOn" label="Due on (optional)" errors={errors.dueOn}>
              {(control) => <Input {...control} type="date" />}
            </Field>
            <Field name="priority" label="Priority" errors={errors.priority}>
              {(control) => (
                <Select {...control} defaultValue="normal">
                  <option value="low">Low</option>
                  <option value="normal">Normal</option>
                  <option value="high">High</option>
                  <option value="urgent">Urgent</option>
                </Select>
              )}
            </Field>
          </div>
          {assignees.length > 0 && (
            <Field name="assignee" label="For" errors={errors.assignee}>
              {(control) => (
                <Select {...control} defaultValue="owner">
                  <option value="owner">Each account’s owner</option>
                  {assignees.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} ({p.email})
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          )}
        </>
      )}
    </BulkActionDialog>
  );
}
