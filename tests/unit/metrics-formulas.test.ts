import { describe, expect, it } from 'vitest';
import { activationRate, timeToValueDays } from '@/lib/metrics/activation';
import {
  arpa,
  customerRetentionRate,
  grossRevenueChurn,
  grossRevenueRetention,
  lifetimeValue,
  logoChurnRate,
  netNewMrr,
  netRevenueChurn,
  netRevenueRetention,
  quickRatio,
  repeatPurchaseRate,
  type MrrMovements,
} from '@/lib/metrics/formulas';
import { median, medianOfHistogram } from '@/lib/metrics/stats';
import { inactivityWindowDays, interPurchaseIntervals, medianIntervalSeconds } from '@/lib/metrics/window';

const DAY = 86_400_000;
const movements = (m: Partial<MrrMovements>): MrrMovements => ({
  mrrStart: 0,
  newMrr: 0,
  expansion: 0,
  contraction: 0,
  churned: 0,
  reactivation: 0,
  ...m,
});

describe('customer formulas (the worked examples of docs/metrics.md)', () => {
  it('logo churn: 1,000 customers of whom 200 leave in a month is 20%', () => {
    expect(logoChurnRate(200, 1000)).toBe(0.2);
  });

  it('CRR: S = 200, 20 lost, 30 new, E = 210 is 90%', () => {
    expect(customerRetentionRate({ atStart: 200, newCustomers: 30, reactivated: 0, atEnd: 210 })).toBe(0.9);
  });

  it('CRR takes reactivated customers out of E like new ones, so it stays 1 - logo churn', () => {
    // S = 200, 20 lost, 30 new, 5 back: E = 215.
    expect(customerRetentionRate({ atStart: 200, newCustomers: 30, reactivated: 5, atEnd: 215 })).toBe(0.9);
  });

  it('repeat purchase rate and activation rate are plain shares', () => {
    expect(repeatPurchaseRate(30, 120)).toBe(0.25);
    expect(activationRate(45, 60)).toBe(0.75);
  });

  it('time to value counts whole days elapsed', () => {
    const acquired = Date.UTC(2026, 0, 1, 12);
    expect(timeToValueDays(acquired, acquired + 3 * DAY - 1)).toBe(2);
    expect(timeToValueDays(acquired, acquired + 3 * DAY)).toBe(3);
    expect(timeToValueDays(acquired, acquired)).toBe(0);
  });
});

describe('revenue formulas', () => {
  it('gross revenue churn: 550 lost of 10,000 MRR is 5.5%', () => {
    expect(grossRevenueChurn(movements({ mrrStart: 10_000, churned: 400, contraction: 150 }))).toBe(0.055);
  });

  it('net revenue churn subtracts expansion and goes negative on net expansion', () => {
    expect(netRevenueChurn(movements({ mrrStart: 10_000, churned: 400, contraction: 150, expansion: 250 }))).toBe(0.03);
    expect(netRevenueChurn(movements({ mrrStart: 10_000, churned: 100, expansion: 600 }))).toBe(-0.05);
  });

  it('GRR ignores expansion; NRR counts it; neither counts reactivation (its own movement)', () => {
    const m = movements({
      mrrStart: 10_000,
      churned: 400,
      contraction: 150,
      expansion: 250,
      reactivation: 900,
      newMrr: 700,
    });
    expect(grossRevenueRetention(m)).toBe(0.945);
    expect(netRevenueRetention(m)).toBe(0.97);
    expect(netRevenueRetention({ ...m, reactivation: 0, newMrr: 0 })).toBe(0.97);
  });

  it('quick ratio = gains / losses, null without losses; net new MRR adds up the movements', () => {
    expect(
      quickRatio(movements({ newMrr: 300, expansion: 100, reactivation: 50, contraction: 100, churned: 50 })),
    ).toBe(3);
    expect(quickRatio(movements({ newMrr: 300, expansion: 100 }))).toBeNull();
    expect(netNewMrr(movements({ newMrr: 300, expansion: 100, reactivation: 50, contraction: 100, churned: 50 }))).toBe(
      300,
    );
  });

  it('ARPA in whole minor units; LTV = ARPA x margin / average churn, null without churn', () => {
    expect(arpa(1_000_000, 3)).toBe(333_333);
    expect(lifetimeValue(10_000, 1, 0.05)).toBe(200_000);
    expect(lifetimeValue(10_000, 0.8, 0.05)).toBe(160_000);
    expect(lifetimeValue(10_000, 1, 0)).toBeNull();
    expect(lifetimeValue(10_000, 1, null)).toBeNull();
    expect(lifetimeValue(null, 1, 0.05)).toBeNull();
  });
});

describe('zero denominators', () => {
  it('give null (shown as "—"), never NaN or Infinity', () => {
    const empty = movements({});
    const values = [
      logoChurnRate(0, 0),
      logoChurnRate(3, 0),
      customerRetentionRate({ atStart: 0, newCustomers: 4, reactivated: 0, atEnd: 4 }),
      grossRevenueChurn(empty),
      netRevenueChurn(empty),
      grossRevenueRetention(empty),
      netRevenueRetention(movements({ newMrr: 500 })),
      quickRatio(empty),
      arpa(1000, 0),
      repeatPurchaseRate(0, 0),
      activationRate(0, 0),
    ];
    expect(values).toEqual(values.map(() => null));
  });
});

describe('medians', () => {
  it('takes the middle value, or midway between the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });

  it('of a histogram equals the median of the expanded values', () => {
    const histogram = { 3: 2, 0: 1, 10: 4, 5: 1 };
    const expanded = Object.entries(histogram).flatMap(([value, count]) => Array<number>(count).fill(Number(value)));
    expect(medianOfHistogram(histogram)).toBe(median(expanded));
    expect(medianOfHistogram({ 2: 1, 6: 1 })).toBe(4);
    expect(medianOfHistogram({})).toBeNull();
    expect(medianOfHistogram({ 4: 0 })).toBeNull();
  });
});

describe('inactivity window W for order data', () => {
  it('is 3 x the median gap between a customer’s consecutive orders, in whole days', () => {
    const t = (day: number) => Date.UTC(2026, 0, 1) + day * DAY;
    const orders = [[t(0), t(10), t(40)], [t(5)], [t(3), t(23)]];
    expect(interPurchaseIntervals(orders)).toEqual([10 * 86_400, 30 * 86_400, 20 * 86_400]);
    expect(medianIntervalSeconds(orders)).toBe(20 * 86_400);
    expect(inactivityWindowDays(medianIntervalSeconds(orders))).toBe(60);
  });

  it('is 90 days until some customer ordered twice, at least one day, and a setting overrides it', () => {
    expect(inactivityWindowDays(medianIntervalSeconds([[Date.UTC(2026, 0, 1)], []]))).toBe(90);
    expect(inactivityWindowDays(0)).toBe(1);
    expect(inactivityWindowDays(20 * 86_400, 45)).toBe(45);
    expect(inactivityWindowDays(null, 14)).toBe(14);
  });
});
