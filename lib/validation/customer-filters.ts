import { z } from 'zod';
import { LIFECYCLE_STAGES, RISK_BANDS } from '@/lib/customers/vocabulary';
import { attributeConditionSchema, MAX_ATTRIBUTE_CONDITIONS } from './attribute-conditions';
import { calendarDaySchema } from './dates';
import { recordId } from './ids';
import { safeText } from './text';

const optionalTrimmed = safeText()
  .trim()
  .max(200)
  .transform((s) => s || undefined)
  .optional();
const cents = z.coerce.number({ error: 'Give an amount in minor units (cents).' }).int().min(0).optional();
const userId = recordId('user', 'int');
const customerId = recordId('customer', 'bigint');

/** Selected rows travel as ids; a page holds at most 100, so this bounds a selection with room to spare. */
export const MAX_SELECTED_IDS = 1_000;

/**
 * The customer-list filter: one allow-listed shape shared by the list page, exports and segments. Every value is a
 * parameter in SQL; nothing here names a column.
 */
export const customerFilterSchema = z
  .object({
    segment: optionalTrimmed,
    plan: optionalTrimmed,
    country: optionalTrimmed,
    ownerEmail: optionalTrimmed.pipe(z.email({ error: 'Give the owner as an email address.' }).optional()),
    /** An owner's user id, or 'none' for accounts nobody owns. */
    owner: z.union([z.literal('none'), userId], { error: 'Choose an owner.' }).optional(),
    stage: z.enum(LIFECYCLE_STAGES, { error: `Use one of: ${LIFECYCLE_STAGES.join(', ')}.` }).optional(),
    riskBand: z.enum(RISK_BANDS, { error: `Use one of: ${RISK_BANDS.join(', ')}.` }).optional(),
    loyaltyTier: optionalTrimmed,
    status: z.enum(['active', 'churned'], { error: 'Use active or churned.' }).optional(),
    mrrMin: cents,
    mrrMax: cents,
    /** Last activity on or after / on or before these UTC days. */
    activeAfter: calendarDaySchema.optional(),
    activeBefore: calendarDaySchema.optional(),
    /** No activity in the last N days (never active counts as inactive). */
    inactiveDays: z.coerce
      .number({ error: 'Give a number of days.' })
      .int({ error: 'Give whole days.' })
      .min(1, { error: 'Give at least 1 day.' })
      .max(36_500, { error: 'Give at most 36,500 days.' })
      .optional(),
    attributes: z
      .array(attributeConditionSchema)
      .max(MAX_ATTRIBUTE_CONDITIONS, { error: `Use at most ${MAX_ATTRIBUTE_CONDITIONS} attribute conditions.` })
      .optional(),
    /** Exactly these customers (rows selected in the list). */
    ids: z
      .array(customerId)
      .min(1)
      .max(MAX_SELECTED_IDS, { error: `Select at most ${MAX_SELECTED_IDS} customers.` })
      .optional(),
    q: optionalTrimmed,
  })
  .refine((f) => f.mrrMin === undefined || f.mrrMax === undefined || f.mrrMin <= f.mrrMax, {
    error: 'The minimum MRR is above the maximum.',
    path: ['mrrMin'],
  })
  .refine((f) => !f.activeAfter || !f.activeBefore || f.activeAfter <= f.activeBefore, {
    error: 'The "active after" day is later than the "active before" day.',
    path: ['activeAfter'],
  });

export type CustomerFilter = z.infer<typeof customerFilterSchema>;
