import { Alert } from '@/components/ui/alert';
import type { ActionResult } from '@/server/errors';

/** The outcome message of a form's last submission, if it has one. */
export function FormResult({ state, className }: { state: ActionResult<unknown> | null; className?: string }) {
  if (!state?.message) return null;
  return (
    <Alert tone={state.ok ? 'success' : 'error'} className={className}>
      {state.message}
    </Alert>
  );
}
