'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { WaterfallStep } from '@/lib/metrics/waterfall';
import { formatCompactMoney } from '@/lib/format';
import { CHART_COLORS, valueFormat, waterfallAxis } from './chart-format';

const COLORS = { total: CHART_COLORS.accent, increase: CHART_COLORS.good, decrease: CHART_COLORS.bad } as const;
/** Bar names short enough to sit under a bar on a phone; the tooltip and the list below the chart use the full ones. */
const SHORT: Record<WaterfallStep['key'], string> = {
  start: 'Start',
  new: 'New',
  expansion: 'Expansion',
  reactivation: 'Reactivation',
  contraction: 'Contraction',
  churned: 'Churned',
  other: 'Other',
  end: 'End',
};

/** Floating bars from one MRR level to the next; a click on a movement opens its customers. */
export function WaterfallChart({
  steps,
  currency,
  hrefs,
}: {
  steps: WaterfallStep[];
  currency: string;
  hrefs: Record<string, string>;
}) {
  const router = useRouter();
  const money = valueFormat('money', currency);
  const data = steps.map((step) => ({
    ...step,
    short: SHORT[step.key],
    range: [Math.min(step.from, step.to), Math.max(step.from, step.to)],
  }));
  const axis = waterfallAxis(steps, currency);
  return (
    <BarChart
      responsive
      style={{ width: '100%', height: 290 }}
      data={data}
      margin={{ top: 20, right: 8, bottom: 4, left: 4 }}
      onClick={(state) => {
        const step = typeof state.activeTooltipIndex === 'number' ? data[state.activeTooltipIndex] : undefined;
        const href = step ? hrefs[step.key] : undefined;
        if (href) router.push(href);
      }}
    >
      <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" vertical={false} />
      {/* Slanted, so that every name shows whole however narrow the card (level, they overlapped or were cut). */}
      <XAxis
        dataKey="short"
        tick={{ fontSize: 11, fill: '#52525b' }}
        tickLine={false}
        axisLine={{ stroke: '#d4d4d8' }}
        interval={0}
        angle={-30}
        textAnchor="end"
        height={64}
      />
      <YAxis
        tickFormatter={axis.format}
        ticks={axis.ticks}
        tick={{ fontSize: 11, fill: '#52525b' }}
        tickLine={false}
        axisLine={false}
        width={60}
        domain={axis.domain}
        allowDataOverflow
      />
      <Tooltip
        cursor={{ fill: '#f4f4f5' }}
        formatter={(_value, _name, item) => {
          const step = item.payload as WaterfallStep;
          return [
            step.kind === 'total' ? money(step.value) : `${step.value >= 0 ? '+' : '−'}${money(Math.abs(step.value))}`,
            step.label,
          ];
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
          formatter={(value) => formatCompactMoney(Math.abs(Number(value)), currency)}
          style={{ fontSize: 10, fill: '#3f3f46' }}
        />
      </Bar>
    </BarChart>
  );
}
