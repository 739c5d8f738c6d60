'use client';

import { FormResult } from '@/components/forms/form-result';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/auth/roles';
import type { changeRoleAction } from '@/app/(app)/admin/users/actions';

type UserRoleFormProps = {
  user: { id: number; name: string; role: Role; version: number };
  action: typeof changeRoleAction;
};

/** One row's role, editable; the version it was read at travels along so that a concurrent change is refused. */
export function UserRoleForm({ user, action }: UserRoleFormProps) {
  const { state, pending, formProps } = useFormAction(action);
  const selectId = `role-${user.id}`;
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <div className="flex items-center gap-2">
        <label htmlFor={selectId} className="sr-only">
          Role of {user.name}
        </label>
        <Select id={selectId} name="role" defaultValue={user.role} className="w-auto">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </Select>
        <Button type="submit" variant="secondary" size="sm" disabled={pending}>
          Save
        </Button>
      </div>
      <FormResult state={state} className="w-64" />
    </form>
  );
}
