'use client';

import { useState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/server/errors';
import { useFocusOnRefusal } from './use-focus-on-refusal';

type Action<T> = (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/**
 * Submits a form to a server action and hands a success to the caller (e.g. to close its dialog); a refusal stays
 * in `state` with its field errors, the form keeps what the user typed, and focus moves to the first field in error.
 */
export function useActionSubmit<T>(action: Action<T>, onSuccess: (result: ActionResult<T> & { ok: true }) => void) {
  const [state, setState] = useState<ActionResult<T> | null>(null);
  const [pending, startTransition] = useTransition();
  const remember = useFocusOnRefusal(state);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    remember(event);
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(async () => {
      const result = await action(null, formData);
      setState(result);
      if (result.ok) onSuccess(result);
    });
  }
  return { state, pending, onSubmit, reset: () => setState(null) };
}
