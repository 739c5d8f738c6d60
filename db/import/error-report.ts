import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '@/lib/project-root';
import type { RowError } from '@/lib/import/row-types';

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

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
    this.stream.write('line,column,message\n');
  }

  add(errors: readonly RowError[]): void {
    for (const e of errors) this.stream.write(`${e.line},${csvCell(e.column ?? '')},${csvCell(e.message)}\n`);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}
