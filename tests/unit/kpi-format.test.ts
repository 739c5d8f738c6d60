import { describe, expect, it } from 'vitest';
import { formatCompactMoney, plural } from '@/lib/format';
import { changeOf, formatChange } from '@/lib/metrics/change';
import { formatMetric, formatMetricCompact } from '@/lib/metrics/format';

describe('KPI numbers for people', () => {
  it('show money compact on cards and exact in tables', () => {
    expect(formatMetricCompact('mrr', 210_907_000, 'USD')).toBe('$2.11M');
    expect(formatMetricCompact('net_new_mrr', 7_196_000, 'USD')).toBe('$72K');
    expect(formatMetricCompact('ltv', 3_854_328, 'USD')).toBe('$38.5K');
    expect(formatMetricCompact('arpa', 158_220, 'USD')).toBe('$1,582');
    expect(formatMetricCompact('net_new_mrr', -2_073_800, 'USD')).toBe('-$20.7K');
    expect(formatMetric('mrr', 210_907_000, 'USD')).toBe('$2,109,070.00');
    // Only money is shortened.
    expect(formatMetricCompact('active_customers', 1_333, 'USD')).toBe('1,333');
    expect(formatMetricCompact('logo_churn_rate', 0.0447, 'USD')).toBe('4.5%');
    expect(formatCompactMoney(500_000, 'JPY')).toBe('¥500K');
  });

  it('separate thousands in changes, rates and ratios', () => {
    expect(formatChange(changeOf('churned_customers', 2_276.8, 100)!)).toBe('+2,176.8%');
    expect(formatMetric('quick_ratio', 1_425.5, 'USD')).toBe('1,425.50');
    expect(formatMetric('nrr', 12.345, 'USD')).toBe('1,234.5%');
    expect(formatChange(changeOf('logo_churn_rate', 0.045, 0.047)!)).toBe('−0.2 pts');
  });

  it('put a count’s noun in the form the count takes', () => {
    expect(plural(1, 'customer')).toBe('1 customer');
    expect(plural(0, 'customer')).toBe('0 customers');
    expect(plural(1_331, 'customer')).toBe('1,331 customers');
    expect(plural(2, 'reply', 'replies')).toBe('2 replies');
  });
});
