'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { WaterfallStep } from '@/lib/metrics/waterfall';
import { axisFormat, CHART_COLORS, valueFormat } from './chart-format';

const COLORS = { total: CHART_COLORS.accent, increase: CHART_COLORS.good, decrease: CHART_COLORS.bad } as const;
const SHORT: Record<WaterfallStep['key'], string> = {
  start: 'Start',
  new: 'New',
  expansion: 'Expansion',
  reactivation: 'Reactiv.',
  contraction: 'Contraction',
  churned: 'Churned',
  other: 'Other',
  end: 'End',
};

/**
 * Movements are a few percent of MRR: drawn from 0 they would be slivers. The axis starts below the lowest level
 * instead (the card says so), and the two totals run off its bottom.
 */
function waterfallDomain(steps: readonly WaterfallStep[]): [number, number] {
  const levels = steps.flatMap((s) => (s.kind === 'total' ? [s.to] : [s.from, s.to]));
  const low = Math.min(...levels);
  const high = Math.max(...levels);
  const pad = Math.max((high - low) * 0.6, high * 0.02, 1);
  return [Math.max(0, Math.floor(low - pad)), Math.ceil(high + pad * 0.4)];
}

/** Floating bars from one MRR level to the next; a click on a movement opens its customers. */
export function WaterfallChart({ steps, currency, hrefs }: { steps: WaterfallStep[]; currency: string; hrefs: Record<string, string> }) {
  const router = useRouter();
  const money = valueFormat('money', currency);
  const data = steps.map((step) => ({ ...step, short: SHORT[step.key], range: [Math.min(step.from, step.to), Math.max(step.from, step.to)] }));
  const domain = waterfallDomain(steps);
  return (
    <BarChart
      responsive
      style={{ width: '100%', height: 260 }}
      data={data}
      margin={{ top: 20, right: 8, bottom: 0, left: 0 }}
      onClick={(state) => {
        const step = typeof state.activeTooltipIndex === 'number' ? data[state.activeTooltipIndex] : undefined;
        const href = step ? hrefs[step.key] : undefined;
        if (href) router.push(href);
      }}
    >
      <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="short" tick={{ fontSize: 11, fill: '#52525b' }} tickLine={false} axisLine={{ stroke: '#d4d4d8' }} interval={0} />
      <YAxis
        tickFormatter={axisFormat('money', currency)}
        tick={{ fontSize: 11, fill: '#52525b' }}
        tickLine={false}
        axisLine={false}
        width={56}
        domain={domain}
        allowDataOverflow
      />
      <Tooltip
        cursor={{ fill: '#f4f4f5' }}
        formatter={(_value, _name, item) => {
          const step = item.payload as WaterfallStep;
          return [step.kind === 'total' ? money(step.value) : `${step.value >= 0 ? '+' : '−'}${money(Math.abs(step.value))}`, step.label];
        }}
        labelFormatter={() => ''}
        contentStyle={{ borderRadius: 8, borderColor: '#e4e4e7', fontSize: 12 }}
      />
      <Bar dataKey="range" isAnimationActive={false} radius={[3, 3, 3, 3]} className="cursor-pointer">
        {data.map((step) => (
          <Cell key={step.key} fill={COLORS[step.kind]} />
        ))}
        <LabelList
          dataKey="value"
          position="top"
          formatter={(value) => axisFormat('money', currency)(Math.abs(Number(value)))}
          style={{ fontSize: 10, fill: '#3f3f46' }}
        />
      </Bar>
    </BarChart>
  );
}
