import { KpiLink } from './kpi-link';
import { cn } from '@/lib/cn';
import { drilldownGroupOf, DRILLDOWN_TITLES } from '@/lib/metrics/drilldowns';
import { monthsBetween, type Month } from '@/lib/metrics/months';
import type { DrilldownMetric } from '@/lib/metrics/movements';
import { monthLabel } from '@/lib/metrics/period';

type DrilldownNavProps = {
  metric: DrilldownMetric;
  /** The month shown, or null for the whole period. */
  month: Month | null;
  /** The page's period when it spans several months: the whole of it, then each month, are tabs. */
  period: { from: Month; to: Month; label: string } | null;
  /** A list's page: over the whole period without a month. */
  href: (metric: DrilldownMetric, month: Month | null) => string;
};

const tab = (active: boolean) =>
  cn(
    'rounded-md px-2.5 py-1 text-sm font-medium whitespace-nowrap',
    active
      ? 'bg-accent-50 text-accent-900 ring-1 ring-accent-200'
      : 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900',
  );

/** Switch between the whole period and its months, and to the related lists (the other terms of the same formula). */
export function DrilldownNav({ metric, month, period, href }: DrilldownNavProps) {
  const group = drilldownGroupOf(metric);
  return (
    <div className="mb-4 space-y-2">
      {period && (
        <nav aria-label="Months of the period" className="flex gap-1 overflow-x-auto pb-1">
          <KpiLink
            href={href(metric, null)}
            aria-current={month === null ? 'page' : undefined}
            className={tab(month === null)}
          >
            All of {period.label}
          </KpiLink>
          {monthsBetween(period.from, period.to).map((m) => (
            <KpiLink
              key={m}
              href={href(metric, m)}
              aria-current={m === month ? 'page' : undefined}
              className={tab(m === month)}
            >
              {monthLabel(m)}
            </KpiLink>
          ))}
        </nav>
      )}
      {group.length > 1 && (
        <nav aria-label="Related lists" className="flex gap-1 overflow-x-auto pb-1">
          {group.map((m) => (
            <KpiLink
              key={m}
              href={href(m, month)}
              aria-current={m === metric ? 'page' : undefined}
              className={tab(m === metric)}
            >
              {DRILLDOWN_TITLES[m]}
            </KpiLink>
          ))}
        </nav>
      )}
    </div>
  );
}
