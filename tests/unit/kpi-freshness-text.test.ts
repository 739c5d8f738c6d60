import { describe, expect, it } from 'vitest';
import { freshnessText } from '@/lib/metrics/freshness';

const now = new Date('2026-12-02T10:00:00Z');
const rollup = (minutesAgo: number, pending: number) => ({
  through: '2026-12',
  refreshed_at: new Date(now.getTime() - minutesAgo * 60_000).toISOString(),
  pending_changes: pending,
});

describe('how fresh the KPI page says its numbers are', () => {
  it('says when the rollups were updated and how many changes are being applied', () => {
    expect(freshnessText(rollup(2, 200), now)).toBe('Updated 2 minutes ago; 200 customer changes being applied');
    expect(freshnessText(rollup(2, 1), now)).toBe('Updated 2 minutes ago; 1 customer change being applied');
    expect(freshnessText(rollup(90, 12_345), now)).toBe('Updated 1 hour ago; 12,345 customer changes being applied');
  });

  it('says only when they were updated once nothing is pending, and nothing before a first refresh', () => {
    expect(freshnessText(rollup(0, 0), now)).toBe('Updated now');
    expect(freshnessText({ through: null, refreshed_at: null, pending_changes: 0 }, now)).toBeNull();
  });
});
