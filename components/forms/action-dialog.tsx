'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import type { ActionResult, FieldErrors } from '@/server/errors';
import { FormResult } from './form-result';
import { useFormAction } from './use-form-action';

type FormAction<T> = (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

type ActionDialogProps<T> = {
  /** The button that opens the dialog. */
  trigger: ReactNode;
  title: string;
  description?: ReactNode;
  action: FormAction<T>;
  /** Ids and the version the form was rendered with. */
  hidden: Record<string, string | number>;
  submitLabel: string;
  pendingLabel: string;
  tone?: 'primary' | 'danger';
  children?: (errors: FieldErrors | undefined) => ReactNode;
};

/**
 * A server-action form in a modal: field errors and refusals (a conflict, a permission) show inside it, and it
 * closes once the action succeeds. Its state starts fresh each time it opens.
 */
export function ActionDialog<T>({ trigger, title, description, ...form }: ActionDialogProps<T>) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description}>
        <DialogForm {...form} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function DialogForm<T>({ action, hidden, submitLabel, pendingLabel, tone = 'primary', children, onDone }: Omit<ActionDialogProps<T>, 'trigger' | 'title' | 'description'> & { onDone: () => void }) {
  const { state, pending, formProps } = useFormAction(action);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  useEffect(() => {
    if (state?.ok) onDone();
  }, [state, onDone]);
  return (
    <form {...formProps} noValidate className="space-y-4">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children?.(errors)}
      {state && !state.ok && <FormResult state={state} />}
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="ghost">Cancel</Button>
        </DialogClose>
        <Button type="submit" variant={tone === 'danger' ? 'danger' : 'primary'} disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}
