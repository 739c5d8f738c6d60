import { z } from 'zod';

const LIFECYCLE_STAGES = ['onboarding', 'activated', 'adopting', 'loyal', 'at_risk', 'churned', 'won_back'] as const;

const optionalTrimmed = z
  .string()
  .trim()
  .max(200)
  .transform((s) => s || undefined)
  .optional();
const cents = z.coerce.number({ error: 'Give an amount in minor units (cents).' }).int().min(0).optional();

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
    stage: z.enum(LIFECYCLE_STAGES, { error: `Use one of: ${LIFECYCLE_STAGES.join(', ')}.` }).optional(),
    status: z.enum(['active', 'churned'], { error: 'Use active or churned.' }).optional(),
    mrrMin: cents,
    mrrMax: cents,
    q: optionalTrimmed,
  })
  .refine((f) => f.mrrMin === undefined || f.mrrMax === undefined || f.mrrMin <= f.mrrMax, {
    error: 'The minimum MRR is above the maximum.',
    path: ['mrrMin'],
  });

export type CustomerFilter = z.infer<typeof customerFilterSchema>;
