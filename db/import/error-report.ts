import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '@/lib/project-root';
import { csvLine } from '@/lib/export/csv';
import type { RowError } from '@/lib/import/row-types';

/** The job row fields a report's file name is made of. */
export type ReportedJob = { id: number; createdAt: Date };

/**
 * Where a job's error report lives: derived from the job row only, so that a download can never name another path.
 * The creation time is in the name because databases sharing one install (tests, a second workspace) reuse job ids.
 */
export function errorReportPath(job: ReportedJob): string {
  return path.join(projectRoot(), '.holdfast', 'imports', `${job.id}-${job.createdAt.getTime()}-errors.csv`);
}

/** Every rejected row of an import job, as a CSV the user can download; written as the import goes. */
export class ErrorReport {
  readonly path: string;
  private readonly stream: fs.WriteStream;

  constructor(job: ReportedJob) {
    this.path = errorReportPath(job);
    fs.mkdirSync(path.dirname(this.path), { recursive: true });
    this.stream = fs.createWriteStream(this.path);
    this.stream.write(csvLine(['line', 'column', 'message']));
  }

  add(errors: readonly RowError[]): void {
    for (const e of errors) this.stream.write(csvLine([e.line, e.column, e.message]));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}
