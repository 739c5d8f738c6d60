'use client';

import { useRouter } from 'next/navigation';
import type { FormEvent, FormHTMLAttributes } from 'react';

type GetFormProps = Omit<FormHTMLAttributes<HTMLFormElement>, 'method' | 'action' | 'onSubmit'> & {
  action: string;
  /** Fields kept even when empty, because their position pairs them with other repeated fields. */
  keepEmpty?: string[];
};

/**
 * A GET form whose URL leaves out empty fields (a clean, shareable link), navigating client-side; without script it
 * submits as a plain GET form with the same result.
 */
export function GetForm({ action, keepEmpty = [], children, ...props }: GetFormProps) {
  const router = useRouter();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value === 'string' && (value.trim() !== '' || keepEmpty.includes(name))) params.append(name, value);
    }
    const search = params.toString();
    router.push(search ? `${action}?${search}` : action);
  }
  return (
    <form method="get" action={action} onSubmit={onSubmit} {...props}>
      {children}
    </form>
  );
}
