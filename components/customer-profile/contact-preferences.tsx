'use client';

import { updateContactAction } from '@/app/(app)/customers/[id]/actions';
import { FormResult } from '@/components/forms/form-result';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { CHANNEL_LABELS, CHANNELS, CONSENT_CHANNELS, consentKey, type Channel } from '@/lib/work/catalog';

export type ContactValues = {
  customerId: number;
  version: number;
  email: string | null;
  phone: string | null;
  consentEmail: boolean;
  consentSms: boolean;
  consentPush: boolean;
  preferredChannel: Channel | null;
};

/** Email, phone, opt-in per channel and the preferred channel, saved together against the customer's version. */
export function ContactPreferencesForm({ values }: { values: ContactValues }) {
  const { state, pending, formProps } = useFormAction(updateContactAction);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form {...formProps} noValidate className="space-y-4" aria-label="Contact and consent">
      <input type="hidden" name="customerId" value={values.customerId} />
      <input type="hidden" name="version" value={values.version} />
      <Field name="email" id="contact-email" label="Email" errors={errors?.email}>
        {(control) => <Input {...control} type="email" defaultValue={values.email ?? ''} autoComplete="off" />}
      </Field>
      <Field name="phone" id="contact-phone" label="Phone" errors={errors?.phone}>
        {(control) => <Input {...control} type="tel" defaultValue={values.phone ?? ''} autoComplete="off" />}
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">Opted in to</legend>
        <div className="mt-1.5 flex flex-wrap gap-x-5 gap-y-2">
          {CONSENT_CHANNELS.map((channel) => (
            <label key={channel} className="inline-flex items-center gap-2 text-sm text-zinc-800">
              <input
                type="checkbox"
                name={consentKey(channel)}
                defaultChecked={values[consentKey(channel)]}
                className="size-4 accent-accent-700"
              />
              {CHANNEL_LABELS[channel]}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-zinc-600">Outreach never uses a channel without opt-in.</p>
      </fieldset>
      <Field name="preferredChannel" id="contact-preferred" label="Preferred channel" errors={errors?.preferredChannel}>
        {(control) => (
          <Select {...control} defaultValue={values.preferredChannel ?? ''}>
            <option value="">No preference</option>
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {CHANNEL_LABELS[channel]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <FormResult state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Save contact'}
      </Button>
    </form>
  );
}
