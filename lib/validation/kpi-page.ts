import { z } from 'zod';
import { drilldownMonths, isDrilldownMetric, parseDrilldownCursor } from '@/lib/metrics/drilldowns';
import { formatMonth, parseMonth, type Month } from '@/lib/metrics/months';
import type { DrilldownMetric } from '@/lib/metrics/movements';
import {
  defaultSelection,
  formatQuarter,
  parseQuarter,
  resolvePeriod,
  type Period,
  type PeriodSelection,
  type Today,
} from '@/lib/metrics/period';
import { kpiFiltersSchema, type KpiFilters } from '@/lib/metrics/query';
import { FILTER_PARAMS } from './kpi-params';

/**
 * The KPI pages keep all their state in the URL (shareable, bookmarkable, Back works): the period, the filters and
 * the cohort view. Each parameter falls back to its default on its own, so a bad one never breaks the page.
 */
export const COHORT_VIEWS = ['logo', 'revenue'] as const;
export type CohortView = (typeof COHORT_VIEWS)[number];

export type KpiPageState = {
  /** Null = the default period (the last complete month). */
  selection: PeriodSelection | null;
  filters: KpiFilters;
  cohorts: CohortView;
};

type SearchParams = Record<string, string | string[] | undefined>;

const untrimmed = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const first = (value: string | string[] | undefined) => untrimmed(value)?.trim() || undefined;
const monthParam = z
  .string()
  .max(7)
  .transform((text, ctx) => parseMonth(text) ?? (ctx.addIssue({ code: 'custom', message: 'month' }), z.NEVER));
const quarterParam = z
  .string()
  .max(7)
  .transform((text, ctx) => parseQuarter(text) ?? (ctx.addIssue({ code: 'custom', message: 'quarter' }), z.NEVER));
const yearParam = z
  .string()
  .regex(/^(?!0000)\d{4}$/)
  .transform(Number);

function parse<T>(schema: z.ZodType<T>, value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function selectionOf(params: SearchParams): PeriodSelection | null {
  switch (first(params.period)) {
    case 'month': {
      const month = parse(monthParam, first(params.month));
      return month === undefined ? null : { kind: 'month', month };
    }
    case 'quarter': {
      const quarter = parse(quarterParam, first(params.quarter));
      return quarter === undefined ? null : { kind: 'quarter', quarter };
    }
    case 'year': {
      const year = parse(yearParam, first(params.year));
      return year === undefined ? null : { kind: 'year', year };
    }
    case 'custom': {
      const from = parse(monthParam, first(params.from));
      const to = parse(monthParam, first(params.to));
      return from === undefined || to === undefined ? null : { kind: 'custom', from, to };
    }
    default:
      return null;
  }
}

function filtersOf(params: SearchParams): KpiFilters {
  const filters: KpiFilters = {};
  for (const [name, param] of Object.entries(FILTER_PARAMS) as [keyof KpiFilters, string][]) {
    const parsed = kpiFiltersSchema.shape[name].safeParse(first(params[param]));
    if (parsed.success && parsed.data !== undefined) filters[name] = parsed.data;
  }
  return filters;
}

export function parseKpiPageState(params: SearchParams): KpiPageState {
  return {
    selection: selectionOf(params),
    filters: filtersOf(params),
    cohorts: first(params.cohorts) === 'revenue' ? 'revenue' : 'logo',
  };
}

/**
 * The drill-down page's own parameters: which set, which month (none: the page's whole period), and where the
 * keyset page starts.
 */
export function parseDrilldownParams(params: SearchParams): {
  metric: DrilldownMetric | null;
  month: Month | null;
  after: string | null;
} {
  const metric = first(params.metric);
  const after = first(params.after);
  return {
    metric: metric !== undefined && isDrilldownMetric(metric) ? metric : null,
    month: parse(monthParam, first(params.month)) ?? null,
    after: after !== undefined && parseDrilldownCursor(after) ? after : null,
  };
}

export type DrilldownRequest = {
  state: KpiPageState;
  metric: DrilldownMetric;
  /** The month asked for, or null for the page's whole period. */
  month: Month | null;
  /** The period as the KPI page resolves it (the same default, the same months to date). */
  period: Period;
  /** The months the list covers (drilldownMonths of the month or the period). */
  listed: { from: Month; to: Month };
  after: string | null;
};

/** What a drill-down page or its CSV lists, from the page's URL; null when the URL names no list. */
export function parseDrilldownRequest(params: SearchParams, today: Today): DrilldownRequest | null {
  const state = parseKpiPageState(params);
  const { metric, month, after } = parseDrilldownParams(params);
  if (!metric) return null;
  const period = resolvePeriod(state.selection ?? defaultSelection(today.month), today);
  return {
    state,
    metric,
    month,
    period,
    listed: drilldownMonths(metric, month === null ? period : { from: month, to: month }),
    after,
  };
}

/** URLSearchParams of a page state, default values left out; `extra` entries are appended (e.g. a drill-down's). */
export function kpiSearchParams(
  state: Partial<KpiPageState>,
  extra: Record<string, string | undefined> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  const selection = state.selection;
  if (selection) {
    params.set('period', selection.kind);
    if (selection.kind === 'month') params.set('month', formatMonth(selection.month));
    if (selection.kind === 'quarter') params.set('quarter', formatQuarter(selection.quarter));
    if (selection.kind === 'year') params.set('year', String(selection.year));
    if (selection.kind === 'custom') {
      params.set('from', formatMonth(selection.from));
      params.set('to', formatMonth(selection.to));
    }
  }
  for (const [name, param] of Object.entries(FILTER_PARAMS) as [keyof KpiFilters, string][]) {
    const value = state.filters?.[name];
    if (value) params.set(param, value);
  }
  if (state.cohorts === 'revenue') params.set('cohorts', 'revenue');
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, value);
  return params;
}

/** "?period=…&segment=…" or "" for the defaults. */
export function kpiSearchString(state: Partial<KpiPageState>, extra?: Record<string, string | undefined>): string {
  const search = kpiSearchParams(state, extra).toString();
  return search ? `?${search}` : '';
}

/** The drill-down page of a set over the page's period, or in one month of it, keeping the period and filters (for the way back). */
export function drilldownHref(state: Partial<KpiPageState>, metric: DrilldownMetric, month?: string): string {
  return `/kpis/customers${kpiSearchString({ selection: state.selection, filters: state.filters }, { metric, month })}`;
}

/** The CSV of a drill-down list: the same parameters as its page. */
export function drilldownCsvHref(state: Partial<KpiPageState>, metric: DrilldownMetric, month?: string): string {
  return `/kpis/customers/export${kpiSearchString({ selection: state.selection, filters: state.filters }, { metric, month })}`;
}
