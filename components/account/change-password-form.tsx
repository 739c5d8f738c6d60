'use client';

import { FormResult } from '@/components/forms/form-result';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { changeOwnPasswordAction } from '@/app/(app)/account/password/actions';

export function ChangePasswordForm({ action }: { action: typeof changeOwnPasswordAction }) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: true });
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  return (
    <form {...formProps} noValidate className="space-y-4">
      <FormResult state={state} />
      <Field name="currentPassword" label="Current password" errors={errors?.currentPassword}>
        {(control) => <Input {...control} type="password" autoComplete="current-password" />}
      </Field>
      <Field name="newPassword" label="New password" hint="At least 10 characters." errors={errors?.newPassword}>
        {(control) => <Input {...control} type="password" autoComplete="new-password" />}
      </Field>
      <Field name="confirmPassword" label="New password again" errors={errors?.confirmPassword}>
        {(control) => <Input {...control} type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  );
}
