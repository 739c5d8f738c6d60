import { z } from 'zod';

/** Monthly logo churn at or below `target` is on target, up to `watch` is watch, above is critical. */
export type ChurnThresholds = { target: number; watch: number };
export type ChurnStatus = 'on_target' | 'watch' | 'critical';

const fraction = z.number().min(0).max(1);
const thresholdsSchema = z.object({ target: fraction, watch: fraction }).refine((t) => t.target <= t.watch, {
  error: 'The on-target limit must not be above the watch limit.',
  path: ['target'],
});

export const DEFAULT_CHURN_THRESHOLDS: ChurnThresholds = { target: 0.05, watch: 0.07 };

/** The workspace's metric settings, stored as one JSON value under the settings key `metrics`. */
export const metricsSettingsSchema = z.object({
  /** LTV multiplies ARPA by it; 1 = 100%. */
  grossMargin: fraction.default(1),
  /** Replaces W = 3 x median inter-purchase interval for order data. */
  inactivityWindowDays: z.number().int().min(1).max(3650).nullable().default(null),
  churnThresholds: thresholdsSchema.default(DEFAULT_CHURN_THRESHOLDS),
  /** Per-segment overrides of churnThresholds, by segment value. */
  segmentChurnThresholds: z.record(z.string(), thresholdsSchema).default({}),
});

export type MetricsSettings = z.infer<typeof metricsSettingsSchema>;
export const METRICS_SETTINGS_KEY = 'metrics';

export const DEFAULT_METRICS_SETTINGS: MetricsSettings = metricsSettingsSchema.parse({});

export function churnThresholdsFor(settings: MetricsSettings, segment?: string): ChurnThresholds {
  return (segment === undefined ? undefined : settings.segmentChurnThresholds[segment]) ?? settings.churnThresholds;
}

export function churnStatus(rate: number | null, thresholds: ChurnThresholds): ChurnStatus | null {
  if (rate === null) return null;
  if (rate <= thresholds.target) return 'on_target';
  return rate <= thresholds.watch ? 'watch' : 'critical';
}
