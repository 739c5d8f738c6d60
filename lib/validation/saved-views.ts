import { z } from 'zod';
import { recordId } from './ids';
import { safeText } from './text';

const viewId = recordId('view', 'int');
const name = safeText({ error: 'Name the view.' })
  .trim()
  .min(1, { error: 'Name the view.' })
  .max(80, { error: 'Use at most 80 characters.' });

export const createViewSchema = z.object({
  name,
  /** A checkbox: "on" when ticked, absent otherwise. */
  shared: z
    .union([z.boolean(), z.enum(['on', 'true', 'false'])])
    .optional()
    .transform((v) => v === true || v === 'on' || v === 'true'),
  /** The list's search string; the service keeps only what the list parser reads. */
  search: safeText().max(8_000, { error: 'This view has too many filters to save.' }).default(''),
});
export type CreateViewInput = z.infer<typeof createViewSchema>;

export const renameViewSchema = z.object({ viewId, name });
export type RenameViewInput = z.infer<typeof renameViewSchema>;

export const deleteViewSchema = z.object({ viewId });
export type DeleteViewInput = z.infer<typeof deleteViewSchema>;
