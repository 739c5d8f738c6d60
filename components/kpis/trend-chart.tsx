'use client';

import { useRouter } from 'next/navigation';
import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { MetricKind } from '@/lib/metrics/catalog';
import { axisFormat, longMonth, shortMonth, valueFormat } from './chart-format';

export type TrendSeries = { key: string; label: string; color: string; type: 'line' | 'area' | 'bar'; stack?: string };
export type TrendRow = { month: string } & Record<string, number | string | null>;

type TrendChartProps = {
  data: TrendRow[];
  series: TrendSeries[];
  kind: MetricKind;
  currency: string;
  references?: { y: number; label: string; color: string }[];
  /** Month -> the drill-down a click on that month opens (the data table below the chart has the same links). */
  hrefs?: Record<string, string>;
  label: string;
  /** A value axis of its own (fittedAxis); by default recharts' from 0. */
  axis?: { domain: [number, number]; ticks: number[] } | null;
};

/**
 * One metric family over the trend window. Unknown months and rates without a denominator are gaps, not zeros.
 * Clicking a month opens its drill-down; keyboard and screen-reader users have the data table under the chart.
 */
export function TrendChart({ data, series, kind, currency, references = [], hrefs, label, axis }: TrendChartProps) {
  const router = useRouter();
  const tick = axisFormat(kind, currency);
  const format = valueFormat(kind, currency);
  return (
    <ComposedChart
      responsive
      style={{ width: '100%', height: 220 }}
      data={data}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      title={label}
      onClick={(state) => {
        const month = typeof state.activeTooltipIndex === 'number' ? data[state.activeTooltipIndex]?.month : undefined;
        const href = month ? hrefs?.[month] : undefined;
        if (href) router.push(href);
      }}
      className={hrefs ? 'cursor-pointer' : undefined}
    >
      <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="month"
        tickFormatter={shortMonth}
        tick={{ fontSize: 11, fill: '#52525b' }}
        tickLine={false}
        axisLine={{ stroke: '#d4d4d8' }}
        minTickGap={16}
      />
      <YAxis
        tickFormatter={tick}
        tick={{ fontSize: 11, fill: '#52525b' }}
        tickLine={false}
        axisLine={false}
        width={52}
        domain={axis?.domain}
        ticks={axis?.ticks}
      />
      <Tooltip
        labelFormatter={(month) => longMonth(String(month))}
        formatter={(value, name) => [format(typeof value === 'number' ? value : null), name]}
        contentStyle={{ borderRadius: 8, borderColor: '#e4e4e7', fontSize: 12 }}
      />
      {series.length > 1 && <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} />}
      {/* The dashed line carries the reference's colour; its label is text, in the axis grey (7.7:1 on white). */}
      {references.map((ref) => (
        <ReferenceLine
          key={ref.label}
          y={ref.y}
          stroke={ref.color}
          strokeDasharray="4 4"
          label={{ value: ref.label, position: 'insideTopRight', fontSize: 10, fill: '#52525b' }}
        />
      ))}
      {series.map((s) =>
        s.type === 'bar' ? (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={s.color}
            stackId={s.stack}
            radius={s.stack ? 0 : [3, 3, 0, 0]}
            isAnimationActive={false}
          />
        ) : s.type === 'area' ? (
          <Area
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            fill={s.color}
            fillOpacity={0.12}
            strokeWidth={2}
            isAnimationActive={false}
          />
        ) : (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={2}
            dot={{ r: 2 }}
            activeDot={{ r: 4 }}
            isAnimationActive={false}
          />
        ),
      )}
    </ComposedChart>
  );
}
