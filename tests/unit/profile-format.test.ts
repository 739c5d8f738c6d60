import { describe, expect, it } from 'vitest';
import { dailySeries, sparklinePoints } from '@/lib/profile/daily-series';
import { humanize, npsCategory } from '@/lib/profile/labels';
import { formatTenure } from '@/lib/profile/tenure';
import { formatDate, formatRelative } from '@/lib/format';
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
    expect(search).toBe('?type=order&type=activity&through=2026-03-01T10%3A00%3A00.123456Z%7E4%7E991');
    const params = new URLSearchParams(search.slice(1));
    expect(parseTimelineQuery({ type: params.getAll('type'), through: params.get('through')! })).toEqual({
      kinds: ['order', 'activity'],
      through: cursor,
    });
    expect(parseTimelineQuery({ type: 'risk' }).kinds).toEqual(['risk']);
    expect(decodeTimelineCursor(encodeTimelineCursor(cursor))).toEqual(cursor);
  });

  it('falls back to every kind and the newest page on anything malformed', () => {
    expect(parseTimelineQuery({ type: 'nonsense', through: '2026-13-99~1~1' })).toEqual({
      kinds: [...TIMELINE_KINDS],
      through: null,
    });
    expect(parseTimelineQuery({ through: '2026-03-01T10:00:00.123456Z~42~1' }).through).toBeNull();
    expect(timelineSearch({ kinds: [...TIMELINE_KINDS], through: null })).toBe('');
  });
});

describe('labels and dates', () => {
  it('turns open vocabularies into words, keeping acronyms', () => {
    expect(humanize('b2b_smb')).toBe('B2B SMB');
    expect(humanize('feature_request')).toBe('Feature request');
    expect(humanize('Enterprise')).toBe('Enterprise');
  });

  it('puts NPS answers in their categories (promoters 9-10, detractors 0-6)', () => {
    expect([0, 6, 7, 8, 9, 10].map((score) => npsCategory(score).label)).toEqual([
      'Detractor',
      'Detractor',
      'Passive',
      'Passive',
      'Promoter',
      'Promoter',
    ]);
  });

  it('formats days in UTC and times relative to now', () => {
    expect(formatDate(t('2026-03-01T23:30:00Z'))).toBe('Mar 1, 2026');
    const now = t('2026-03-10T12:00:00Z');
    expect(formatRelative(t('2026-03-07T12:00:00Z'), now)).toBe('3 days ago');
    expect(formatRelative(t('2026-03-10T14:30:00Z'), now)).toBe('in 2 hours');
    expect(formatRelative(t('2026-03-10T11:59:30Z'), now)).toBe('now');
  });
});
