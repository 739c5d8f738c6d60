import { describe, expect, it } from 'vitest';
import { activityKindEnum, channelEnum, priorityEnum, taskStatusEnum } from '@/db/schema';
import { ACTIVITY_KINDS, CHANNELS, PRIORITIES, TASK_STATUSES } from '@/lib/work/catalog';
import { dayOfDueAt, dueAtOfDay, dueBucket, groupByDue } from '@/lib/work/due';
import { firstResponseSla, formatRemaining, slaLabel } from '@/lib/work/sla';

const t = (iso: string) => new Date(iso);

describe('work vocabularies', () => {
  it('match the database enums', () => {
    expect([...ACTIVITY_KINDS]).toEqual(activityKindEnum.enumValues);
    expect([...PRIORITIES]).toEqual(priorityEnum.enumValues);
    expect([...TASK_STATUSES]).toEqual(taskStatusEnum.enumValues);
    expect([...CHANNELS]).toEqual(channelEnum.enumValues);
  });
});

describe('due dates', () => {
  it('makes a picked day due at its end in UTC and back', () => {
    expect(dueAtOfDay('2026-03-01').toISOString()).toBe('2026-03-01T23:59:59.999Z');
    expect(dayOfDueAt(dueAtOfDay('2026-03-01'))).toBe('2026-03-01');
  });

  it('groups into overdue (passed), due today (later today, UTC) and upcoming (later or undated)', () => {
    const now = t('2026-03-01T10:00:00Z');
    expect(dueBucket(t('2026-03-01T09:59:59Z'), now)).toBe('overdue');
    expect(dueBucket(t('2026-03-01T10:00:00Z'), now)).toBe('today');
    expect(dueBucket(t('2026-03-01T23:59:59.999Z'), now)).toBe('today');
    expect(dueBucket(t('2026-03-02T00:00:00Z'), now)).toBe('upcoming');
    expect(dueBucket(null, now)).toBe('upcoming');
    const groups = groupByDue(
      [{ dueAt: null }, { dueAt: t('2026-02-01T00:00:00Z') }, { dueAt: t('2026-03-01T12:00:00Z') }],
      now,
    );
    expect([groups.overdue.length, groups.today.length, groups.upcoming.length]).toEqual([1, 1, 1]);
  });
});

describe('first-response SLA (24 h)', () => {
  const createdAt = t('2026-03-01T10:00:00Z');

  it('is met by a response within 24 hours, to the minute', () => {
    const status = firstResponseSla({
      createdAt,
      respondedAt: t('2026-03-02T10:00:00Z'),
      now: t('2026-03-05T00:00:00Z'),
    });
    expect(status).toMatchObject({ state: 'met', remainingMs: 0 });
    expect(slaLabel(status)).toBe('Responded in time');
  });

  it('is breached by a late response or by none after the deadline', () => {
    expect(
      slaLabel(firstResponseSla({ createdAt, respondedAt: t('2026-03-02T10:00:01Z'), now: t('2026-03-03T00:00:00Z') })),
    ).toBe('Responded late');
    const none = firstResponseSla({ createdAt, respondedAt: null, now: t('2026-03-02T10:00:01Z') });
    expect(none.state).toBe('breached');
    expect(slaLabel(none)).toBe('Response overdue');
  });

  it('shows the time left while pending', () => {
    const status = firstResponseSla({ createdAt, respondedAt: null, now: t('2026-03-01T14:40:00Z') });
    expect(status).toMatchObject({ state: 'pending', remainingMs: (19 * 60 + 20) * 60_000 });
    expect(status.deadline.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(slaLabel(status)).toBe('19h 20m left to respond');
    expect([formatRemaining(30_000), formatRemaining(45 * 60_000), formatRemaining(2 * 3_600_000)]).toEqual([
      'under 1m',
      '45m',
      '2h',
    ]);
  });
});
