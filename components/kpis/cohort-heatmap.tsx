import { KpiLink } from './kpi-link';
import { formatCount } from '@/lib/format';
import type { KpiDocument } from '@/lib/metrics/document';
import { cn } from '@/lib/cn';
import type { CohortView } from '@/lib/validation/kpi-page';
import { ChartCard } from './chart-card';
import { longMonth } from './chart-format';
import type { FormulaInfo } from './formula-info';

const FORMULAS: Record<CohortView, FormulaInfo> = {
  logo: {
    title: 'Logo cohort retention',
    formula: 'cell (cohort, k) = cohort members active in month k / cohort members in month 0',
    value: '',
    terms: [],
    basis:
      'A cohort is the month of first activity. Active: MRR > 0 at the end of month k (subscriptions), or an order in month k (order data). Month 0 is 100%.',
    drilldowns: [],
  },
  revenue: {
    title: 'Revenue cohort retention',
    formula: 'cell (cohort, k) = revenue of the cohort in month k / its revenue in month 0',
    value: '',
    terms: [],
    basis:
      'Revenue is month-end MRR (subscriptions) or order revenue of the month (order data). Above 100%: the cohort expanded.',
    drilldowns: [],
  },
};

/**
 * Ten depths of teal by share (revenue cells above 100% stay at the deepest), each with a text colour that keeps its
 * 11 px numbers at 4.5:1 or more (WCAG AA): dark text up to 75% teal (5.3:1 there), then white on solid accent-700
 * (5.4:1) and accent-800. Whole classes, listed literally so that Tailwind generates them; a class per cell keeps the
 * 600-cell table light compared with inline styles.
 */
const DEPTHS = [
  'bg-accent-700/5 text-zinc-900',
  'bg-accent-700/15 text-zinc-900',
  'bg-accent-700/25 text-zinc-900',
  'bg-accent-700/35 text-zinc-900',
  'bg-accent-700/45 text-zinc-900',
  'bg-accent-700/55 text-zinc-900',
  'bg-accent-700/65 text-zinc-900',
  'bg-accent-700/75 text-zinc-900',
  'bg-accent-700 text-white',
  'bg-accent-800 text-white',
];
const depthOf = (value: number) => DEPTHS[Math.min(9, Math.max(0, Math.floor(value * 10 - 0.0001)))];

type CohortHeatmapProps = { cohorts: KpiDocument['cohorts']; view: CohortView; viewHref: (view: CohortView) => string };

/** Cohorts of the trend window as rows, months since first activity as columns. */
export function CohortHeatmap({ cohorts, view, viewHref }: CohortHeatmapProps) {
  const matrix = cohorts[view];
  const labels = Object.keys(matrix).sort();
  const width = Math.max(0, ...labels.map((label) => matrix[label].length));
  return (
    <ChartCard
      id="cohorts"
      title="Cohort retention"
      description="Each row is the customers who became active in a month; each column, the months since."
      formula={FORMULAS[view]}
    >
      <nav
        aria-label="Cohort view"
        className="mb-3 inline-flex rounded-md border border-zinc-200 bg-zinc-50 p-0.5 text-sm"
      >
        {(['logo', 'revenue'] as const).map((option) => (
          <KpiLink
            key={option}
            href={viewHref(option)}
            scroll={false}
            aria-current={option === view ? 'page' : undefined}
            className={cn(
              'rounded px-3 py-1 font-medium',
              option === view ? 'bg-white text-accent-900 shadow-xs' : 'text-zinc-600 hover:text-zinc-900',
            )}
          >
            {option === 'logo' ? 'Logo retention' : 'Revenue retention'}
          </KpiLink>
        ))}
      </nav>
      {labels.length === 0 ? (
        <p className="py-8 text-center text-sm text-zinc-600">No cohorts in these months.</p>
      ) : (
        // Focusable, so that keyboard users can scroll the wider-than-the-card matrix sideways with the arrow keys.
        <div
          role="region"
          aria-label="Cohort retention table (scrolls sideways)"
          tabIndex={0}
          className="relative overflow-x-auto rounded-sm focus-visible:outline-2 focus-visible:outline-accent-700"
        >
          <table className="border-separate border-spacing-0.5 text-[11px] tabular-nums [&_td]:rounded-sm [&_td]:px-1 [&_td]:py-1 [&_td]:text-center">
            <caption className="sr-only">
              {view === 'logo' ? 'Share of each cohort still active' : 'Revenue of each cohort against its first month'}
              , by months since the cohort started
            </caption>
            <thead>
              <tr className="text-zinc-600">
                <th scope="col" className="sticky left-0 z-10 bg-white px-2 py-1 text-left font-semibold">
                  Cohort
                </th>
                <th scope="col" className="px-2 py-1 text-right font-semibold">
                  Size
                </th>
                {Array.from({ length: width }, (_, k) => (
                  <th key={k} scope="col" className="min-w-9 px-1 py-1 text-center font-semibold">
                    <span className="sr-only">Month </span>
                    {k}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {labels.map((label) => (
                <tr key={label}>
                  <th
                    scope="row"
                    className="sticky left-0 z-10 bg-white px-2 py-1 text-left font-medium whitespace-nowrap text-zinc-800"
                  >
                    {longMonth(label)}
                  </th>
                  <td className="px-2! text-right! text-zinc-700">{formatCount(cohorts.sizes[label])}</td>
                  {Array.from({ length: width }, (_, k) => {
                    const value = matrix[label][k];
                    return value === undefined || value === null ? (
                      <td key={k} className="bg-zinc-50 text-zinc-600">
                        {value === null ? '—' : ''}
                      </td>
                    ) : (
                      <td key={k} className={depthOf(value)}>
                        {Math.round(value * 100)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-zinc-500">Values are percentages of month 0.</p>
        </div>
      )}
    </ChartCard>
  );
}
