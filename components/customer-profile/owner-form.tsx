'use client';

import { changeOwnerAction } from '@/app/(app)/customers/[id]/actions';
import { FormResult } from '@/components/forms/form-result';
import { MoveOpenTasksCheckbox } from '@/components/forms/move-open-tasks-checkbox';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { ROLE_LABELS, type Role } from '@/lib/auth/roles';

type OwnerFormProps = {
  customerId: number;
  version: number;
  ownerId: number | null;
  people: { id: number; name: string; role: Role }[];
};

/** Hand the account to someone else (leads and admins), optionally with the previous owner's open tasks on it. */
export function OwnerForm({ customerId, version, ownerId, people }: OwnerFormProps) {
  const { state, pending, formProps } = useFormAction(changeOwnerAction);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form {...formProps} noValidate className="space-y-4" aria-label="Account owner">
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="version" value={version} />
      <Field name="ownerId" id="owner-select" label="Owner" errors={errors?.ownerId}>
        {(control) => (
          <Select {...control} defaultValue={ownerId ?? ''}>
            <option value="">Choose the new owner…</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name} ({ROLE_LABELS[person.role]})
              </option>
            ))}
          </Select>
        )}
      </Field>
      <MoveOpenTasksCheckbox label="Move the previous owner’s open tasks on this account too" />
      <FormResult state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Change owner'}
      </Button>
    </form>
  );
}
