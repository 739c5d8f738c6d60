'use client';

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import type { ActionResult } from '@/server/errors';
import { useFocusOnRefusal } from './use-focus-on-refusal';

type FormAction<T> = (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState for a server action built with validatedAction. With JavaScript the form is submitted from
 * onSubmit so that React does not reset it afterwards: a refused form keeps what the user typed, and focus moves to
 * its first field in error. Without JavaScript, `action` still posts it. `resetOnSuccess` empties the form once the
 * action succeeded (ready for the next entry, or so that a password does not stay in it).
 */
export function useFormAction<T>(action: FormAction<T>, { resetOnSuccess = false } = {}) {
  const [state, dispatch, pending] = useActionState(action, null);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetOnSuccess && state?.ok) ref.current?.reset();
  }, [resetOnSuccess, state]);
  const remember = useFocusOnRefusal(state);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    remember(event);
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(formData));
  }
  return { state, pending, formProps: { ref, action: dispatch, onSubmit } };
}
