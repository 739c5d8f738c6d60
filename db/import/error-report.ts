import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '@/lib/project-root';
import type { RowError } from '@/lib/import/row-types';

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Where a job's error report lives: derived from the job id only, so that a download can never name another path. */
export function errorReportPath(jobId: number): string {
  return path.join(projectRoot(), '.holdfast', 'imports', `${jobId}-errors.csv`);
}

/** Every rejected row of an import job, as a CSV the user can download; written as the import goes. */
export class ErrorReport {
  readonly path: string;
  private readonly stream: fs.WriteStream;

  constructor(jobId: number) {
    this.path = errorReportPath(jobId);
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
