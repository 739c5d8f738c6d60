'use server';

import { z } from 'zod';
import { DRILLDOWN_METRICS, type DrilldownMetric } from '@/lib/metrics/movements';
import { validatedAction } from '@/server/action';
import { getKpiDrilldown, type KpiDrilldownPage } from '@/server/services/kpis';

/**
 * The next keyset page of a drill-down, for its "Load more" button. A read, but a server action is a public
 * endpoint all the same: validatedAction checks the session and kpis.read, and the service validates the request
 * strictly (this schema only bounds its shape).
 */
const filterValue = z.string().max(200).optional();
const nextPageSchema = z.object({
  metric: z.enum(DRILLDOWN_METRICS as [DrilldownMetric, ...DrilldownMetric[]]),
  from: z.string().max(16),
  to: z.string().max(16),
  cursor: z.string().max(64),
  filters: z
    .object({
      segment: filterValue,
      plan: filterValue,
      country: filterValue,
      owner: filterValue,
      loyaltyTier: filterValue,
    })
    .default({}),
});

export const loadDrilldownPageAction = validatedAction(
  nextPageSchema,
  'kpis.read',
  async ({ ctx, input }): Promise<KpiDrilldownPage> => getKpiDrilldown({ ctx, input }),
);
