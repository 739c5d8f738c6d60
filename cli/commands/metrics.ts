import type { Command } from 'commander';
import { refreshRollups } from '@/db/queries/metrics/refresh';
import { formatMonth, parseMonth } from '@/lib/metrics/months';
import { ValidationError } from '@/server/errors';
import { info, withDatabase } from '../run';

export function registerMetricsCommands(program: Command): void {
  const metrics = program.command('metrics').description('KPI rollups');

  metrics
    .command('refresh')
    .description(
      'bring the monthly KPI rollups up to date: the customers changed since the last refresh (default), every customer from a month on, or everything',
    )
    .option('--from <month>', 'also recompute every customer from this month on, YYYY-MM')
    .option('--full', 'rebuild everything')
    .action((flags: { from?: string; full?: boolean }) =>
      withDatabase(async (handle) => {
        const from = flags.from === undefined ? undefined : parseMonth(flags.from.trim());
        if (from === null) throw new ValidationError({ from: ['Use a month as YYYY-MM.'] });
        const started = performance.now();
        const summary = await refreshRollups(handle.db, {
          from,
          full: flags.full,
          onStep: (step, ms) => info(`  ${step}: ${Math.round(ms)} ms`),
        });
        const seconds = Math.round((performance.now() - started) / 100) / 10;
        const scope = summary.full
          ? 'rebuilt'
          : `updated (${[summary.from === null ? null : `every customer from ${formatMonth(summary.from)}`, `${summary.changedCustomers.toLocaleString('en-US')} changed customers`].filter(Boolean).join(', ')})`;
        info(
          `KPI rollups ${scope} through ${formatMonth(summary.through)} in ${seconds} s (inactivity window W = ${summary.windowDays} days).`,
        );
      }),
    );
}
