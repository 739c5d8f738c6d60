import type { KpiFilters } from '@/lib/metrics/query';

/**
 * The URL names of the KPI filters (the CLI's flags, shortened where long). Kept apart from the zod parser so that
 * client components can build URLs without shipping it.
 */
export const FILTER_PARAMS = {
  segment: 'segment',
  plan: 'plan',
  country: 'country',
  owner: 'owner',
  loyaltyTier: 'tier',
} as const satisfies Record<keyof KpiFilters, string>;
