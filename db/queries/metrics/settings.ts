import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { settings } from '@/db/schema';
import { DEFAULT_METRICS_SETTINGS, METRICS_SETTINGS_KEY, metricsSettingsSchema, type MetricsSettings } from '@/lib/metrics/settings';

/** The workspace's metric settings, defaults filled in; a stored value that no longer validates reads as the defaults. */
export async function readMetricsSettings(db: Executor): Promise<MetricsSettings> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, METRICS_SETTINGS_KEY));
  const parsed = metricsSettingsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : DEFAULT_METRICS_SETTINGS;
}
