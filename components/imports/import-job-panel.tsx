'use client';

import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { ProgressBar } from '@/components/ui/progress-bar';
import { formatBytes, formatCount } from '@/lib/format';
import type { ImportJobDetailDTO } from '@/server/queries/import-jobs';
import { ImportResult } from './import-result';
import { JobStatusBadge } from './job-status-badge';
import { isActive, useImportJob } from './use-import-job';

type ImportJobViewProps = {
  jobId: number;
  job: ImportJobDetailDTO | null;
  problem: string | null;
  /** Shown once the job has ended: what to do next. */
  next?: (job: ImportJobDetailDTO) => ReactNode;
};

/** A job as it runs (a live progress bar) and once it has ended (its counts and first problems). */
export function ImportJobView({ jobId, job, problem, next }: ImportJobViewProps) {
  const running = !job || isActive(job.status);
  return (
    <section aria-label={`Import ${jobId}`} aria-busy={running} className="space-y-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <JobStatusBadge status={job?.status ?? 'pending'} />
        <span className="font-medium text-zinc-900">
          {job?.dryRun ? 'Dry run' : 'Import'} #{jobId}
        </span>
        {job?.dryRun && <span className="text-zinc-600">· checks everything, writes nothing</span>}
      </div>
      {problem && <Alert tone="error">{problem}</Alert>}
      {running ? <Running job={job} /> : <ImportResult job={job} />}
      {job && !running && next?.(job)}
    </section>
  );
}

/** The job page's live view: follows the job from what the server rendered until it ends. */
export function ImportJobLive({ initial }: { initial: ImportJobDetailDTO }) {
  const { job, problem } = useImportJob(initial.id, initial);
  return <ImportJobView jobId={initial.id} job={job ?? initial} problem={problem} />;
}

function Running({ job }: { job: ImportJobDetailDTO | null }) {
  const progress = job?.progress ?? null;
  const fraction = progress && progress.totalBytes > 0 ? progress.bytesRead / progress.totalBytes : null;
  const text = progress
    ? `${formatCount(progress.rowsRead)} rows read · ${formatBytes(progress.bytesRead)} of ${formatBytes(progress.totalBytes)}`
    : job
      ? 'Running; its progress is reported by the process that started it (the command line or an earlier server).'
      : 'Starting…';
  return (
    <div className="space-y-2">
      <ProgressBar value={fraction} label={job?.dryRun ? 'Dry run progress' : 'Import progress'} valueText={text} />
      <p className="text-sm text-zinc-600 tabular-nums" aria-live="polite">
        {text}
      </p>
    </div>
  );
}
