'use client';

import type { ReactNode } from 'react';
import { ActionDialog } from '@/components/forms/action-dialog';
import { Button } from '@/components/ui/button';
import type { ActionResult, FieldErrors } from '@/server/errors';
import { BulkTargetFields, selectionLabel, type BulkSelection } from './bulk-target-fields';

type BulkActionDialogProps<T> = {
  trigger: ReactNode;
  title: string;
  /** What it does, completed with whom it applies to. */
  describe: (who: string) => string;
  submitLabel: string;
  pendingLabel: string;
  selection: BulkSelection;
  action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  onDone: (message: string) => void;
  children: (errors: FieldErrors) => ReactNode;
};

/** A bulk action's dialog: the action's fields plus the selection as hidden fields. */
export function BulkActionDialog<T>({
  trigger,
  describe,
  selection,
  onDone,
  children,
  ...dialog
}: BulkActionDialogProps<T>) {
  return (
    <ActionDialog
      {...dialog}
      trigger={
        <Button variant="secondary" size="sm">
          {trigger}
        </Button>
      }
      description={describe(selectionLabel(selection))}
      onSuccess={(result) => onDone(result.message ?? 'Done.')}
    >
      {(errors) => (
        <>
          <BulkTargetFields selection={selection} />
          {children(errors)}
        </>
      )}
    </ActionDialog>
  );
}
