'use client';

import { useEffect, useRef, type InputHTMLAttributes } from 'react';
import { cn } from '@/lib/cn';

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { indeterminate?: boolean };

/** A native checkbox that can also show "some selected" (a DOM property, not an attribute). */
export function Checkbox({ indeterminate = false, className, ...props }: CheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className={cn('size-4 rounded border-zinc-400 accent-accent-700', className)}
      {...props}
    />
  );
}
