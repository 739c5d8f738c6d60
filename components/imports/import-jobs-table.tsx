import { Download } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { formatCount, formatDateTime } from '@/lib/format';
import { KIND_LABELS } from '@/lib/import/labels';
import type { ImportKind } from '@/lib/import/columns';
import type { ImportJobDTO } from '@/server/queries/import-jobs';
import { errorReportHref } from './import-result';
import { JobStatusBadge } from './job-status-badge';

const COUNTS = ['rowsRead', 'inserted', 'updated', 'unchanged', 'rejected'] as const;
const COUNT_LABELS: Record<(typeof COUNTS)[number], string> = {
  rowsRead: 'Read',
  inserted: 'Inserted',
  updated: 'Updated',
  unchanged: 'Unchanged',
  rejected: 'Rejected',
};

function kindLabel(kind: string): string {
  return KIND_LABELS[kind as ImportKind]?.label ?? kind;
}

/** Import jobs, newest first: who ran what, how it went, and each finished job's error report. */
export function ImportJobsTable({ jobs }: { jobs: ImportJobDTO[] }) {
  return (
    <Table>
      <caption className="sr-only">Import history, newest first</caption>
      <TableHead>
        <TableRow>
          <TableHeaderCell>When</TableHeaderCell>
          <TableHeaderCell>Who</TableHeaderCell>
          <TableHeaderCell>File</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          {COUNTS.map((c) => (
            <TableHeaderCell key={c} className="px-3 text-right">
              {COUNT_LABELS[c]}
            </TableHeaderCell>
          ))}
          <TableHeaderCell>Errors</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {jobs.map((job) => {
          const running = job.status === 'running' || job.status === 'pending';
          return (
            <TableRow key={job.id}>
              <TableCell className="min-w-32 text-zinc-700">
                <time dateTime={job.createdAt}>{formatDateTime(new Date(job.createdAt))}</time>
              </TableCell>
              <TableCell className="whitespace-nowrap">
                {job.createdBy ? (
                  <span className="text-zinc-900" title={job.createdBy.email}>
                    {job.createdBy.name}
                  </span>
                ) : (
                  <Badge>System</Badge>
                )}
              </TableCell>
              <TableCell>
                <Link
                  href={`/imports/${job.id}`}
                  className="block max-w-48 truncate font-medium text-accent-800 hover:underline"
                  title={job.filename}
                >
                  {job.filename}
                </Link>
                <span className="mt-0.5 flex items-center gap-1.5 text-xs text-zinc-600">
                  {kindLabel(job.kind)}
                  {job.dryRun && <Badge className="px-1.5 py-0">Dry run</Badge>}
                </span>
              </TableCell>
              <TableCell>
                <JobStatusBadge status={job.status} />
              </TableCell>
              {COUNTS.map((c) => (
                <TableCell key={c} className="px-3 text-right tabular-nums">
                  {running ? '—' : formatCount(job[c])}
                </TableCell>
              ))}
              <TableCell className="whitespace-nowrap">
                {running ? (
                  <span className="text-zinc-500">When it ends</span>
                ) : (
                  <a
                    href={errorReportHref(job.id)}
                    download
                    className="inline-flex items-center gap-1.5 font-medium text-accent-800 hover:underline"
                    aria-label={`Download the error report of import ${job.id} (${formatCount(job.rejected)} rows)`}
                  >
                    <Download aria-hidden className="size-4" /> CSV
                  </a>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
