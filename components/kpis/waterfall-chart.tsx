'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { WaterfallStep } from '@/lib/metrics/waterfall';
import { axisFormat, CHART_COLORS, valueFormat } from './chart-format';

const COLORS = { total: CHART_COLORS.accent, increase: CHART_COLORS.good, decrease: CHART_COLORS.bad } as const;

/** Floating bars from one MRR level to the next; a click on a movement opens its customers. */
export function WaterfallChart({ steps, currency, hrefs }: { steps: WaterfallStep[]; currency: string; hrefs: Record<string, string> }) {
  const router = useRouter();
  const money = valueFormat('money', currency);
  const data = steps.map((step) => ({ ...step, range: [Math.min(step.from, step.to), Math.max(step.from, step.to)] }));
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
      <XAxis dataKey="label" tick={{ fontSize: 11, fill: '#52525b' }} tickLine={false} axisLine={{ stroke: '#d4d4d8' }} interval={0} />
      <YAxis tickFormatter={axisFormat('money', currency)} tick={{ fontSize: 11, fill: '#52525b' }} tickLine={false} axisLine={false} width={56} />
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
