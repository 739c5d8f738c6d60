'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, type FormEvent, type FormHTMLAttributes } from 'react';

type GetFormProps = Omit<FormHTMLAttributes<HTMLFormElement>, 'method' | 'action' | 'onSubmit'> & {
  action: string;
  /** Fields kept even when empty, because their position pairs them with other repeated fields. */
  keepEmpty?: string[];
};

/**
 * Where focus was when a GetForm navigated: a form keyed by the URL's state is a new element after the navigation,
 * and without this, focus would drop to the top of the page.
 */
let refocus: { href: string; id: string | null } | null = null;

/**
 * A GET form whose URL leaves out empty fields (a clean, shareable link), navigating client-side; without script it
 * submits as a plain GET form with the same result. Focus stays on the field (or the button) the user submitted from.
 */
export function GetForm({ action, keepEmpty = [], children, ...props }: GetFormProps) {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const pending = refocus;
    if (!pending || pending.href !== `${location.pathname}${location.search}`) return;
    refocus = null;
    const target = pending.id
      ? document.getElementById(pending.id)
      : ref.current?.querySelector<HTMLElement>('[type="submit"]');
    target?.focus();
  }, []);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value === 'string' && (value.trim() !== '' || keepEmpty.includes(name))) params.append(name, value);
    }
    const search = params.toString();
    const href = search ? `${action}?${search}` : action;
    const focused = document.activeElement;
    // The same URL re-renders nothing, and focus stays where it is.
    const moves = href !== `${location.pathname}${location.search}`;
    refocus = moves
      ? {
          href,
          id: focused instanceof HTMLElement && event.currentTarget.contains(focused) && focused.id ? focused.id : null,
        }
      : null;
    router.push(href);
  }
  return (
    <form ref={ref} method="get" action={action} onSubmit={onSubmit} {...props}>
      {children}
    </form>
  );
}
