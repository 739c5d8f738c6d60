import 'server-only';
import { formatBytes } from '@/lib/format';
import { uploadDisplayName } from '@/lib/import/upload-filename';
import { assertCan, type ServiceContext } from '../context';
import { NotFoundError, TooLargeError, ValidationError } from '../errors';
import { readUpload, storeUpload, sweepUploads, type StoredUpload } from '../imports/upload-store';

export type UploadDTO = Pick<StoredUpload, 'id' | 'filename' | 'size'>;

const DEFAULT_MAX_BYTES = 1024 ** 3;
const KEEP_UPLOADS_MS = 24 * 60 * 60 * 1000;

/** The largest file an import accepts: HOLDFAST_UPLOAD_MAX_BYTES, default 1 GB (about 10M customer rows). */
export function uploadLimit(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.HOLDFAST_UPLOAD_MAX_BYTES);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_BYTES;
}

/** Stores a CSV file for the import page. A declared size over the limit is refused before a byte is read. */
export async function uploadImportFile({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { body: ReadableStream<Uint8Array> | null; filename: string | null; declaredBytes: number | null };
}): Promise<UploadDTO> {
  assertCan(ctx.actor, 'imports.run');
  const maxBytes = uploadLimit();
  if (input.declaredBytes !== null && input.declaredBytes > maxBytes) {
    throw new TooLargeError(
      `The file is larger than the ${formatBytes(maxBytes)} an import accepts. Split it into smaller files.`,
    );
  }
  if (!input.body)
    throw new ValidationError({ file: ['Choose a CSV file to upload.'] }, 'Choose a CSV file to upload.');
  await sweepUploads(KEEP_UPLOADS_MS);
  const upload = await storeUpload(input.body, {
    filename: uploadDisplayName(input.filename),
    uploadedById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    maxBytes,
  });
  return { id: upload.id, filename: upload.filename, size: upload.size };
}

/** An upload the actor may use: their own (the system's tools may use any). Others' uploads do not exist for them. */
export async function openUpload(ctx: ServiceContext, uploadId: string): Promise<StoredUpload & { path: string }> {
  assertCan(ctx.actor, 'imports.run');
  const upload = await readUpload(uploadId);
  if (!upload || (ctx.actor.kind === 'user' && upload.uploadedById !== ctx.actor.id)) {
    // Uploads are swept after a day; the page then offers to upload the file again.
    throw new NotFoundError('upload');
  }
  return upload;
}
