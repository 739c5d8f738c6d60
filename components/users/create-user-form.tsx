'use client';

import { FormResult } from '@/components/forms/form-result';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { ROLE_LABELS, ROLES } from '@/lib/auth/roles';
import type { createUserAction } from '@/app/(app)/admin/users/actions';

export function CreateUserForm({ action }: { action: typeof createUserAction }) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: true });
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  return (
    <form {...formProps} noValidate className="space-y-4">
      <FormResult state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label="Name" errors={errors?.name}>
          {(control) => <Input {...control} autoComplete="off" />}
        </Field>
        <Field name="email" label="Email" errors={errors?.email}>
          {(control) => <Input {...control} type="email" autoComplete="off" />}
        </Field>
        <Field name="role" label="Role" errors={errors?.role}>
          {(control) => (
            <Select {...control} defaultValue="csm">
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          name="password"
          label="Password"
          hint="At least 10 characters. Share it with the person privately."
          errors={errors?.password}
        >
          {(control) => <Input {...control} type="password" autoComplete="new-password" />}
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create user'}
      </Button>
    </form>
  );
}
