import { closeDatabase, getDatabase, type DatabaseHandle } from '@/db/client';
import { describeDatabase } from '@/db/config';
import { DataDirLockedError } from '@/db/data-dir-lock';
import { DomainError, ValidationError } from '@/server/errors';

/** Status lines go to stderr so that `--json` output on stdout stays one clean document. */
export function info(message: string): void {
  process.stderr.write(`${message}\n`);
}

export class CliError extends Error {}

/** Opens the database the environment selects, runs the command, closes it, and turns failures into exit codes. */
export async function withDatabase(run: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  try {
    const handle = await getDatabase();
    if (process.env.HOLDFAST_VERBOSE) info(`Using ${describeDatabase(handle.config)}`);
    await run(handle);
  } catch (error) {
    process.exitCode = 1;
    if (error instanceof ValidationError) {
      for (const [field, messages] of Object.entries(error.fieldErrors))
        info(`error: --${field}: ${messages.join(' ')}`);
    } else if (error instanceof DataDirLockedError || error instanceof DomainError || error instanceof CliError) {
      info(`error: ${error.message}`);
    } else {
      info(`error: ${(error as Error)?.message ?? String(error)}`);
      if (process.env.HOLDFAST_VERBOSE) console.error(error);
    }
  } finally {
    await closeDatabase().catch(() => {});
  }
}
