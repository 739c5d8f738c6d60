'use client';

import { useState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/server/errors';

type Action<T> = (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/**
 * Submits a form to a server action and hands a success to the caller (e.g. to close its dialog); a refusal stays
 * in `state` with its field errors, and the form keeps what the user typed.
 */
export function useActionSubmit<T>(action: Action<T>, onSuccess: (result: ActionResult<T> & { ok: true }) => void) {
  const [state, setState] = useState<ActionResult<T> | null>(null);
  const [pending, startTransition] = useTransition();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(async () => {
      const result = await action(null, formData);
      setState(result);
      if (result.ok) onSuccess(result);
    });
  }
  return { state, pending, onSubmit, reset: () => setState(null) };
}
