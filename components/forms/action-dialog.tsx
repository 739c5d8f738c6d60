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
  action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  /** Ids and the version the form was rendered with. */
  hidden?: Record<string, string | number>;
  submitLabel: string;
  pendingLabel: string;
  tone?: 'primary' | 'danger';
  /** After the action succeeded and the dialog closed (e.g. to follow a new saved view). */
  onSuccess?: (result: ActionResult<T> & { ok: true }) => void;
  /** The form's fields, given the field errors of the last refusal. */
  children?: (errors: FieldErrors) => ReactNode;
};

/**
 * A server-action form in a modal: field errors and refusals (a conflict, a permission) show inside it, and it
 * closes once the action succeeds. Its state starts fresh each time it opens.
 */
export function ActionDialog<T>(props: ActionDialogProps<T>) {
  const {
    trigger,
    title,
    description,
    hidden = {},
    submitLabel,
    pendingLabel,
    tone = 'primary',
    action,
    onSuccess,
    children,
  } = props;
  const [ownOpen, setOwnOpen] = useState(false);
  const open = props.open ?? ownOpen;
  const { state, pending, onSubmit, reset } = useActionSubmit(action, (result) => {
    setOpen(false);
    onSuccess?.(result);
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
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {children?.(state?.ok === false ? (state.fieldErrors ?? {}) : {})}
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
