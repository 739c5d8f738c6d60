import { z } from 'zod';
import { IMPORT_KINDS } from '@/lib/import/columns';
import { parseDate } from '@/lib/import/dates';
import { DELIMITERS } from '@/lib/import/delimiter';
import { NUMBER_LOCALES } from '@/lib/import/numbers';
import { recordId } from './ids';
import { safeText } from './text';

/** Uploads are stored under a random id of 32 hex digits; nothing else may reach a file path. */
export const UPLOAD_ID = /^[0-9a-f]{32}$/;

export const uploadIdSchema = z
  .string({ error: 'Upload the file again.' })
  .regex(UPLOAD_ID, { error: 'Upload the file again.' });

export const importKindSchema = z.enum(IMPORT_KINDS, {
  error: `Choose what the file holds: ${IMPORT_KINDS.join(', ')}.`,
});

/** What the delimiter select sends: "auto" detects it from the file. */
export const DELIMITER_CHOICES = ['auto', ...DELIMITERS] as const;

const isoDay = z
  .string()
  .trim()
  .refine((t) => /^\d{4}-\d{2}-\d{2}$/.test(t) && parseDate(t) !== null, { error: 'Use a real date as YYYY-MM-DD.' })
  .transform((t) => parseDate(t)!);

/**
 * How a file is read and mapped; the same settings drive the preview and the import, so that what was previewed is
 * what runs. `map` holds per-column overrides by normalised header (a canonical column, or "-" for unmapped).
 */
export const importSettingsSchema = z.object({
  uploadId: uploadIdSchema,
  kind: importKindSchema,
  map: z
    .record(safeText().max(200), safeText().max(50))
    .refine((m) => Object.keys(m).length <= 500, { error: 'Too many column overrides.' })
    .default({}),
  locale: z.enum(NUMBER_LOCALES, { error: `Use one of: ${NUMBER_LOCALES.join(', ')}.` }).default('en'),
  dateFormat: safeText()
    .trim()
    .max(40, { error: 'Use at most 40 characters.' })
    .optional()
    .transform((f) => f || undefined),
  delimiter: z
    .enum(DELIMITER_CHOICES, { error: 'Use auto, comma, semicolon, tab or pipe.' })
    .default('auto')
    .transform((d) => (d === 'auto' ? undefined : d)),
  asOf: isoDay.optional(),
  createMissingCustomers: z.boolean().default(false),
});
export type ImportSettingsInput = z.input<typeof importSettingsSchema>;
export type ImportSettings = z.infer<typeof importSettingsSchema>;

/** The preview may leave the kind out: the server then picks the one the file's headers fit. */
export const previewImportSchema = importSettingsSchema.extend({ kind: importKindSchema.optional() });
export type PreviewImportInput = z.infer<typeof previewImportSchema>;

export const startImportSchema = importSettingsSchema.extend({ dryRun: z.boolean().default(false) });
export type StartImportInput = z.infer<typeof startImportSchema>;

/** A job id from a URL segment. */
export const jobIdSchema = recordId('import', 'int');

/** The history's keyset page: jobs older than this id. */
export const importHistoryQuerySchema = z.object({ before: jobIdSchema.optional().catch(undefined) });
