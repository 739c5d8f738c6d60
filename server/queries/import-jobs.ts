import 'server-only';
import { desc, eq, getTableColumns, lt } from 'drizzle-orm';
import type { ImportProgress } from '@/db/import/pipeline';
import { importJobs, users } from '@/db/schema';
import type { RowError } from '@/lib/import/row-types';
import type { ImportWarning } from '@/lib/import/warnings';
import { jobIdSchema } from '@/lib/validation/imports';
import { assertCan, type ServiceContext } from '../context';
import { NotFoundError } from '../errors';
import { liveProgress } from '../imports/current-run';
import { markInterruptedJobs } from '../imports/interrupted';

const HISTORY_PAGE_SIZE = 25;
/** Errors a job page lists; all of them are in the job's error report. */
export const ERRORS_SHOWN = 50;

export type ImportJobStatus = 'pending' | 'running' | 'succeeded' | 'failed';

/** One import job as pages and the status route show it; times as ISO strings so that it is the same in JSON. */
export type ImportJobDTO = {
  id: number;
  kind: string;
  filename: string;
  status: ImportJobStatus;
  dryRun: boolean;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Why a failed job stopped, in words for the user. */
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** Null: run by the CLI or the system. */
  createdBy: { name: string; email: string } | null;
  /** Rows and bytes read so far, while the job runs in this server process; null otherwise. */
  progress: ImportProgress | null;
};

/** With the first errors, and the warnings: rows kept although they look odd, counted per kind. */
export type ImportJobDetailDTO = ImportJobDTO & { errors: RowError[]; warnings: ImportWarning[] };

export type ImportHistoryDTO = { jobs: ImportJobDTO[]; olderThan: number | null };

const { errors: _errors, warnings: _warnings, options: _options, ...summaryColumns } = getTableColumns(importJobs);
const jobColumns = { ...summaryColumns, creatorName: users.name, creatorEmail: users.email };

type JobRow = Omit<typeof importJobs.$inferSelect, 'errors' | 'warnings' | 'options'> & {
  creatorName: string | null;
  creatorEmail: string | null;
};

function toDTO(row: JobRow): ImportJobDTO {
  const status = row.status as ImportJobStatus;
  return {
    id: row.id,
    kind: row.kind,
    filename: row.filename,
    status,
    dryRun: row.dryRun,
    rowsRead: row.rowsRead,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    rejected: row.rejected,
    message: row.message,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdBy: row.creatorName && row.creatorEmail ? { name: row.creatorName, email: row.creatorEmail } : null,
    progress: status === 'running' ? liveProgress(row.id) : null,
  };
}

/** A job id from a URL; one that cannot be a job is simply not found. */
export function jobIdFromUrl(text: string): number {
  const parsed = jobIdSchema.safeParse(text);
  if (!parsed.success) throw new NotFoundError('import');
  return parsed.data;
}

/** Import jobs, newest first, a page at a time (keyset on the id: jobs older than `before`). */
export async function listImportJobs({
  ctx,
  query,
  pageSize = HISTORY_PAGE_SIZE,
}: {
  ctx: ServiceContext;
  query: { before?: number };
  pageSize?: number;
}): Promise<ImportHistoryDTO> {
  assertCan(ctx.actor, 'imports.run');
  await markInterruptedJobs(ctx.db);
  const rows = await ctx.db
    .select(jobColumns)
    .from(importJobs)
    .leftJoin(users, eq(users.id, importJobs.createdById))
    .where(query.before ? lt(importJobs.id, query.before) : undefined)
    .orderBy(desc(importJobs.id))
    .limit(pageSize + 1);
  const jobs = rows.slice(0, pageSize).map(toDTO);
  return { jobs, olderThan: rows.length > pageSize ? jobs[jobs.length - 1].id : null };
}

/** One job with its first errors by line; NotFoundError when there is no such job. */
export async function getImportJob({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { jobId: number };
}): Promise<ImportJobDetailDTO> {
  assertCan(ctx.actor, 'imports.run');
  await markInterruptedJobs(ctx.db);
  const [row] = await ctx.db
    .select({ ...jobColumns, errors: importJobs.errors, warnings: importJobs.warnings })
    .from(importJobs)
    .leftJoin(users, eq(users.id, importJobs.createdById))
    .where(eq(importJobs.id, input.jobId));
  if (!row) throw new NotFoundError('import');
  const { errors, warnings, ...job } = row;
  return { ...toDTO(job), errors: [...errors].sort((a, b) => a.line - b.line).slice(0, ERRORS_SHOWN), warnings };
}
