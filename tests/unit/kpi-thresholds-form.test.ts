import { describe, expect, it } from 'vitest';
import { churnThresholdsFormSchema, clearSegmentThresholdsSchema } from '@/lib/validation/kpi-thresholds';

const errors = (input: unknown) => {
  const parsed = churnThresholdsFormSchema.safeParse(input);
  return parsed.success ? null : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('churn thresholds form', () => {
  it('turns typed percentages into exact fractions', () => {
    expect(churnThresholdsFormSchema.parse({ segment: ' b2c ', target: '6.5', watch: '8%' })).toEqual({
      segment: 'b2c',
      target: 0.065,
      watch: 0.08,
    });
    expect(churnThresholdsFormSchema.parse({ segment: '', target: '5', watch: '5' })).toEqual({
      segment: '',
      target: 0.05,
      watch: 0.05,
    });
  });

  it('reports each field in words', () => {
    expect(errors({ segment: '', target: '', watch: 'lots' })).toEqual({
      target: 'Enter the on-target limit.',
      watch: 'Enter a number, e.g. 5 or 6.5.',
    });
    expect(errors({ segment: '', target: '-1', watch: '101' })).toEqual({
      target: 'Use a percentage from 0 to 100.',
      watch: 'Use a percentage from 0 to 100.',
    });
    expect(errors({ segment: '', target: '7', watch: '5' })).toEqual({
      watch: 'The watch limit must be at or above the on-target limit.',
    });
  });

  it('never removes the workspace default', () => {
    expect(clearSegmentThresholdsSchema.safeParse({ segment: '' }).success).toBe(false);
    expect(clearSegmentThresholdsSchema.parse({ segment: 'b2c' })).toEqual({ segment: 'b2c' });
  });
});
