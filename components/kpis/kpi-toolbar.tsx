'use client';

import { LoaderCircle } from 'lucide-react';
import { KpiLink } from './kpi-link';
import { useRouter } from 'next/navigation';
import { useState, useSyncExternalStore, useTransition, type ChangeEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { cn } from '@/lib/cn';
import type { PeriodKind } from '@/lib/metrics/period';
import type { KpiFilters } from '@/lib/metrics/query';
import { FILTER_PARAMS } from '@/lib/validation/kpi-params';

export type Option = { value: string; label: string };

export type ToolbarState = {
  kind: PeriodKind;
  /** The value of every period kind's picker, so that switching kind keeps the same time of year. */
  month: string;
  quarter: string;
  year: string;
  from: string;
  to: string;
  filters: KpiFilters;
  cohorts: 'logo' | 'revenue';
};

type ToolbarProps = {
  state: ToolbarState;
  months: Option[];
  quarters: Option[];
  years: Option[];
  filterOptions: Record<keyof KpiFilters, Option[]>;
};

const KINDS: { value: PeriodKind; label: string }[] = [
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
  { value: 'year', label: 'Year' },
  { value: 'custom', label: 'Custom' },
];

const FILTERS: { name: keyof KpiFilters; label: string; all: string }[] = [
  { name: 'segment', label: 'Segment', all: 'All segments' },
  { name: 'plan', label: 'Plan', all: 'All plans' },
  { name: 'country', label: 'Country', all: 'All countries' },
  { name: 'owner', label: 'Owner', all: 'All owners' },
  { name: 'loyaltyTier', label: 'Loyalty tier', all: 'All tiers' },
];

function searchOf(state: ToolbarState): string {
  const params = new URLSearchParams({ period: state.kind });
  if (state.kind === 'custom') {
    params.set('from', state.from);
    params.set('to', state.to);
  } else params.set(state.kind, state[state.kind]);
  for (const { name } of FILTERS) if (state.filters[name]) params.set(FILTER_PARAMS[name], state.filters[name]!);
  if (state.cohorts === 'revenue') params.set('cohorts', 'revenue');
  return `?${params}`;
}

const labelClasses = 'mb-1 block text-xs font-medium text-zinc-600';

const noSubscription = () => () => {};
/**
 * False in the server HTML, true once hydrated: the selects only act on change from then on (before, the GET form and
 * its Apply button work). Exposed as data-interactive, which browser tests wait for.
 */
function useIsClient(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * Period and filters of the KPI page. Every choice is a new URL (so the view can be shared and Back works), applied
 * at once; without JavaScript it is a plain GET form with an Apply button.
 */
export function KpiToolbar({ state: initial, months, quarters, years, filterOptions }: ToolbarProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // The choice shows at once while the page loads; the page keys this component by its URL, so it resets after.
  const [state, setState] = useState(initial);
  const go = (next: ToolbarState) => {
    setState(next);
    startTransition(() => router.push(`/kpis${searchOf(next)}`, { scroll: false }));
  };
  const setPeriod = (patch: Partial<ToolbarState>) => go({ ...state, ...patch });
  const interactive = useIsClient();
  const setFilter = (name: keyof KpiFilters) => (e: ChangeEvent<HTMLSelectElement>) =>
    go({ ...state, filters: { ...state.filters, [name]: e.target.value || undefined } });
  const filtered = FILTERS.some(({ name }) => state.filters[name]);

  return (
    <form
      method="get"
      action="/kpis"
      data-interactive={interactive}
      onSubmit={(e) => {
        e.preventDefault();
        go(state);
      }}
      aria-label="KPI period and filters"
      className="space-y-4"
    >
      <input type="hidden" name="period" value={state.kind} />
      {state.cohorts === 'revenue' && <input type="hidden" name="cohorts" value="revenue" />}
      <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
        <div>
          <span id="kpi-period-kind" className={labelClasses}>
            Period
          </span>
          {/* Links, not radios: a choice made before the page is interactive still lands (and works without JavaScript). */}
          <nav
            aria-labelledby="kpi-period-kind"
            className="inline-flex rounded-md border border-zinc-300 bg-zinc-50 p-0.5"
          >
            {KINDS.map((kind) => (
              <KpiLink
                key={kind.value}
                href={`/kpis${searchOf({ ...state, kind: kind.value })}`}
                scroll={false}
                aria-current={state.kind === kind.value ? 'page' : undefined}
                onClick={() => setState({ ...state, kind: kind.value })}
                className={cn(
                  'block rounded px-3 py-1.5 text-sm font-medium',
                  state.kind === kind.value
                    ? 'bg-white text-accent-900 shadow-xs'
                    : 'text-zinc-600 hover:text-zinc-900',
                )}
              >
                {kind.label}
              </KpiLink>
            ))}
          </nav>
        </div>
        {state.kind === 'custom' ? (
          <>
            {/* 'YYYY-MM' compares as text; the other end follows so that the range never turns inside out. */}
            <PeriodSelect
              name="from"
              label="From"
              value={state.from}
              options={months}
              onChange={(from) => setPeriod({ from, to: from > state.to ? from : state.to })}
            />
            <PeriodSelect
              name="to"
              label="To"
              value={state.to}
              options={months}
              onChange={(to) => setPeriod({ to, from: to < state.from ? to : state.from })}
            />
          </>
        ) : (
          <PeriodSelect
            name={state.kind}
            label={KINDS.find((k) => k.value === state.kind)!.label}
            value={state[state.kind]}
            options={state.kind === 'month' ? months : state.kind === 'quarter' ? quarters : years}
            onChange={(value) => setPeriod({ [state.kind]: value })}
          />
        )}
        <p role="status" className={cn('flex items-center gap-1.5 pb-2 text-xs text-zinc-600', !pending && 'sr-only')}>
          {pending && <LoaderCircle aria-hidden className="size-3.5 animate-spin" />}
          {pending ? 'Updating…' : ''}
        </p>
      </div>
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto] lg:items-end">
        {FILTERS.map((filter) => {
          const value = state.filters[filter.name] ?? '';
          const options = filterOptions[filter.name];
          // A value from a shared link that the options no longer hold is still shown as chosen.
          const withCurrent =
            value && !options.some((o) => o.value === value) ? [...options, { value, label: value }] : options;
          return (
            <div key={filter.name}>
              <label htmlFor={`kpi-${filter.name}`} className={labelClasses}>
                {filter.label}
              </label>
              <Select
                id={`kpi-${filter.name}`}
                name={FILTER_PARAMS[filter.name]}
                value={value}
                onChange={setFilter(filter.name)}
              >
                <option value="">{filter.all}</option>
                {withCurrent.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </div>
          );
        })}
        <div className="flex items-center gap-2">
          <noscript>
            <Button type="submit">Apply</Button>
          </noscript>
          {filtered && (
            <Button asChild variant="ghost" size="sm">
              <KpiLink href={`/kpis${searchOf({ ...state, filters: {} })}`} scroll={false}>
                Clear filters
              </KpiLink>
            </Button>
          )}
        </div>
      </div>
    </form>
  );
}

function PeriodSelect({
  name,
  label,
  value,
  options,
  onChange,
}: {
  name: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
}) {
  const withCurrent = options.some((o) => o.value === value) ? options : [{ value, label: value }, ...options];
  return (
    <div>
      <label htmlFor={`kpi-period-${name}`} className={labelClasses}>
        {label}
      </label>
      <Select
        id={`kpi-period-${name}`}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="w-auto min-w-36"
      >
        {withCurrent.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
