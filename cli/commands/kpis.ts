import type { Command } from 'commander';
import type { MetricKey } from '@/lib/metrics/catalog';
import type { KpiDocument } from '@/lib/metrics/document';
import { formatMetric } from '@/lib/metrics/format';
import { systemActor } from '@/server/context';
import { ValidationError } from '@/server/errors';
import { getKpis } from '@/server/services/kpis';
import { withDatabase } from '../run';

type Flags = {
  from?: string;
  to?: string;
  segment?: string;
  plan?: string;
  country?: string;
  owner?: string;
  loyaltyTier?: string;
  json?: boolean;
};

/** The columns of the readable table: the executive summary; --json has every series. */
const TABLE: [MetricKey, string][] = [
  ['active_customers', 'active'],
  ['new_customers', 'new'],
  ['churned_customers', 'churned'],
  ['logo_churn_rate', 'churn'],
  ['crr', 'CRR'],
  ['mrr', 'MRR'],
  ['grr', 'GRR'],
  ['nrr', 'NRR'],
  ['quick_ratio', 'quick'],
  ['arpa', 'ARPA'],
  ['ltv', 'LTV'],
  ['revenue', 'revenue'],
  ['nps', 'NPS'],
];

export function registerKpisCommand(program: Command): void {
  program
    .command('kpis')
    .description('retention KPIs per month (default: the last 24 complete months and the current one) and cohorts')
    .option('--from <month>', 'first month, YYYY-MM')
    .option('--to <month>', 'last month, YYYY-MM (default: the current month)')
    .option('--segment <segment>', 'only customers of this segment')
    .option('--plan <plan>', 'only customers on this plan')
    .option('--country <country>', 'only customers in this country')
    .option('--owner <email>', 'only accounts owned by this user')
    .option('--loyalty-tier <tier>', 'only customers in this loyalty tier')
    .option('--json', 'print the KPI document (months, series, cohorts, totals) as one JSON document')
    .action((flags: Flags) =>
      withDatabase(async (handle) => {
        const { from, to, json, ...filters } = flags;
        const document = await getKpis({
          ctx: { db: handle.db, actor: systemActor('cli') },
          input: { from, to, filters },
        }).catch((error) => {
          throw error instanceof ValidationError ? new ValidationError(asFlags(error.fieldErrors)) : error;
        });
        process.stdout.write(json ? `${JSON.stringify(document)}\n` : readable(document));
      }),
    );
}

/** Service field names ('filters.loyaltyTier') as the flags the user typed ('loyalty-tier'). */
function asFlags(errors: Record<string, string[]>): Record<string, string[]> {
  const flag = (field: string) => field.replace(/^filters\./, '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return Object.fromEntries(Object.entries(errors).map(([field, messages]) => [flag(field), messages]));
}

function readable(document: KpiDocument): string {
  const cell = (key: MetricKey, value: number | null | undefined) =>
    formatMetric(key, value ?? null, document.currency);
  const rows = [
    ['month', ...TABLE.map(([, title]) => title)],
    ...document.months.map((month, i) => [month, ...TABLE.map(([key]) => cell(key, document.series[key][i]))]),
    ['total', ...TABLE.map(([key]) => (key in document.totals ? cell(key, document.totals[key]) : ''))],
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) =>
    row.map((text, column) => (column === 0 ? text.padEnd(widths[column]) : text.padStart(widths[column]))).join('  ');
  const filters = Object.entries(document.filters).map(([name, value]) => `${name} ${value}`);
  const heading = `KPIs ${document.months[0]} to ${document.months.at(-1)}${filters.length ? ` (${filters.join(', ')})` : ''}; rollups through ${document.rollup.through ?? '—'}`;
  const notes =
    'churn and CRR: monthly; total row: sums of flows, stocks at the end, rates as monthly averages weighted by their denominators';
  return [heading, '', ...rows.map(line), '', notes, ''].join('\n');
}
