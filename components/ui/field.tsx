import type { ReactNode } from 'react';
import { Label } from './label';

export type ControlProps = { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

type FieldProps = {
  name: string;
  label: string;
  /** Unique on the page; defaults to the field name. */
  id?: string;
  hint?: string;
  errors?: string[];
  className?: string;
  /** Renders the control with the id, name and ARIA wiring that ties it to its label, hint and errors. */
  children: (control: ControlProps) => ReactNode;
};

/** A labelled form control with an optional hint and its field-level errors underneath. */
export function Field({ name, label, id = name, hint, errors, className, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <Label htmlFor={id}>{label}</Label>
      <div className="mt-1.5">
        {children({ id, name, 'aria-invalid': errorId ? true : undefined, 'aria-describedby': describedBy })}
      </div>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-zinc-600">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors!.join(' ')}
        </p>
      )}
    </div>
  );
}
