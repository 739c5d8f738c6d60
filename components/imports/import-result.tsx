import { Download } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { cn } from '@/lib/cn';
import { formatCount } from '@/lib/format';
import type { ImportJobDetailDTO } from '@/server/queries/import-jobs';

/** Where a job's full error report downloads from. */
export function errorReportHref(jobId: number): string {
  return `/api/imports/jobs/${jobId}/errors`;
}

/** The counts of a finished job and its first rejected rows, with the whole error report to download. */
export function ImportResult({ job }: { job: ImportJobDetailDTO }) {
  const counts = [
    { label: 'Rows read', value: job.rowsRead },
    { label: job.dryRun ? 'Would insert' : 'Inserted', value: job.inserted },
    { label: job.dryRun ? 'Would update' : 'Updated', value: job.updated },
    { label: 'Unchanged', value: job.unchanged },
    { label: 'Rejected', value: job.rejected, danger: job.rejected > 0 },
  ];
  return (
    <div className="space-y-4">
      {job.status === 'failed' && (
        <Alert tone="error">
          {job.message ?? 'The import stopped.'}
          {!job.dryRun &&
            job.inserted + job.updated > 0 &&
            ' Batches committed before it stopped are kept; importing the file again finishes the rest.'}
        </Alert>
      )}
      <dl aria-label="Import counts" className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {counts.map(({ label, value, danger }) => (
          <div key={label} className="rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2">
            <dt className="text-xs font-medium text-zinc-600">{label}</dt>
            <dd className={cn('text-lg font-semibold tabular-nums', danger ? 'text-red-700' : 'text-zinc-900')}>
              {formatCount(value)}
            </dd>
          </div>
        ))}
      </dl>
      {job.warnings.length > 0 && (
        <section
          aria-label="Warnings"
          className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          <h3 className="font-medium">Imported with a warning</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {job.warnings.map((warning) => (
              <li key={warning.code}>
                {warning.message} First on line {formatCount(warning.firstLine)}, column{' '}
                <span className="font-mono text-xs">{warning.column}</span>.
              </li>
            ))}
          </ul>
        </section>
      )}
      {job.errors.length > 0 && (
        <div className="rounded-md border border-zinc-200">
          <Table>
            <caption className="px-4 py-2 text-left text-sm font-medium text-zinc-800">
              {job.rejected > job.errors.length
                ? `The first ${formatCount(job.errors.length)} of ${formatCount(job.rejected)} problems`
                : 'Problems'}
            </caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell>Line</TableHeaderCell>
                <TableHeaderCell>Column</TableHeaderCell>
                <TableHeaderCell>Problem</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {job.errors.map((error, i) => (
                <TableRow key={`${error.line}-${error.column}-${i}`}>
                  <TableCell className="tabular-nums">{error.line}</TableCell>
                  <TableCell className="font-mono text-xs">{error.column ?? '—'}</TableCell>
                  <TableCell>{error.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {job.rejected > 0 && (
        <Button asChild variant="secondary" size="sm">
          <a href={errorReportHref(job.id)} download>
            <Download aria-hidden /> Download all {formatCount(job.rejected)} problems (CSV)
          </a>
        </Button>
      )}
    </div>
  );
}
