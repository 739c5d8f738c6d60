import { formatCount, formatRelative } from '@/lib/format';
import type { KpiDocument } from './document';

/** "Updated 2 minutes ago; 200 customer changes being applied": how current the KPI rollups a page shows are. */
export function freshnessText(rollup: KpiDocument['rollup'], now: Date): string | null {
  if (!rollup.refreshed_at) return null;
  const updated = `Updated ${formatRelative(new Date(rollup.refreshed_at), now)}`;
  const pending = rollup.pending_changes;
  if (pending === 0) return updated;
  return `${updated}; ${formatCount(pending)} customer change${pending === 1 ? '' : 's'} being applied`;
}
