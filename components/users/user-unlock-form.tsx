'use client';

import { FormResult } from '@/components/forms/form-result';
import { useFormAction } from '@/components/forms/use-form-action';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/lib/format';
import type { unlockUserAction } from '@/app/(app)/admin/users/actions';

type UserUnlockFormProps = { user: { id: number; lockedUntil: Date | null }; action: typeof unlockUserAction };

/**
 * An account locked out by failed sign-ins, and the button that lets it sign in again now. Rendered for every row,
 * so that the confirmation stays once the refreshed list no longer shows the lock.
 */
export function UserUnlockForm({ user, action }: UserUnlockFormProps) {
  const { state, pending, formProps } = useFormAction(action);
  if (!user.lockedUntil && !state) return null;
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="userId" value={user.id} />
      {user.lockedUntil && (
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="warning">Locked until {formatDateTime(user.lockedUntil)}</Badge>
          <Button type="submit" variant="secondary" size="sm" disabled={pending}>
            Unlock
          </Button>
        </div>
      )}
      <FormResult state={state} className="w-64" />
    </form>
  );
}
