'use client';

import { createTaskAction } from '@/app/(app)/my-work/actions';
import { FormResult } from '@/components/forms/form-result';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { TaskFields } from './task-fields';

type CreateTaskFormProps = {
  customerId: number;
  /** Given only to those who may assign; otherwise the task goes to the account's owner. */
  assignees?: { id: number; name: string }[];
  ownerId: number | null;
};

export function CreateTaskForm({ customerId, assignees, ownerId }: CreateTaskFormProps) {
  const { state, pending, formProps } = useFormAction(createTaskAction, { resetOnSuccess: true });
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form {...formProps} noValidate className="space-y-4" aria-label="New task">
      <input type="hidden" name="customerId" value={customerId} />
      <TaskFields idPrefix="new-task" errors={errors} />
      {assignees && (
        <Field name="assigneeId" id="new-task-assignee" label="Assignee" errors={errors?.assigneeId}>
          {(control) => (
            <Select {...control} defaultValue={ownerId ?? ''}>
              <option value="">The account&apos;s owner</option>
              {assignees.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      <FormResult state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Adding…' : 'Add task'}
      </Button>
    </form>
  );
}
