/**
 * Due dates. Forms pick a calendar day; a task is due by the end of that day in UTC (the workspace time zone until
 * a setting exists, as in lib/format.ts), so a task due today is not overdue before the day is over.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export function dueAtOfDay(day: string): Date {
  return new Date(`${day}T23:59:59.999Z`);
}

/** The calendar day (UTC) a due time falls on, for a date input's value. */
export function dayOfDueAt(dueAt: Date): string {
  return dueAt.toISOString().slice(0, 10);
}

export function startOfUtcDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

export function endOfUtcDay(at: Date): Date {
  return new Date(startOfUtcDay(at).getTime() + DAY_MS);
}

export type DueBucket = 'overdue' | 'today' | 'upcoming';

export const DUE_BUCKET_LABELS: Record<DueBucket, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  upcoming: 'Upcoming',
};

/**
 * Overdue: the due time has passed (the same rule as the overview's overdue count). Due today: still ahead, before
 * midnight UTC. Upcoming: later, or no due date at all.
 */
export function dueBucket(dueAt: Date | null, now: Date): DueBucket {
  if (dueAt === null) return 'upcoming';
  if (dueAt.getTime() < now.getTime()) return 'overdue';
  if (dueAt.getTime() < endOfUtcDay(now).getTime()) return 'today';
  return 'upcoming';
}

export function groupByDue<T extends { dueAt: Date | null }>(items: readonly T[], now: Date): Record<DueBucket, T[]> {
  const groups: Record<DueBucket, T[]> = { overdue: [], today: [], upcoming: [] };
  for (const item of items) groups[dueBucket(item.dueAt, now)].push(item);
  return groups;
}
