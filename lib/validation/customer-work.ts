import { z } from 'zod';
import { ACTIVITY_KINDS, CHANNELS, CONSENT_CHANNELS, consentKey, type ConsentChannel } from '@/lib/work/catalog';
import { emailSchema } from './users';
import { checkbox, chosenId, emptyToNull, optionalText, requiredText, type VerbInput } from './form-fields';
import { isInstant } from './dates';
import { recordId, versionField } from './ids';

const customerId = recordId('customer', 'bigint');

/** A moment as <input type="datetime-local"> sends it (read as UTC, the workspace time zone) or an ISO string. */
const moment = z.preprocess(
  emptyToNull,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?$/, { error: 'Enter a date and time.' })
    .refine((value) => isInstant(value.endsWith('Z') ? value : `${value}Z`), { error: 'Enter a real date and time.' })
    .nullable(),
);

export function momentOf(value: string): Date {
  return new Date(value.endsWith('Z') ? value : `${value}Z`);
}

export const logActivitySchema = z.object({
  customerId,
  kind: z.enum(ACTIVITY_KINDS, { error: 'Choose call, email, meeting or note.' }),
  subject: requiredText('a subject', 200),
  body: optionalText(5000),
  outcome: optionalText(500),
  /** When it happened; empty means now. */
  occurredAt: moment.default(null),
});
export type LogActivityInput = VerbInput<typeof logActivitySchema>;

const phone = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() : value) || null,
  z
    .string()
    .max(40, { error: 'Use at most 40 characters.' })
    .regex(/^\+?[0-9 ().-]{4,}$/, { error: 'Enter a phone number: digits, spaces, + ( ) . -' })
    .nullable(),
);

export const updateContactSchema = z
  .object({
    customerId,
    version: versionField,
    email: z.preprocess((value) => (typeof value === 'string' ? value.trim() : value) || null, emailSchema.nullable()),
    phone,
    consentEmail: checkbox,
    consentSms: checkbox,
    consentPush: checkbox,
    preferredChannel: z.preprocess(
      emptyToNull,
      z.enum(CHANNELS, { error: 'Choose email, SMS, push or phone.' }).nullable(),
    ),
  })
  .superRefine((input, context) => {
    // Outreach never uses a channel without opt-in (docs/lifecycle-and-outreach.md), so preferring one without it
    // would be a promise the product cannot keep.
    const channel = input.preferredChannel;
    if (
      channel &&
      (CONSENT_CHANNELS as readonly string[]).includes(channel) &&
      !input[consentKey(channel as ConsentChannel)]
    ) {
      context.addIssue({
        code: 'custom',
        path: ['preferredChannel'],
        message: 'The customer has not opted in to this channel.',
      });
    }
    if (channel === 'email' && !input.email)
      context.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'Email is the preferred channel: enter an address.',
      });
    if ((channel === 'sms' || channel === 'phone') && !input.phone)
      context.addIssue({ code: 'custom', path: ['phone'], message: 'The preferred channel needs a phone number.' });
  });
export type UpdateContactInput = VerbInput<typeof updateContactSchema>;

export const changeOwnerSchema = z.object({
  customerId,
  version: versionField,
  ownerId: chosenId('user', 'int', 'Choose the new owner.'),
  /** Hand the previous owner's open tasks on this account to the new owner too. */
  moveOpenTasks: checkbox,
});
export type ChangeOwnerInput = VerbInput<typeof changeOwnerSchema>;

export const customerRefSchema = z.object({ customerId });
export type CustomerRefInput = VerbInput<typeof customerRefSchema>;
