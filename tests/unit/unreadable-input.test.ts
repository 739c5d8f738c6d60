import { describe, expect, it } from 'vitest';
import { isValidKeyValue } from '@/db/queries/customer-list/keys';
import { formatMonth, monthStart, parseMonth } from '@/lib/metrics/months';
import { kpiDrilldownSchema, kpiQuerySchema } from '@/lib/metrics/query';
import { decodeTimelineCursor } from '@/lib/timeline/query';
import { parseAuditQuery } from '@/lib/validation/audit';
import { createTasksSchema } from '@/lib/validation/customer-bulk';
import { customerFilterSchema } from '@/lib/validation/customer-filters';
import { decodeCursor, parseCustomerListQuery } from '@/lib/validation/customer-list';
import { logActivitySchema, updateContactSchema } from '@/lib/validation/customer-work';
import { isCalendarDay, isInstant } from '@/lib/validation/dates';
import { fieldErrorsOf } from '@/lib/validation/field-errors';
import { parseDrilldownParams, parseKpiPageState } from '@/lib/validation/kpi-page';
import { churnThresholdsFormSchema } from '@/lib/validation/kpi-thresholds';
import { createViewSchema, renameViewSchema } from '@/lib/validation/saved-views';
import { completeTaskSchema, createTaskSchema } from '@/lib/validation/tasks';
import { CONTROL_CHARACTERS } from '@/lib/validation/text';
import { createUserSchema } from '@/lib/validation/users';

const NUL = 'a\u0000b';
const cursor = (part: number, ...key: string[]) => Buffer.from(JSON.stringify([part, ...key])).toString('base64url');
const errorsOf = (schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : fieldErrorsOf(parsed.error as never);
};

describe('dates and instants', () => {
  it('are real days of years 0001-9999, whatever JavaScript Date accepts', () => {
    expect(['2024-02-29', '0001-01-01', '9999-12-31', '2026-04-30'].filter(isCalendarDay)).toHaveLength(4);
    expect(
      [
        '2026-02-30',
        '2023-02-29',
        '1900-02-29',
        '0000-01-01',
        '2026-04-31',
        '2026-13-01',
        '2026-00-10',
        '2026-2-1',
      ].filter(isCalendarDay),
    ).toEqual([]);
    expect(['2026-03-01T10:00Z', '2026-03-01T10:00:59Z', '2026-03-01T23:59:59.123456Z'].filter(isInstant)).toHaveLength(
      3,
    );
    expect(
      [
        '2026-02-30T00:00:00.000000Z',
        '0000-01-01T00:00:00Z',
        '2026-03-01T24:00:00Z',
        '2026-03-01T10:60Z',
        '2026-03-01T10:00:00+01:00',
      ].filter(isInstant),
    ).toEqual([]);
  });

  it('KPI months have no year 0 and keep four digits and their own year below 100', () => {
    expect(parseMonth('0000-01')).toBeNull();
    const month = parseMonth('0050-03')!;
    expect(formatMonth(month)).toBe('0050-03');
    expect(new Date(monthStart(month)).getUTCFullYear()).toBe(50);
  });
});

describe('the customer list URL', () => {
  it('leaves out and names a filter value with a NUL byte', () => {
    const { query, ignored } = parseCustomerListQuery({
      q: NUL,
      segment: NUL,
      attr: ['vip', NUL],
      op: ['is', 'is'],
      val: [NUL, 'x'],
      plan: 'pro',
    });
    expect(query.filter).toEqual({ plan: 'pro' });
    expect(ignored).toEqual([
      `q: ${CONTROL_CHARACTERS}`,
      `segment: ${CONTROL_CHARACTERS}`,
      `attribute vip: ${CONTROL_CHARACTERS}`,
      `attribute: ${CONTROL_CHARACTERS}`,
    ]);
  });

  it('drops a keyset cursor with an impossible date or a NUL byte (the list opens on its first page)', () => {
    expect(decodeCursor(cursor(0, NUL, '5'))).toBeUndefined();
    expect(isValidKeyValue('timestamptz', '2026-02-30T00:00:00.000000Z')).toBe(false);
    expect(isValidKeyValue('timestamptz', '0000-01-01T00:00:00.000000Z')).toBe(false);
    expect(isValidKeyValue('timestamptz', '2026-02-28T00:00:00.000000Z')).toBe(true);
    expect(isValidKeyValue('text', NUL)).toBe(false);
  });

  it('the shared filter refuses NUL bytes and impossible days with field errors (exports and the CLI)', () => {
    expect(
      errorsOf(customerFilterSchema, { q: NUL, segment: NUL, activeAfter: '0000-01-01', activeBefore: '2026-02-30' }),
    ).toEqual({
      q: [CONTROL_CHARACTERS],
      segment: [CONTROL_CHARACTERS],
      activeAfter: ['That date does not exist.'],
      activeBefore: ['That date does not exist.'],
    });
  });
});

describe('the audit log and timeline URLs', () => {
  it('drop a cursor or a day that does not exist, and a NUL byte', () => {
    expect(
      parseAuditQuery({
        after: '2026-02-30T10:00:00.000000Z~5',
        before: '0000-01-01T00:00:00Z~5',
        from: '2026-02-30',
        to: NUL,
        action: NUL,
      }),
    ).toEqual({});
    expect(parseAuditQuery({ after: '2026-02-28T10:00:00.000000Z~5' })).toEqual({
      after: { createdAt: '2026-02-28T10:00:00.000000Z', id: 5 },
    });
    expect(decodeTimelineCursor('2026-02-30T10:00:00.000000Z~0~5')).toBeNull();
  });
});

describe('the KPI page, drill-down and export parameters', () => {
  it('the page falls back to defaults for a NUL filter and a year 0', () => {
    expect(parseKpiPageState({ segment: NUL, plan: 'pro', period: 'year', year: '0000' })).toMatchObject({
      selection: null,
      filters: { plan: 'pro' },
    });
    expect(parseKpiPageState({ period: 'quarter', quarter: '0000-Q1' }).selection).toBeNull();
    expect(parseKpiPageState({ period: 'month', month: '0000-01' }).selection).toBeNull();
    expect(parseDrilldownParams({ metric: 'active_customers', month: '0000-01' }).month).toBeNull();
  });

  it('the KPI query (export route, CLI, drill-down) names the field', () => {
    expect(errorsOf(kpiQuerySchema, { from: '0000-01', filters: { segment: NUL } })).toEqual({
      from: ['Use a month as YYYY-MM.'],
      'filters.segment': [CONTROL_CHARACTERS],
    });
    expect(
      errorsOf(kpiDrilldownSchema, {
        metric: 'active_customers',
        from: '2026-01',
        to: '2026-01',
        filters: { plan: NUL },
      }),
    ).toEqual({ 'filters.plan': [CONTROL_CHARACTERS] });
  });
});

describe('text fields of server actions', () => {
  it('notes, tasks, contact edits, user names, view names and thresholds refuse a NUL byte by field', () => {
    expect(
      errorsOf(logActivitySchema, { customerId: '1', kind: 'note', subject: NUL, body: NUL, outcome: NUL }),
    ).toEqual({
      subject: [CONTROL_CHARACTERS],
      body: [CONTROL_CHARACTERS],
      outcome: [CONTROL_CHARACTERS],
    });
    expect(
      errorsOf(logActivitySchema, { customerId: '1', kind: 'call', subject: 'Call', occurredAt: '2026-02-30T10:00' }),
    ).toEqual({ occurredAt: ['Enter a real date and time.'] });
    expect(errorsOf(createTaskSchema, { title: NUL, description: NUL, dueDate: '2026-02-30' })).toEqual({
      title: [CONTROL_CHARACTERS],
      description: [CONTROL_CHARACTERS],
      dueDate: ['Enter a real calendar date.'],
    });
    expect(errorsOf(completeTaskSchema, { taskId: '1', version: '1', outcome: NUL })).toEqual({
      outcome: [CONTROL_CHARACTERS],
    });
    expect(
      errorsOf(createTasksSchema, {
        targetMode: 'ids',
        targetIds: '1:1',
        title: NUL,
        description: NUL,
        dueOn: '0000-01-01',
      }),
    ).toEqual({
      title: [CONTROL_CHARACTERS],
      description: [CONTROL_CHARACTERS],
      dueOn: ['That date does not exist.'],
    });
    expect(
      errorsOf(updateContactSchema, { customerId: '1', version: '1', email: `x${NUL}@example.test` }),
    ).toMatchObject({ email: [CONTROL_CHARACTERS] });
    expect(
      errorsOf(createUserSchema, { email: 'a@example.test', name: NUL, role: 'csm', password: 'long enough password' }),
    ).toEqual({ name: [CONTROL_CHARACTERS] });
    expect(errorsOf(createViewSchema, { name: NUL, search: `?q=${NUL}` })).toEqual({
      name: [CONTROL_CHARACTERS],
      search: [CONTROL_CHARACTERS],
    });
    expect(errorsOf(renameViewSchema, { viewId: '1', name: NUL })).toEqual({ name: [CONTROL_CHARACTERS] });
    expect(errorsOf(churnThresholdsFormSchema, { segment: NUL, target: '5', watch: '7' })).toEqual({
      segment: [CONTROL_CHARACTERS],
    });
  });

  it('keeps tabs and line breaks in free text', () => {
    expect(
      logActivitySchema.safeParse({ customerId: '1', kind: 'note', subject: 'Call', body: 'line 1\r\nline 2\tend' })
        .success,
    ).toBe(true);
  });
});
