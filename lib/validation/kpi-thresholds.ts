import { z } from 'zod';
import { safeText } from './text';

/**
 * The churn-thresholds form. People type percentages ("5", "6.5"); settings store fractions (0.05). Two decimals
 * of a percent are kept, rounded so that 6.5 becomes exactly 0.065 rather than 0.065000000001.
 */
const percent = (what: string) =>
  z
    .string({ error: `Enter the ${what} limit.` })
    .trim()
    .min(1, { error: `Enter the ${what} limit.` })
    // "5%" reads as 5.
    .transform((text) => text.replace(/\s*%$/, ''))
    .pipe(
      z.coerce
        .number<string>({ error: 'Enter a number, e.g. 5 or 6.5.' })
        .min(0, { error: 'Use a percentage from 0 to 100.' })
        .max(100, { error: 'Use a percentage from 0 to 100.' }),
    )
    .transform((value) => Math.round(value * 100) / 10_000);

/** '' = the workspace default, which applies to every segment without its own thresholds. */
const segment = safeText({ error: 'Choose a segment.' }).trim().max(200, { error: 'Use at most 200 characters.' });

export const churnThresholdsFormSchema = z
  .object({ segment, target: percent('on-target'), watch: percent('watch') })
  .refine((input) => input.target <= input.watch, {
    error: 'The watch limit must be at or above the on-target limit.',
    path: ['watch'],
  });
export type ChurnThresholdsFormInput = z.infer<typeof churnThresholdsFormSchema>;

export const clearSegmentThresholdsSchema = z.object({
  segment: segment.min(1, { error: 'Choose a segment; the workspace default cannot be removed.' }),
});
export type ClearSegmentThresholdsInput = z.infer<typeof clearSegmentThresholdsSchema>;
