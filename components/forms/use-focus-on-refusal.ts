'use client';

import { useEffect, useRef, type FormEvent } from 'react';
import type { ActionResult } from '@/server/errors';

/**
 * After a refused submit, focus goes where the user has to act: the first field in error; without field errors, back
 * to the button they pressed if focus was lost (a submit button is disabled while the action runs, which drops focus
 * to the top of the page). Call `remember` from the form's submit handler.
 */
export function useFocusOnRefusal(state: ActionResult<unknown> | null) {
  const submitted = useRef<{ form: HTMLFormElement; submitter: HTMLElement | null } | null>(null);
  useEffect(() => {
    const last = submitted.current;
    if (!last || !state || state.ok || !last.form.isConnected) return;
    const invalid = last.form.querySelector<HTMLElement>('[aria-invalid="true"]');
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (invalid) invalid.focus();
    else if (lost)
      (last.submitter?.isConnected ? last.submitter : last.form.querySelector<HTMLElement>('[type="submit"]'))?.focus();
  }, [state]);
  return function remember(event: FormEvent<HTMLFormElement>) {
    submitted.current = {
      form: event.currentTarget,
      submitter: (event.nativeEvent as SubmitEvent).submitter as HTMLElement | null,
    };
  };
}
