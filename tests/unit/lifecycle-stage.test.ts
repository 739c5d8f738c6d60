import { describe, expect, it } from 'vitest';
import { importedStage } from '@/lib/customers/lifecycle';

const asOf = new Date('2026-11-01T00:00:00Z');
const daysBefore = (days: number) => new Date(asOf.getTime() - days * 86_400_000);

describe('the stage of an imported customer', () => {
  it('follows time from first value: activated, adopting after 60 days, loyal after a year', () => {
    const stage = (days: number) =>
      importedStage({ acquiredAt: daysBefore(days), activatedAt: daysBefore(days), churnedAt: null, asOf });
    expect([stage(0), stage(59), stage(61), stage(364), stage(366), stage(72 * 30)]).toEqual([
      'activated',
      'activated',
      'adopting',
      'adopting',
      'loyal',
      'loyal',
    ]);
  });

  it('is onboarding until first value, and at risk once the TTV target has passed without it', () => {
    expect(importedStage({ acquiredAt: daysBefore(10), activatedAt: null, churnedAt: null, asOf })).toBe('onboarding');
    expect(importedStage({ acquiredAt: daysBefore(31), activatedAt: null, churnedAt: null, asOf })).toBe('at_risk');
    expect(importedStage({ acquiredAt: daysBefore(100), activatedAt: daysBefore(50), churnedAt: null, asOf })).toBe(
      'activated',
    );
    expect(importedStage({ acquiredAt: null, activatedAt: null, churnedAt: null, asOf })).toBe('onboarding');
  });

  it('is churned when the file says so, whatever the tenure', () => {
    expect(importedStage({ acquiredAt: daysBefore(900), activatedAt: daysBefore(900), churnedAt: asOf, asOf })).toBe(
      'churned',
    );
  });
});
