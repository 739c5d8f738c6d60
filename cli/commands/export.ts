import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { EXPORT_FORMATS } from '@/lib/export/formats';
import { customerFilterSchema } from '@/lib/validation/customer-filters';
import { fieldErrorsOf } from '@/lib/validation/field-errors';
import { systemActor } from '@/server/context';
import { ValidationError } from '@/server/errors';
import { EXPORT_NAMES, streamExport, type ExportName } from '@/server/services/exports';
import { info, withDatabase } from '../run';

type Flags = {
  format: string;
  out?: string;
  segment?: string;
  plan?: string;
  country?: string;
  owner?: string;
  stage?: string;
  status?: string;
  mrrMin?: string;
  mrrMax?: string;
  search?: string;
};

const argsSchema = z.object({
  what: z.enum(EXPORT_NAMES as [ExportName, ...ExportName[]], { error: `Use one of: ${EXPORT_NAMES.join(', ')}.` }),
  format: z.enum(EXPORT_FORMATS, { error: `Use one of: ${EXPORT_FORMATS.join(', ')}.` }),
});

/** Filter fields as the flags the user typed, for error messages. */
const FLAG_OF: Record<string, string> = { ownerEmail: 'owner', mrrMin: 'mrr-min', mrrMax: 'mrr-max', q: 'search' };

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(`stream an export to stdout or a file: ${EXPORT_NAMES.join(', ')}; customer filters apply to customers and risk-scores`)
    .argument('<what>', EXPORT_NAMES.join(' | '))
    .option('--format <format>', EXPORT_FORMATS.join(' | '), 'csv')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--segment <segment>', 'only this segment')
    .option('--plan <plan>', 'only this plan')
    .option('--country <country>', 'only this country')
    .option('--owner <email>', 'only accounts owned by this user')
    .option('--stage <stage>', 'only this lifecycle stage')
    .option('--status <status>', 'active | churned')
    .option('--mrr-min <cents>', 'MRR at least this many cents')
    .option('--mrr-max <cents>', 'MRR at most this many cents')
    .option('--search <text>', 'name, email or company containing the text, or this external id')
    .action((what: string, flags: Flags) =>
      withDatabase(async (handle) => {
        const args = argsSchema.safeParse({ what, format: flags.format });
        const filter = customerFilterSchema.safeParse({
          segment: flags.segment,
          plan: flags.plan,
          country: flags.country,
          ownerEmail: flags.owner,
          stage: flags.stage,
          status: flags.status,
          mrrMin: flags.mrrMin,
          mrrMax: flags.mrrMax,
          q: flags.search,
        });
        if (!args.success || !filter.success) {
          const filterErrors = filter.error ? fieldErrorsOf(filter.error) : {};
          const byFlag = Object.fromEntries(Object.entries(filterErrors).map(([field, messages]) => [FLAG_OF[field] ?? field, messages]));
          throw new ValidationError({ ...(args.error ? fieldErrorsOf(args.error) : {}), ...byFlag });
        }
        // `holdfast export ... | head` closes the pipe early: that is the reader being done, not a failure.
        process.stdout.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'EPIPE') process.exit(0);
          throw error;
        });
        const out = flags.out ? fs.createWriteStream(flags.out) : process.stdout;
        const rows = await streamExport({
          ctx: { db: handle.db, actor: systemActor('cli') },
          input: { what: args.data.what, format: args.data.format, filter: filter.data, out },
        });
        if (flags.out) {
          out.end();
          await finished(out);
        }
        info(`Exported ${rows} ${args.data.what} rows${flags.out ? ` to ${flags.out}` : ''}.`);
      }),
    );
}
