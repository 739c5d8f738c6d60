import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { settings } from '@/db/schema';
import {
  DEFAULT_METRICS_SETTINGS,
  METRICS_SETTINGS_KEY,
  metricsSettingsSchema,
  type MetricsSettings,
} from '@/lib/metrics/settings';

function parsed(value: unknown): MetricsSettings {
  const result = metricsSettingsSchema.safeParse(value ?? {});
  return result.success ? result.data : DEFAULT_METRICS_SETTINGS;
}

/** The workspace's metric settings, defaults filled in; a stored value that no longer validates reads as the defaults. */
export async function readMetricsSettings(db: Executor): Promise<MetricsSettings> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, METRICS_SETTINGS_KEY));
  return parsed(row?.value);
}

/**
 * The settings row locked for the rest of the transaction (created with the defaults when missing), so that two
 * admins editing different segments at once both keep their change instead of the later overwriting the earlier.
 */
export async function lockMetricsSettings(tx: Executor): Promise<MetricsSettings> {
  await tx.insert(settings).values({ key: METRICS_SETTINGS_KEY, value: {} }).onConflictDoNothing();
  const [row] = await tx
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, METRICS_SETTINGS_KEY))
    .for('update');
  return parsed(row?.value);
}

export async function writeMetricsSettings(tx: Executor, value: MetricsSettings): Promise<void> {
  await tx
    .update(settings)
    .set({ value, updatedAt: sql`now()` })
    .where(eq(settings.key, METRICS_SETTINGS_KEY));
}
