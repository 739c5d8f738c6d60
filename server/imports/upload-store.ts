import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { formatBytes } from '@/lib/format';
import { CsvContentCheck } from '@/lib/import/upload-check';
import { projectRoot } from '@/lib/project-root';
import { UPLOAD_ID } from '@/lib/validation/imports';
import { TooLargeError, ValidationError } from '../errors';

/** An uploaded file waiting to be previewed and imported. */
export type StoredUpload = {
  id: string;
  filename: string;
  size: number;
  uploadedById: number | null;
  uploadedAt: string;
};

function uploadsDir(): string {
  return path.join(projectRoot(), '.holdfast', 'uploads');
}

/** The paths of an upload, from its random id alone: a client-sent name never becomes part of a path. */
function filesOf(id: string) {
  if (!UPLOAD_ID.test(id)) throw new Error('Upload ids are 32 hex digits.');
  const dir = uploadsDir();
  return {
    data: path.join(dir, `${id}.csv`),
    meta: path.join(dir, `${id}.json`),
    partial: path.join(dir, `${id}.part`),
  };
}

/**
 * Streams a request body to disk chunk by chunk (never holding the file in memory), checking size and content as it
 * goes. The file only gets its final name, and its metadata, once it is complete and accepted.
 */
export async function storeUpload(
  body: ReadableStream<Uint8Array>,
  { filename, uploadedById, maxBytes }: { filename: string; uploadedById: number | null; maxBytes: number },
): Promise<StoredUpload> {
  const id = crypto.randomBytes(16).toString('hex');
  const files = filesOf(id);
  await fs.promises.mkdir(uploadsDir(), { recursive: true });
  const check = new CsvContentCheck();
  let size = 0;
  let refusal: string | null = null;
  try {
    await pipeline(
      Readable.fromWeb(body as NodeReadableStream<Uint8Array>),
      async function* (chunks: AsyncIterable<Uint8Array>) {
        for await (const chunk of chunks) {
          size += chunk.length;
          if (size > maxBytes)
            throw new TooLargeError(
              `The file is larger than the ${formatBytes(maxBytes)} an import accepts. Split it into smaller files.`,
            );
          // After a refusal the rest is read and dropped, so that the browser, still sending, gets the answer.
          if (refusal) continue;
          refusal = check.push(chunk);
          if (!refusal) yield chunk;
        }
        refusal ??= check.finish();
      },
      fs.createWriteStream(files.partial, { flags: 'wx' }),
    );
    if (refusal) throw new ValidationError({ file: [refusal] }, refusal);
    const upload: StoredUpload = { id, filename, size, uploadedById, uploadedAt: new Date().toISOString() };
    await fs.promises.rename(files.partial, files.data);
    await fs.promises.writeFile(files.meta, JSON.stringify(upload));
    return upload;
  } catch (error) {
    await fs.promises.rm(files.partial, { force: true });
    throw error;
  }
}

/** An upload and the path of its file, or null when there is no such complete upload. */
export async function readUpload(id: string): Promise<(StoredUpload & { path: string }) | null> {
  if (!UPLOAD_ID.test(id)) return null;
  const files = filesOf(id);
  try {
    // turbopackIgnore: a runtime data file, not a module; without it Next traces the whole project into the build.
    const upload = JSON.parse(await fs.promises.readFile(/*turbopackIgnore: true*/ files.meta, 'utf8')) as StoredUpload;
    await fs.promises.access(files.data, fs.constants.R_OK);
    return { ...upload, path: files.data };
  } catch {
    return null;
  }
}

/**
 * Removes uploads (and abandoned partial ones) older than `maxAgeMs`: a user who uploads and walks away leaves
 * nothing behind for long. An import still reading an old file keeps it open, so removing it is harmless.
 */
export async function sweepUploads(maxAgeMs: number, now = Date.now()): Promise<void> {
  const dir = uploadsDir();
  const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (stat?.isFile() && now - stat.mtimeMs > maxAgeMs) await fs.promises.rm(file, { force: true });
    }),
  );
}
