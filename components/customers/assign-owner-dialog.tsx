'use client';

import { UserRoundCog } from 'lucide-react';
import { MoveOpenTasksCheckbox } from '@/components/forms/move-open-tasks-checkbox';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { assignOwnerAction } from '@/app/(app)/customers/actions';
import { BulkActionDialog } from './bulk-action-dialog';
import type { BulkSelection } from './bulk-target-fields';

type Person = { id: number; name: string; email: string };

/** Lead and admin: make one person the owner of the selected (or all matching) customers, with their open tasks by default. */
export function AssignOwnerDialog({
  selection,
  owners,
  onDone,
}: {
  selection: BulkSelection;
  owners: Person[];
  onDone: (message: string) => void;
}) {
  return (
    <BulkActionDialog
      trigger={
        <>
          <UserRoundCog aria-hidden /> Assign owner
        </>
      }
      title="Assign owner"
      describe={(who) => `Make one person the owner of ${who}.`}
      submitLabel="Assign owner"
      pendingLabel="Assigning…"
      selection={selection}
      action={assignOwnerAction}
      onDone={onDone}
    >
      {(errors) => (
        <>
          <Field name="ownerId" label="New owner" errors={errors.ownerId}>
            {(control) => (
              <Select {...control} defaultValue="">
                <option value="" disabled>
                  Choose a person
                </option>
                {owners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name} ({o.email})
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <MoveOpenTasksCheckbox label="Move the previous owners’ open tasks on these accounts too" />
        </>
      )}
    </BulkActionDialog>
  );
}
