import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { EXPORT_FORMATS } from '@/lib/export/formats';
import { customerFilterSchema } from '@/lib/validation/customer-filters';
import { fieldErrorsOf } from '@/lib/validation/field-errors';
import { systemActor } from '@/server/context';
import { ValidationError } from '@/server/errors';
import { EXPORT_NAMES, exportKpiTable, streamExport } from '@/server/services/exports';
import type { KpiQueryInput } from '@/lib/metrics/query';
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
  from?: string;
  to?: string;
  loyaltyTier?: string;
};

const WHAT = [...EXPORT_NAMES, 'kpis'] as const;

const argsSchema = z.object({
  what: z.enum(WHAT, { error: `Use one of: ${WHAT.join(', ')}.` }),
  format: z.enum(EXPORT_FORMATS, { error: `Use one of: ${EXPORT_FORMATS.join(', ')}.` }),
});

/** Filter fields as the flags the user typed, for error messages. */
const FLAG_OF: Record<string, string> = { ownerEmail: 'owner', mrrMin: 'mrr-min', mrrMax: 'mrr-max', q: 'search' };

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      `stream an export to stdout or a file: ${WHAT.join(', ')}; customer filters apply to customers and risk-scores; ` +
        'kpis (one row per month, one column per metric) take --from, --to, --segment, --plan, --country, --owner, --loyalty-tier',
    )
    .argument('<what>', WHAT.join(' | '))
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
    .option('--from <month>', 'kpis: first month, YYYY-MM')
    .option('--to <month>', 'kpis: last month, YYYY-MM')
    .option('--loyalty-tier <tier>', 'kpis: only customers in this loyalty tier')
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
          const byFlag = Object.fromEntries(
            Object.entries(filterErrors).map(([field, messages]) => [FLAG_OF[field] ?? field, messages]),
          );
          throw new ValidationError({ ...(args.error ? fieldErrorsOf(args.error) : {}), ...byFlag });
        }
        // `holdfast export ... | head` closes the pipe early: that is the reader being done, not a failure.
        process.stdout.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'EPIPE') process.exit(0);
          throw error;
        });
        const out = flags.out ? fs.createWriteStream(flags.out) : process.stdout;
        const ctx = { db: handle.db, actor: systemActor('cli') };
        const kind = args.data.what;
        const rows =
          kind === 'kpis'
            ? await exportKpiTable({ ctx, input: { query: kpiQuery(flags), format: args.data.format, out } })
            : await streamExport({ ctx, input: { what: kind, format: args.data.format, filter: filter.data, out } });
        if (flags.out) {
          out.end();
          await finished(out);
        }
        info(`Exported ${rows} ${args.data.what} rows${flags.out ? ` to ${flags.out}` : ''}.`);
      }),
    );
}

function kpiQuery(flags: Flags): KpiQueryInput {
  const { from, to, segment, plan, country, owner, loyaltyTier } = flags;
  return { from, to, filters: { segment, plan, country, owner, loyaltyTier } };
}
