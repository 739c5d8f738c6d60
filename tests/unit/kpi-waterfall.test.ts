import { describe, expect, it } from 'vitest';
import { mrrWaterfall } from '@/lib/metrics/waterfall';

describe('MRR waterfall', () => {
  it('walks from MRR at start through each movement to MRR at end', () => {
    const steps = mrrWaterfall({
      mrr_start: 10_000,
      new_mrr: 800,
      expansion_mrr: 300,
      reactivation_mrr: 100,
      contraction_mrr: 150,
      churned_mrr: 400,
      mrr: 10_650,
    })!;
    expect(steps.map((s) => [s.key, s.value, s.from, s.to])).toEqual([
      ['start', 10_000, 0, 10_000],
      ['new', 800, 10_000, 10_800],
      ['expansion', 300, 10_800, 11_100],
      ['reactivation', 100, 11_100, 11_200],
      ['contraction', -150, 11_200, 11_050],
      ['churned', -400, 11_050, 10_650],
      ['end', 10_650, 0, 10_650],
    ]);
    expect(steps.find((s) => s.key === 'churned')).toMatchObject({ kind: 'decrease', drilldown: 'churned_mrr' });
  });

  it('shows a remainder as "Other" instead of hiding it', () => {
    const steps = mrrWaterfall({
      mrr_start: 1_000,
      new_mrr: 0,
      expansion_mrr: 0,
      reactivation_mrr: 0,
      contraction_mrr: 0,
      churned_mrr: 100,
      mrr: 850,
    })!;
    expect(steps.at(-2)).toMatchObject({ key: 'other', value: -50, from: 900, to: 850, kind: 'decrease' });
  });

  it('has nothing to show for a period without known months', () => {
    expect(mrrWaterfall({})).toBeNull();
  });
});
