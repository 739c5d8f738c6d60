import { cn } from '@/lib/cn';

type ProgressBarProps = {
  /** 0..1, or null when how far along is not known (an indeterminate, pulsing bar). */
  value: number | null;
  label: string;
  /** What the bar's position means in words, for assistive technology (e.g. "12 MB of 40 MB"). */
  valueText?: string;
  className?: string;
};

export function ProgressBar({ value, label, valueText, className }: ProgressBarProps) {
  const percent = value === null ? null : Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      aria-valuetext={valueText}
      className={cn('h-2 w-full overflow-hidden rounded-full bg-zinc-200', className)}
    >
      <div
        className={cn(
          'h-full rounded-full bg-accent-700 transition-[width] duration-500',
          percent === null && 'w-1/3 animate-pulse',
        )}
        style={percent === null ? undefined : { width: `${percent}%` }}
      />
    </div>
  );
}
