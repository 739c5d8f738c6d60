'use server';

import { revalidatePath } from 'next/cache';
import { previewImportSchema, startImportSchema } from '@/lib/validation/imports';
import { validatedAction } from '@/server/action';
import { previewImport } from '@/server/services/import-preview';
import { startImport } from '@/server/services/import-start';

const IMPORTS_PATH = '/imports';

/** The mapping and first rows of an upload under the chosen settings; reads only, but still a permission-checked endpoint. */
export const previewImportAction = validatedAction(previewImportSchema, 'imports.run', async ({ ctx, input }) =>
  previewImport({ ctx, input }),
);

/** Starts a dry run or an import in the background and answers with its job id, for the page to follow. */
export const startImportAction = validatedAction(startImportSchema, 'imports.run', async ({ ctx, input }) => {
  const started = await startImport({ ctx, input });
  revalidatePath(IMPORTS_PATH);
  return started;
});
