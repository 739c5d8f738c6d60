import type { Command } from 'commander';
import { refreshRollups } from '@/db/queries/metrics/refresh';
import { formatMonth, parseMonth } from '@/lib/metrics/months';
import { ValidationError } from '@/server/errors';
import { info, withDatabase } from '../run';

export function registerMetricsCommands(program: Command): void {
  const metrics = program.command('metrics').description('KPI rollups');

  metrics
    .command('refresh')
    .description('recompute the monthly KPI rollups: everything, or from a month on (after changes to that month and later)')
    .option('--from <month>', 'first month to recompute, YYYY-MM (default: rebuild everything)')
    .action((flags: { from?: string }) =>
      withDatabase(async (handle) => {
        const from = flags.from === undefined ? undefined : parseMonth(flags.from.trim());
        if (from === null) throw new ValidationError({ from: ['Use a month as YYYY-MM.'] });
        const started = performance.now();
        const summary = await refreshRollups(handle.db, { from, onStep: (step, ms) => info(`  ${step}: ${Math.round(ms)} ms`) });
        const seconds = Math.round((performance.now() - started) / 100) / 10;
        const scope = summary.full ? 'rebuilt' : `recomputed from ${formatMonth(summary.from)}`;
        info(`KPI rollups ${scope} through ${formatMonth(summary.through)} in ${seconds} s (inactivity window W = ${summary.windowDays} days).`);
      }),
    );
}
