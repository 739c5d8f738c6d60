import { describe, expect, it } from 'vitest';
import { ces, csat, nps, npsFromCounts } from '@/lib/metrics/surveys';

describe('survey scores', () => {
  it('NPS is % promoters (9-10) - % detractors (0-6), in points', () => {
    expect(nps([10, 9, 8, 7, 6, 0])).toBe(0);
    expect(nps([10, 10, 9, 0])).toBe(50);
    expect(nps([6, 5, 7, 8])).toBe(-50);
    expect(nps([8, 7])).toBe(0);
    expect(npsFromCounts(3, 1, 8)).toBe(25);
  });

  it('CSAT is the share of 4-5 answers; CES is the mean', () => {
    expect(csat([5, 4, 3, 2, 1])).toBe(0.4);
    expect(csat([5, 5])).toBe(1);
    expect(ces([7, 5, 6])).toBe(6);
  });

  it('with no answers there is no score', () => {
    expect([nps([]), csat([]), ces([]), npsFromCounts(0, 0, 0)]).toEqual([null, null, null, null]);
  });
});
