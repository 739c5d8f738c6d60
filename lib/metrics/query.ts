import { z } from 'zod';
import { parseDrilldownCursor } from './drilldowns';
import { DRILLDOWN_METRICS, type DrilldownMetric } from './movements';
import { safeText } from '@/lib/validation/text';
import { parseMonth } from './months';

/** The dimensions a KPI read can be filtered by: one allow-list shared by the service, the SQL and the CLI. */
export const KPI_DIMENSIONS = ['segment', 'plan', 'country', 'owner', 'loyaltyTier'] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];

const filterValue = safeText()
  .trim()
  .max(200)
  .transform((s) => s || undefined)
  .optional();

export const kpiFiltersSchema = z.object({
  segment: filterValue,
  plan: filterValue,
  country: filterValue,
  /** The owner's email. */
  owner: filterValue.pipe(z.email({ error: 'Give the owner as an email address.' }).optional()),
  loyaltyTier: filterValue,
});
export type KpiFilters = z.infer<typeof kpiFiltersSchema>;

const month = z.string().transform((text, ctx) => {
  const parsed = parseMonth(text.trim());
  if (parsed === null) {
    ctx.addIssue({ code: 'custom', message: 'Use a month as YYYY-MM.' });
    return z.NEVER;
  }
  return parsed;
});

/** Longest range one read may ask for (10 years of months). */
export const MAX_KPI_MONTHS = 120;

export const kpiQuerySchema = z
  .object({ from: month.optional(), to: month.optional(), filters: kpiFiltersSchema.default({}) })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    error: 'The start month is after the end month.',
    path: ['from'],
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.to - q.from < MAX_KPI_MONTHS, {
    error: `Ask for at most ${MAX_KPI_MONTHS} months.`,
    path: ['from'],
  });
export type KpiQueryInput = z.input<typeof kpiQuerySchema>;

export const DRILLDOWN_PAGE_SIZE = 50;

const cursor = z.string().transform((text, ctx) => {
  const parsed = parseDrilldownCursor(text);
  if (parsed === null) {
    ctx.addIssue({ code: 'custom', message: 'Not a position in this list.' });
    return z.NEVER;
  }
  return parsed;
});

/** One page of the customers behind a count over the months from..to (one month: from = to). */
export const kpiDrilldownSchema = z
  .object({
    metric: z.enum(DRILLDOWN_METRICS as [DrilldownMetric, ...DrilldownMetric[]], {
      error: `Use one of: ${DRILLDOWN_METRICS.join(', ')}.`,
    }),
    from: month,
    to: month,
    filters: kpiFiltersSchema.default({}),
    /** Where the previous page ended (formatDrilldownCursor). */
    cursor: cursor.nullable().default(null),
    limit: z.coerce.number().int().min(1).max(500).default(DRILLDOWN_PAGE_SIZE),
  })
  .refine((q) => q.from <= q.to, { error: 'The start month is after the end month.', path: ['from'] })
  .refine((q) => q.to - q.from < MAX_KPI_MONTHS, {
    error: `Ask for at most ${MAX_KPI_MONTHS} months.`,
    path: ['from'],
  });
export type KpiDrilldownInput = z.input<typeof kpiDrilldownSchema>;

/** The default range: the last 24 complete months and the current one. */
export const DEFAULT_KPI_MONTHS = 25;
