'use client';

import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import type { ActionResult, FieldErrors } from '@/server/errors';
import { FormResult } from './form-result';
import { useActionSubmit } from './use-action-submit';

type ActionDialogProps<T> = {
  /** The button that opens it; omit and pass `open`/`onOpenChange` to open it from elsewhere (e.g. a menu). */
  trigger?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  submitLabel: string;
  pendingLabel: string;
  tone?: 'primary' | 'danger';
  action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  onSuccess: (result: ActionResult<T> & { ok: true }) => void;
  /** The form's fields, given the field errors of the last refusal. */
  children: (errors: FieldErrors) => ReactNode;
};

/**
 * A dialog holding one server action's form that reports success to its caller (e.g. to refresh a list or follow a
 * new saved view), and can be opened from elsewhere (a menu): field errors and the server's message inline.
 */
export function CallbackActionDialog<T>(props: ActionDialogProps<T>) {
  const { trigger, title, description, submitLabel, pendingLabel, tone = 'primary', action, onSuccess, children } = props;
  const [ownOpen, setOwnOpen] = useState(false);
  const open = props.open ?? ownOpen;
  const { state, pending, onSubmit, reset } = useActionSubmit(action, (result) => {
    setOpen(false);
    onSuccess(result);
  });
  function setOpen(next: boolean) {
    reset();
    setOwnOpen(next);
    props.onOpenChange?.(next);
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      {trigger && <DialogTrigger asChild>{trigger}</DialogTrigger>}
      <DialogContent title={title} description={description}>
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          {children(state?.ok === false ? (state.fieldErrors ?? {}) : {})}
          <FormResult state={state} />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="ghost">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant={tone === 'danger' ? 'danger' : 'primary'} disabled={pending}>
              {pending ? pendingLabel : submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
