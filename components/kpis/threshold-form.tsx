'use client';

import { FormResult } from '@/components/forms/form-result';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { clearSegmentThresholdsAction, setChurnThresholdsAction } from '@/app/(app)/kpis/thresholds/actions';

type ThresholdFormProps = {
  /** '' = the workspace default. */
  segment: string;
  label: string;
  /** Current values in percent, as the form shows them. */
  target: number;
  watch: number;
  /** The segment has thresholds of its own that can be removed. */
  own: boolean;
  save: typeof setChurnThresholdsAction;
  clear: typeof clearSegmentThresholdsAction;
};

const percent = (fraction: number) => String(Math.round(fraction * 10_000) / 100);

/** One segment's thresholds, editable by an admin; errors show under the field they are about. */
export function ThresholdForm({ segment, label, target, watch, own, save, clear }: ThresholdFormProps) {
  const saving = useFormAction(save);
  const clearing = useFormAction(clear);
  const errors = saving.state && !saving.state.ok ? saving.state.fieldErrors : undefined;
  const key = segment || 'default';
  return (
    <div className="space-y-2">
      <form
        {...saving.formProps}
        aria-label={`Churn thresholds of ${label}`}
        className="flex flex-wrap items-start gap-3"
        noValidate
      >
        <input type="hidden" name="segment" value={segment} />
        <Field name="target" id={`target-${key}`} label="On target up to (%)" errors={errors?.target} className="w-40">
          {(control) => <Input {...control} inputMode="decimal" defaultValue={percent(target)} />}
        </Field>
        <Field name="watch" id={`watch-${key}`} label="Watch up to (%)" errors={errors?.watch} className="w-40">
          {(control) => <Input {...control} inputMode="decimal" defaultValue={percent(watch)} />}
        </Field>
        <div className="flex gap-2 pt-6">
          <Button type="submit" size="sm" disabled={saving.pending}>
            {saving.pending ? 'Saving…' : 'Save'}
          </Button>
        </div>
      </form>
      {own && (
        <form {...clearing.formProps}>
          <input type="hidden" name="segment" value={segment} />
          <Button type="submit" variant="ghost" size="sm" disabled={clearing.pending}>
            Use the workspace default
          </Button>
        </form>
      )}
      <FormResult state={saving.state} />
      <FormResult state={clearing.state} />
    </div>
  );
}
