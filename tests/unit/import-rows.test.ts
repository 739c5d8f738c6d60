import { describe, expect, it } from 'vitest';
import { validateRow, type RowContext } from '@/lib/import/validate-row';

const ctx: RowContext = { locale: 'en', asOf: new Date('2026-11-22T00:00:00Z') };
const cells = (mapped: Record<string, string>, unmapped: Record<string, string> = {}) => ({ mapped, unmapped });

describe('customers', () => {
  it('turns a label-only Telco row into a churned customer with a derived acquisition date and typed attributes', () => {
    const result = validateRow(
      'customers',
      cells(
        { id: '7590-VHVEG', churned: 'Yes', tenure_months: '34' },
        { gender: 'Female', SeniorCitizen: '0', Partner: 'Yes', TotalCharges: ' ', MonthlyCharges: '29.85' },
      ),
      ctx,
    );
    expect(result).toEqual({
      ok: true,
      row: expect.objectContaining({
        externalId: '7590-VHVEG',
        name: '7590-VHVEG',
        churnedAt: ctx.asOf,
        churnType: 'voluntary',
        acquiredAt: new Date('2024-01-22T00:00:00Z'),
        currency: 'USD',
        mrrCents: null,
        attributes: { gender: 'Female', SeniorCitizen: 0, Partner: true, TotalCharges: null, MonthlyCharges: 29.85 },
      }),
    });
  });

  it('keeps a retained customer active and counts tenure back from the as-of date', () => {
    const result = validateRow('customers', cells({ id: 'A', churned: 'No', tenure_months: '1' }), ctx);
    expect(result.ok && result.row).toMatchObject({
      churnedAt: null,
      churnType: null,
      acquiredAt: new Date('2026-10-22T00:00:00Z'),
    });
  });

  it('reports every bad cell of a row by column', () => {
    const result = validateRow('customers', cells({ id: ' ', email: 'nope', churned: 'perhaps', mrr: '12,50' }), ctx);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.column).sort()).toEqual(['churned', 'email', 'id']);
  });

  it('reads pt-BR money', () => {
    const result = validateRow('customers', cells({ id: 'B', mrr: '1.234,56', currency: 'brl' }), {
      ...ctx,
      locale: 'pt-BR',
    });
    expect(result.ok && result.row).toMatchObject({ mrrCents: 123456, currency: 'BRL' });
  });
});

describe('orders', () => {
  const good = { order_id: 'O-1', customer_id: 'C-1', ordered_at: '2026-03-02', amount: '19.90' };

  it('accepts a good row', () => {
    expect(validateRow('orders', cells(good), ctx)).toEqual({
      ok: true,
      row: {
        externalId: 'O-1',
        customerExternalId: 'C-1',
        orderedAt: new Date('2026-03-02T00:00:00Z'),
        amountCents: 1990,
        currency: 'USD',
      },
    });
  });

  it.each([
    [{ ordered_at: '2026-02-30' }, 'ordered_at', /not a valid date/],
    [{ amount: '-5' }, 'amount', /must not be negative/i],
    [{ order_id: '' }, 'order_id', /Required/],
    [{ amount: 'ten' }, 'amount', /not an amount/],
  ])('rejects %o in column %s', (patch, column, message) => {
    const result = validateRow('orders', cells({ ...good, ...patch }), ctx);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([{ column, message: expect.stringMatching(message) }]);
  });

  it('reads dates in the given format', () => {
    const result = validateRow('orders', cells({ ...good, ordered_at: '3/2/2026 14:30' }), {
      ...ctx,
      dateFormat: 'M/D/YYYY H:mm',
    });
    expect(result.ok && result.row.orderedAt).toEqual(new Date('2026-03-02T14:30:00Z'));
  });
});

describe('other kinds', () => {
  it('subscriptions need an MRR', () => {
    const result = validateRow('subscriptions', cells({ customer_id: 'C', effective_at: '2026-01-01', mrr: '' }), ctx);
    expect(!result.ok && result.errors).toEqual([{ column: 'mrr', message: 'Required; this cell is empty.' }]);
  });

  it('events lower-case their type', () => {
    const result = validateRow(
      'events',
      cells({ customer_id: 'C', type: 'Login', occurred_at: '2026-01-01T10:00:00Z' }),
      ctx,
    );
    expect(result.ok && result.row).toMatchObject({ type: 'login', value: null });
  });

  it('tickets default kind and priority and refuse a resolution before opening', () => {
    const ok = validateRow('tickets', cells({ ticket_id: 'T', customer_id: 'C', opened_at: '2026-01-02' }), ctx);
    expect(ok.ok && ok.row).toMatchObject({ kind: 'question', priority: 'normal' });
    const bad = validateRow(
      'tickets',
      cells({ ticket_id: 'T', customer_id: 'C', opened_at: '2026-01-02', resolved_at: '2026-01-01' }),
      ctx,
    );
    expect(!bad.ok && bad.errors[0].column).toBe('resolved_at');
  });

  it('feedback scores stay in the scale of their kind', () => {
    const row = (kind: string, score: string) =>
      validateRow('feedback', cells({ customer_id: 'C', kind, score, submitted_at: '2026-01-01' }), ctx);
    expect(row('NPS', '10').ok).toBe(true);
    expect(row('csat', '6')).toEqual({ ok: false, errors: [{ column: 'score', message: 'A CSAT score is 1-5.' }] });
    expect(row('ces', '2.5').ok).toBe(false);
    expect(row('survey', '3').ok).toBe(false);
  });
});

describe('impossible rows', () => {
  const now = new Date('2026-11-22T09:00:00Z');
  const at = { ...ctx, now };

  it('refuses a churn before the acquisition, and an activation before it, on the column that says so', () => {
    const churn = validateRow('customers', cells({ id: 'A', acquired_at: '2026-05-01', churned_at: '2026-04-30' }), at);
    expect(churn).toEqual({
      ok: false,
      errors: [{ column: 'churned_at', message: 'Churned (2026-04-30) before it was acquired (2026-05-01).' }],
    });
    const labelled = validateRow('customers', cells({ id: 'A', acquired_at: '2026-11-21', churned: 'yes' }), {
      ...at,
      asOf: new Date('2026-11-20T00:00:00Z'),
    });
    expect(!labelled.ok && labelled.errors).toEqual([
      { column: 'acquired_at', message: 'Churned (2026-11-20) before it was acquired (2026-11-21).' },
    ]);
    const activation = validateRow(
      'customers',
      cells({ id: 'A', acquired_at: '2026-05-01', activated_at: '2026-04-01' }),
      at,
    );
    expect(!activation.ok && activation.errors).toEqual([
      { column: 'activated_at', message: 'Activated (2026-04-01) before it was acquired (2026-05-01).' },
    ]);
  });

  it.each([
    ['customers', { id: 'A', acquired_at: '2027-01-05' }, 'acquired_at'],
    ['customers', { id: 'A', churned_at: '2026-12-01' }, 'churned_at'],
    ['orders', { order_id: 'O', customer_id: 'C', ordered_at: '2026-11-24', amount: '1' }, 'ordered_at'],
    ['subscriptions', { customer_id: 'C', effective_at: '2026-12-01', mrr: '10' }, 'effective_at'],
    ['events', { customer_id: 'C', type: 'login', occurred_at: '2030-01-01T00:00:00Z' }, 'occurred_at'],
    [
      'tickets',
      { ticket_id: 'T', customer_id: 'C', opened_at: '2026-11-01', resolved_at: '2026-11-30' },
      'resolved_at',
    ],
    ['feedback', { customer_id: 'C', kind: 'nps', score: '9', submitted_at: '2026-12-24' }, 'submitted_at'],
  ] as const)('refuses a %s date in the future (%o)', (kind, mapped, column) => {
    const result = validateRow(kind, cells(mapped), at);
    expect(!result.ok && result.errors).toEqual([
      {
        column,
        message: expect.stringMatching(
          /is in the future \(\d{4}-\d{2}-\d{2}\); only what has happened can be imported\./,
        ),
      },
    ]);
  });

  it('allows a day of leeway for files written in zones ahead of UTC', () => {
    expect(
      validateRow(
        'orders',
        cells({ order_id: 'O', customer_id: 'C', ordered_at: '2026-11-23T08:00:00', amount: '1' }),
        at,
      ).ok,
    ).toBe(true);
  });

  it("keeps a churned customer's MRR with a warning: what they paid until they churned", () => {
    const churned = validateRow('customers', cells({ id: 'A', churned: 'yes', tenure_months: '3', mrr: '70.70' }), at);
    expect(churned).toMatchObject({
      ok: true,
      warnings: ['churned_with_mrr'],
      row: { mrrCents: 7070, lifecycleStage: 'churned' },
    });
    expect(validateRow('customers', cells({ id: 'B', churned: 'no', mrr: '70.70' }), at)).not.toHaveProperty(
      'warnings',
    );
    expect(validateRow('customers', cells({ id: 'C', churned: 'yes', mrr: '0' }), at)).not.toHaveProperty('warnings');
  });

  it('says how to give a date format without naming a command-line flag', () => {
    const result = validateRow(
      'orders',
      cells({ order_id: 'O', customer_id: 'C', ordered_at: '03/02/2026', amount: '1' }),
      at,
    );
    expect(!result.ok && result.errors[0].message).toBe(
      '"03/02/2026" is not a valid date as YYYY-MM-DD or an ISO date-time (or set the date format of the file).',
    );
  });
});
