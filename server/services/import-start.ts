import 'server-only';
import { detectFileDelimiter } from '@/db/import/read-csv';
import { mapHeaders } from '@/lib/import/header-mapping';
import type { StartImportInput } from '@/lib/validation/imports';
import type { ServiceContext } from '../context';
import { DomainError, ValidationError } from '../errors';
import { claimImportSlot } from '../imports/current-run';
import { importOptionsOf } from '../imports/options';
import { readHead } from '../imports/read-head';
import { openUpload } from './import-uploads';
import { runImport } from './imports';

/**
 * Starts an import of an upload in the background and answers with its job id as soon as the job row exists: the
 * import outlives the request, and the page follows it by polling the job. What can be refused up front (permission,
 * unknown upload, a mapping without the required columns, another import running) is refused here, with a message;
 * anything that goes wrong later is recorded on the job.
 */
export async function startImport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: StartImportInput;
}): Promise<{ jobId: number; dryRun: boolean }> {
  const upload = await openUpload(ctx, input.uploadId);
  const options = importOptionsOf(input.kind, input, input.dryRun);
  const [header] = await readHead(upload.path, options.delimiter ?? (await detectFileDelimiter(upload.path)), 1);
  const { missingRequired } = mapHeaders(input.kind, header.cells, options.map);
  if (missingRequired.length) {
    const message = `Choose the file column that holds: ${missingRequired.join(', ')}.`;
    throw new ValidationError({ map: [message] }, message);
  }

  return new Promise((resolve, reject) => {
    claimImportSlot(upload.size, ({ started, progressed }) => {
      let jobId: number | null = null;
      const onStart = (id: number) => {
        jobId = id;
        started(id);
        resolve({ jobId: id, dryRun: input.dryRun });
      };
      const job = { kind: input.kind, filePath: upload.path, filename: upload.filename, options };
      return runImport({ ctx, input: job }, progressed, onStart).catch((error: unknown) => {
        // Refused before the job existed: the caller reports it. Afterwards the job row holds the outcome and its
        // user-facing message; an unexpected error is logged here and never shown.
        if (jobId === null) reject(error);
        else if (!(error instanceof DomainError)) console.error(`[imports] job ${jobId} failed`, error);
      });
    });
  });
}
