import 'server-only';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { errorReportPath } from '@/db/import/error-report';
import { importJobs } from '@/db/schema';
import { assertCan, type ServiceContext } from '../context';
import { ConflictError, NotFoundError } from '../errors';

export type ErrorReportFile = { body: ReadableStream<Uint8Array>; filename: string; size: number };

/**
 * A finished job's error report (every rejected row: line, column, message), streamed from disk. The path comes from
 * the job row alone; the job must exist.
 */
export async function openErrorReport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { jobId: number };
}): Promise<ErrorReportFile> {
  assertCan(ctx.actor, 'imports.run');
  const [job] = await ctx.db
    .select({ id: importJobs.id, createdAt: importJobs.createdAt, status: importJobs.status })
    .from(importJobs)
    .where(eq(importJobs.id, input.jobId));
  if (!job) throw new NotFoundError('import');
  if (job.status === 'running' || job.status === 'pending') {
    throw new ConflictError('This import is still running; its error report is complete when it ends.');
  }
  const path = errorReportPath(job);
  const stat = await fs.promises.stat(path).catch(() => null);
  if (!stat?.isFile()) throw new NotFoundError('error report');
  return {
    body: Readable.toWeb(fs.createReadStream(path)) as ReadableStream<Uint8Array>,
    filename: `import-${input.jobId}-errors.csv`,
    size: stat.size,
  };
}
