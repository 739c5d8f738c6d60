import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDateTime, formatMoney } from '@/lib/format';

describe('format', () => {
  it('turns integer minor units into money without float noise', () => {
    expect(formatMoney(123_456_789, 'USD')).toBe('$1,234,567.89');
    expect(formatMoney(1, 'EUR')).toBe('€0.01');
    expect(formatMoney(5_000, 'JPY')).toBe('¥5,000');
  });

  it('groups counts and prints times in UTC', () => {
    expect(formatCount(1_000_000)).toBe('1,000,000');
    expect(formatDateTime(new Date('2025-03-01T23:05:00Z'))).toBe('Mar 1, 2025, 23:05 UTC');
  });

  it('prints file sizes in binary units', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(970_457)).toBe('948 KB');
    expect(formatBytes(1024 ** 3)).toBe('1 GB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(150 * 1024 ** 2)).toBe('150 MB');
  });
});
