import { describe, expect, it } from 'vitest';
import { dailySeries, sparklinePoints } from '@/lib/profile/daily-series';
import { formatTenure } from '@/lib/profile/tenure';
import { TIMELINE_KINDS } from '@/lib/timeline/items';
import { decodeTimelineCursor, encodeTimelineCursor, parseTimelineQuery, timelineSearch } from '@/lib/timeline/query';

const t = (iso: string) => new Date(iso);

describe('tenure', () => {
  it('reads in days, then calendar months, then years and months', () => {
    expect(formatTenure(t('2026-03-01T00:00:00Z'), t('2026-03-02T00:00:00Z'))).toBe('1 day');
    expect(formatTenure(t('2026-03-01T00:00:00Z'), t('2026-03-20T00:00:00Z'))).toBe('19 days');
    expect(formatTenure(t('2026-01-31T00:00:00Z'), t('2026-03-30T00:00:00Z'))).toBe('1 month');
    expect(formatTenure(t('2024-01-15T00:00:00Z'), t('2026-03-20T00:00:00Z'))).toBe('2 years 2 months');
    expect(formatTenure(t('2025-03-20T00:00:00Z'), t('2026-03-20T00:00:00Z'))).toBe('1 year');
  });
});

describe('usage series', () => {
  it('fills the days without events with zero, oldest first, ending today', () => {
    const series = dailySeries([{ day: '2026-03-02', value: 4 }], t('2026-03-03T18:00:00Z'), 3);
    expect(series).toEqual([
      { day: '2026-03-01', value: 0 },
      { day: '2026-03-02', value: 4 },
      { day: '2026-03-03', value: 0 },
    ]);
    expect(sparklinePoints([0, 4, 2], 100, 20)).toBe('0.0,20.0 50.0,0.0 100.0,10.0');
    expect(sparklinePoints([0, 0], 10, 10)).toBe('0.0,10.0 10.0,10.0');
  });
});

describe('timeline URL state', () => {
  const cursor = { at: '2026-03-01T10:00:00.123456Z', rank: 4, id: 991 };

  it('round-trips kinds and the cursor', () => {
    const search = timelineSearch({ kinds: ['order', 'activity'], through: cursor });
    expect(search).toBe('?types=order%2Cactivity&through=2026-03-01T10%3A00%3A00.123456Z%7E4%7E991');
    expect(parseTimelineQuery(Object.fromEntries(new URLSearchParams(search.slice(1))))).toEqual({ kinds: ['order', 'activity'], through: cursor });
    expect(decodeTimelineCursor(encodeTimelineCursor(cursor))).toEqual(cursor);
  });

  it('falls back to every kind and the newest page on anything malformed', () => {
    expect(parseTimelineQuery({ types: 'nonsense', through: '2026-13-99~1~1' })).toEqual({ kinds: [...TIMELINE_KINDS], through: null });
    expect(parseTimelineQuery({ through: '2026-03-01T10:00:00.123456Z~42~1' }).through).toBeNull();
    expect(timelineSearch({ kinds: [...TIMELINE_KINDS], through: null })).toBe('');
  });
});
