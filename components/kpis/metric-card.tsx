import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import type { Change } from '@/lib/metrics/change';
import { ChangeIndicator } from './change-indicator';
import type { FormulaInfo } from './formula-info';
import { FormulaPopover } from './formula-popover';

type MetricCardProps = {
  id: string;
  label: string;
  /** As shown (money compact), and exact (its tooltip; the formula popover and the table show it too). */
  value: string;
  exact: string;
  change: Change | null;
  /** The previous period's label; null when the period is compared with nothing. */
  against: string | null;
  formula: FormulaInfo;
  /** Thresholds, benchmarks: what the number is measured against. */
  footer?: ReactNode;
};

/** One headline number: its value for the period, the change since the one before, and how it is calculated. */
export function MetricCard({ id, label, value, exact, change, against, formula, footer }: MetricCardProps) {
  const headingId = `metric-${id}`;
  return (
    <Card className="flex flex-col px-4 py-3.5">
      <section aria-labelledby={headingId} className="flex flex-1 flex-col">
        <div className="flex items-start justify-between gap-2">
          <h3 id={headingId} className="text-sm font-medium text-zinc-600">
            {label}
          </h3>
          <FormulaPopover info={formula} />
        </div>
        <p
          className="mt-0.5 text-2xl font-semibold tracking-tight whitespace-nowrap text-zinc-900 tabular-nums"
          data-testid="metric-value"
          title={exact === value ? undefined : exact}
        >
          {value}
        </p>
        <div className="mt-1">
          <ChangeIndicator change={change} against={against} />
        </div>
        {footer && (
          <div className="mt-3 space-y-1.5 border-t border-zinc-100 pt-2.5 text-xs text-zinc-600">{footer}</div>
        )}
      </section>
    </Card>
  );
}
