import { sparklinePoints, type DailyPoint } from '@/lib/profile/daily-series';

const WIDTH = 160;
const HEIGHT = 36;

/** A server-drawn SVG line of daily values: no chart library shipped to the browser for one small line. */
export function Sparkline({ points, label }: { points: DailyPoint[]; label: string }) {
  const line = sparklinePoints(
    points.map((p) => p.value),
    WIDTH,
    HEIGHT - 2,
  );
  return (
    <svg
      viewBox={`0 -1 ${WIDTH} ${HEIGHT}`}
      className="h-9 w-full max-w-40"
      role="img"
      aria-label={label}
      preserveAspectRatio="none"
    >
      <polyline points={`0,${HEIGHT - 2} ${line} ${WIDTH},${HEIGHT - 2}`} className="fill-accent-100 stroke-none" />
      <polyline
        points={line}
        className="fill-none stroke-accent-700"
        strokeWidth={1.5}
        vectorEffect="non-scaling-stroke"
        strokeLinejoin="round"
      />
    </svg>
  );
}
