const DAY_MS = 24 * 60 * 60 * 1000;

export type DailyPoint = { day: string; value: number };

/**
 * `days` consecutive UTC days ending with the day of `end`, with the value of each day from `rows` and 0 for days
 * without one (the database returns only days that had events).
 */
export function dailySeries(rows: readonly DailyPoint[], end: Date, days: number): DailyPoint[] {
  const byDay = new Map(rows.map((row) => [row.day, row.value]));
  const last = Math.floor(end.getTime() / DAY_MS);
  const series: DailyPoint[] = [];
  for (let n = last - days + 1; n <= last; n++) {
    const day = new Date(n * DAY_MS).toISOString().slice(0, 10);
    series.push({ day, value: byDay.get(day) ?? 0 });
  }
  return series;
}

/** The SVG polyline points of a series scaled into a width x height box (the highest value touches the top). */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return '';
  const max = Math.max(...values, 1);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values.map((value, i) => `${(i * step).toFixed(1)},${(height - (value / max) * height).toFixed(1)}`).join(' ');
}
