'use client';

import { useState } from 'react';
import { ActionDialog } from '@/components/forms/action-dialog';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { resetPasswordAction } from '@/app/(app)/admin/users/actions';

type ResetPasswordDialogProps = { user: { id: number; name: string }; action: typeof resetPasswordAction };

/** Sets a new password for someone (generated, or typed), then shows it once, to be handed over privately. */
export function ResetPasswordDialog({ user, action }: ResetPasswordDialogProps) {
  const [mode, setMode] = useState<'generate' | 'type'>('generate');
  const [revealed, setRevealed] = useState<{ password: string; message?: string } | null>(null);
  return (
    <>
      <ActionDialog
        trigger={
          <Button variant="secondary" size="sm">
            Reset password
          </Button>
        }
        title={`Reset the password of ${user.name}`}
        description="They are signed out everywhere and sign in with the new password."
        action={action}
        hidden={{ userId: user.id }}
        submitLabel="Set new password"
        pendingLabel="Setting…"
        onSuccess={(result) => result.data && setRevealed({ password: result.data.password, message: result.message })}
      >
        {(errors) => (
          <>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-zinc-900">New password</legend>
              {(['generate', 'type'] as const).map((value) => (
                <label key={value} className="flex items-center gap-2 text-sm text-zinc-800">
                  <input
                    type="radio"
                    name="mode"
                    value={value}
                    checked={mode === value}
                    onChange={() => setMode(value)}
                  />
                  {value === 'generate' ? 'Generate one' : 'Type one'}
                </label>
              ))}
            </fieldset>
            {mode === 'type' && (
              <Field name="password" label="Password" hint="At least 10 characters." errors={errors.password}>
                {(control) => <Input {...control} type="password" autoComplete="new-password" />}
              </Field>
            )}
          </>
        )}
      </ActionDialog>
      <Dialog open={revealed !== null} onOpenChange={(open) => !open && setRevealed(null)}>
        {revealed && (
          <DialogContent
            title={`New password for ${user.name}`}
            description="Shown this once: copy it now and share it privately."
          >
            {revealed.message && <Alert tone="success">{revealed.message}</Alert>}
            <label htmlFor={`new-password-${user.id}`} className="mt-4 block text-sm font-medium text-zinc-900">
              Password
            </label>
            <Input
              id={`new-password-${user.id}`}
              readOnly
              value={revealed.password}
              className="mt-1.5 font-mono"
              onFocus={(e) => e.target.select()}
            />
            <DialogFooter>
              <DialogClose asChild>
                <Button>Done</Button>
              </DialogClose>
            </DialogFooter>
          </DialogContent>
        )}
      </Dialog>
    </>
  );
}
