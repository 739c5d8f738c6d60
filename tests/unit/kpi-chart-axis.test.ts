import { describe, expect, it } from 'vitest';
import { fittedAxis, waterfallAxis } from '@/components/kpis/chart-format';
import { TREND_CHARTS } from '@/components/kpis/trend-section';
import { distinctTickFormat, niceTicks } from '@/lib/metrics/axis';
import { mrrWaterfall } from '@/lib/metrics/waterfall';

describe('chart axes', () => {
  it('place round ticks that cover the range', () => {
    expect(niceTicks(0, 100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(203_711_000, 210_907_000)).toEqual([
      202_000_000, 204_000_000, 206_000_000, 208_000_000, 210_000_000, 212_000_000,
    ]);
    expect(niceTicks(0.9, 1.03)).toEqual([0.9, 0.95, 1, 1.05]);
  });

  it('give each tick a label of its own, with as few digits as that takes', () => {
    const ticks = [2_000_000, 2_050_000, 2_100_000, 2_150_000];
    const money = distinctTickFormat(ticks, (v, digits) =>
      new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: digits }).format(v),
    );
    expect(ticks.map(money)).toEqual(['2M', '2.05M', '2.1M', '2.15M']);
    expect([0, 50, 100].map(distinctTickFormat([0, 50, 100], (v, d) => v.toFixed(d)))).toEqual(['0', '50', '100']);
  });

  it('label the MRR waterfall of the demo month with distinct ticks', () => {
    // Nov 2026 of the demo data: $2,037,110 at start, +$88,787 new ... $2,109,070 at end (cents).
    const steps = mrrWaterfall({
      mrr_start: 203_711_000,
      new_mrr: 8_878_700,
      expansion_mrr: 3_374_200,
      reactivation_mrr: 362_900,
      contraction_mrr: 2_073_800,
      churned_mrr: 3_346_000,
      mrr: 210_907_000,
    })!;
    const axis = waterfallAxis(steps, 'USD');
    const labels = axis.ticks.map(axis.format);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(axis.domain).toEqual([axis.ticks[0], axis.ticks.at(-1)]);
    expect(axis.ticks[0]).toBeLessThanOrEqual(203_711_000);
    expect(axis.ticks.at(-1)).toBeGreaterThanOrEqual(203_711_000 + 8_878_700 + 3_374_200 + 362_900);
  });
});

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const hue = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
};

describe('the revenue retention chart', () => {
  const chart = TREND_CHARTS.find((c) => c.id === 'revenue-retention')!;

  it('scales its axis to the data and the 100% line instead of running from 0%', () => {
    const nrr = [0.99, 0.97, 1.01, 0.96, 0.99];
    const grr = [0.97, 0.95, 0.98, 0.94, 0.97];
    const axis = fittedAxis([...nrr, ...grr], [1])!;
    expect(axis.domain[0]).toBeGreaterThanOrEqual(0.9);
    expect(axis.domain[0]).toBeLessThanOrEqual(0.94);
    expect(axis.domain[1]).toBeGreaterThanOrEqual(1.01);
    expect(axis.domain[1]).toBeLessThanOrEqual(1.05);
    expect(chart.fitted).toBe(true);
  });

  it('draws NRR and GRR in colours that differ in hue and stand out from the white card', () => {
    const [nrr, grr] = chart.series.map((s) => s.color);
    for (const color of [nrr, grr]) expect(contrast(color, '#ffffff')).toBeGreaterThanOrEqual(3);
    const apart = Math.abs(hue(nrr) - hue(grr));
    // Teal and indigo, 68° apart, read as two blues in a 2 px line.
    expect(Math.min(apart, 360 - apart)).toBeGreaterThan(90);
  });
});
