'use client';

import { logActivityAction } from '@/app/(app)/customers/[id]/actions';
import { FormResult } from '@/components/forms/form-result';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { cn } from '@/lib/cn';
import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS } from '@/lib/work/catalog';

/** Log a call, email, meeting or note on the customer; it lands at the top of the timeline. */
export function LogActivityForm({ customerId }: { customerId: number }) {
  const { state, pending, formProps } = useFormAction(logActivityAction, { resetOnSuccess: true });
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form {...formProps} noValidate className="space-y-4" aria-label="Log an activity">
      <input type="hidden" name="customerId" value={customerId} />
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">Kind</legend>
        <div className="mt-1.5 inline-flex rounded-md border border-zinc-300 bg-white p-0.5 shadow-sm">
          {ACTIVITY_KINDS.map((kind) => (
            <label
              key={kind}
              className={cn(
                'cursor-pointer rounded px-3 py-1 text-sm font-medium text-zinc-700 select-none has-checked:bg-accent-700 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-accent-700',
              )}
            >
              <input type="radio" name="kind" value={kind} defaultChecked={kind === 'call'} className="sr-only" />
              {ACTIVITY_KIND_LABELS[kind]}
            </label>
          ))}
        </div>
        {errors?.kind && <p className="mt-1 text-sm text-red-700">{errors.kind.join(' ')}</p>}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
        <Field name="subject" id="activity-subject" label="Subject" errors={errors?.subject}>
          {(control) => <Input {...control} maxLength={200} required placeholder="e.g. Renewal check-in" />}
        </Field>
        <Field name="occurredAt" id="activity-when" label="When (UTC)" hint="Empty: now." errors={errors?.occurredAt}>
          {(control) => <Input {...control} type="datetime-local" />}
        </Field>
      </div>
      <Field name="body" id="activity-body" label="Notes (optional)" errors={errors?.body}>
        {(control) => <Textarea {...control} maxLength={5000} />}
      </Field>
      <Field name="outcome" id="activity-outcome" label="Outcome (optional)" errors={errors?.outcome}>
        {(control) => <Input {...control} maxLength={500} placeholder="e.g. Agreed to a training session" />}
      </Field>
      <FormResult state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Logging…' : 'Log activity'}
      </Button>
    </form>
  );
}
