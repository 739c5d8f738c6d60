'use server';

import { revalidatePath } from 'next/cache';
import { churnThresholdsFormSchema, clearSegmentThresholdsSchema } from '@/lib/validation/kpi-thresholds';
import { validatedAction } from '@/server/action';
import { clearSegmentThresholds, setChurnThresholds } from '@/server/services/kpi-settings';

/** The thresholds show on the KPI pages too: both are refreshed. */
function refreshKpiPages() {
  revalidatePath('/kpis', 'layout');
}

const scope = (segment: string) => (segment ? `segment ${segment}` : 'all segments');
const pct = (fraction: number) => `${Math.round(fraction * 10_000) / 100}%`;

export const setChurnThresholdsAction = validatedAction(
  churnThresholdsFormSchema,
  'settings.manage',
  async ({ ctx, input }) => {
    const saved = await setChurnThresholds({ ctx, input });
    refreshKpiPages();
    return {
      ok: true,
      message: `Churn thresholds of ${scope(input.segment)}: on target up to ${pct(saved.target)}, watch up to ${pct(saved.watch)}.`,
    };
  },
);

export const clearSegmentThresholdsAction = validatedAction(
  clearSegmentThresholdsSchema,
  'settings.manage',
  async ({ ctx, input }) => {
    await clearSegmentThresholds({ ctx, input });
    refreshKpiPages();
    return { ok: true, message: `Segment ${input.segment} now uses the workspace default thresholds.` };
  },
);
