'use client';

import { FormResult } from '@/components/forms/form-result';
import { useFormAction } from '@/components/forms/use-form-action';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { setDisabledAction } from '@/app/(app)/admin/users/actions';

type UserStatusFormProps = {
  user: { id: number; disabled: boolean; version: number };
  action: typeof setDisabledAction;
};

/** Shows whether the user may sign in and flips it, guarded by the row's version like every row edit. */
export function UserStatusForm({ user, action }: UserStatusFormProps) {
  const { state, pending, formProps } = useFormAction(action);
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <input type="hidden" name="disabled" value={user.disabled ? 'false' : 'true'} />
      <div className="flex items-center gap-2">
        {user.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}
        <Button type="submit" variant={user.disabled ? 'secondary' : 'danger'} size="sm" disabled={pending}>
          {user.disabled ? 'Enable' : 'Disable'}
        </Button>
      </div>
      <FormResult state={state} className="w-64" />
    </form>
  );
}
