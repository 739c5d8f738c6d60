import { z } from 'zod';
import { importedStage } from '@/lib/customers/lifecycle';
import {
  attributeValue,
  currencyCode,
  moneyCell,
  optionalBoolean,
  optionalDate,
  optionalNumber,
  optionalText,
  requiredDate,
  requiredText,
  type CellOptions,
} from './cells';
import { canonicalColumns, IMPORT_KINDS, type ImportKind } from './columns';
import { isoDay } from './dates';
import type {
  CustomerRow,
  EventRow,
  FeedbackRow,
  ImportRowByKind,
  OrderRow,
  SubscriptionRow,
  TicketRow,
} from './row-types';
import type { WarningCode } from './warnings';

export type RowContext = CellOptions & {
  /** The day `churned: yes` means and `tenure_months` counts back from (--as-of). */
  asOf: Date;
};

/** Cells of one row by canonical column, plus the unmapped ones by their original header (customers' attributes). */
export type RowCells = { mapped: Record<string, string>; unmapped: Record<string, string> };

type CellError = { column: string; message: string };
/** A row kept, with what looks odd about it (see warnings.ts), or refused with every problem by column. */
type Result<T> = { ok: true; row: T; warnings?: WarningCode[] } | { ok: false; errors: CellError[] };

const SCORE_RANGE = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;

const id = () => requiredText(200);
const email = () => optionalText(320).pipe(z.email({ error: 'Not a valid email address.' }).nullable());

function issuesOf(error: z.ZodError): CellError[] {
  return error.issues.map((issue) => ({ column: String(issue.path[0] ?? ''), message: issue.message }));
}

/** Money is parsed after the row's currency is known (its minor unit decides the digits). */
function money(
  cells: RowCells,
  column: string,
  currency: string,
  ctx: RowContext,
  required: boolean,
  errors: CellError[],
) {
  const result = moneyCell(cells.mapped[column], currency, ctx, { required, allowNegative: false });
  if ('error' in result) errors.push({ column, message: result.error });
  return 'value' in result ? result.value : null;
}

function monthsBefore(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() - Math.round(months));
  return d;
}

function buildSchemas(ctx: RowContext) {
  return {
    customers: z.object({
      id: id(),
      name: optionalText(200),
      email: email(),
      phone: optionalText(50),
      company: optionalText(200),
      segment: optionalText(100),
      plan: optionalText(100),
      country: optionalText(100),
      region: optionalText(100),
      industry: optionalText(100),
      owner_email: email(),
      acquired_at: optionalDate(ctx),
      activated_at: optionalDate(ctx),
      churned_at: optionalDate(ctx),
      churn_reason: optionalText(100),
      churn_type: optionalText(20).pipe(
        z.enum(['voluntary', 'involuntary'], { error: 'Use voluntary or involuntary.' }).nullable(),
      ),
      currency: currencyCode(),
      churned: optionalBoolean(),
      tenure_months: optionalNumber(ctx, { min: 0 }),
    }),
    orders: z.object({ order_id: id(), customer_id: id(), ordered_at: requiredDate(ctx), currency: currencyCode() }),
    subscriptions: z.object({
      customer_id: id(),
      effective_at: requiredDate(ctx),
      plan: optionalText(100),
      currency: currencyCode(),
    }),
    events: z.object({
      customer_id: id(),
      type: requiredText(100).transform((s) => s.toLowerCase()),
      occurred_at: requiredDate(ctx),
      value: optionalNumber(ctx),
      name: optionalText(200),
    }),
    tickets: z.object({
      ticket_id: id(),
      customer_id: id(),
      opened_at: requiredDate(ctx),
      resolved_at: optionalDate(ctx),
      kind: optionalText(50).transform((s) => (s ?? 'question').toLowerCase()),
      priority: optionalText(20)
        .transform((s) => (s ?? 'normal').toLowerCase())
        .pipe(z.enum(['low', 'normal', 'high', 'urgent'], { error: 'Use low, normal, high or urgent.' })),
      subject: optionalText(500),
    }),
    feedback: z.object({
      customer_id: id(),
      kind: requiredText(10)
        .transform((s) => s.toLowerCase())
        .pipe(z.enum(['nps', 'csat', 'ces'], { error: 'Use nps, csat or ces.' })),
      score: optionalNumber(ctx).refine((n) => n !== null && Number.isInteger(n), {
        error: 'Give a whole-number score.',
      }),
      submitted_at: requiredDate(ctx),
      comment: optionalText(5000),
    }),
  };
}

// Schemas depend only on the import's options; building them once per import, not per row, keeps validation cheap.
const schemaCache = new WeakMap<RowContext, ReturnType<typeof buildSchemas>>();
function schemasFor(ctx: RowContext) {
  let schemas = schemaCache.get(ctx);
  if (!schemas) schemaCache.set(ctx, (schemas = buildSchemas(ctx)));
  return schemas;
}

function customerRow(cells: RowCells, ctx: RowContext): Result<CustomerRow> {
  const parsed = schemasFor(ctx).customers.safeParse(cells.mapped);
  if (!parsed.success) return { ok: false, errors: issuesOf(parsed.error) };
  const v = parsed.data;
  const errors: CellError[] = [];
  const mrrCents = money(cells, 'mrr', v.currency, ctx, false, errors);
  if (errors.length) return { ok: false, errors };
  // A label-only source ("Churn: Yes") churned as of the import date; tenure counts back from churn or from today.
  const churnedAt = v.churned_at ?? (v.churned === true ? ctx.asOf : null);
  const acquiredAt =
    v.acquired_at ?? (v.tenure_months !== null ? monthsBefore(churnedAt ?? ctx.asOf, v.tenure_months) : null);
  if (churnedAt && acquiredAt && churnedAt < acquiredAt) {
    const column = v.churned_at ? 'churned_at' : 'acquired_at';
    errors.push({ column, message: `Churned (${isoDay(churnedAt)}) before it was acquired (${isoDay(acquiredAt)}).` });
  }
  if (v.activated_at && acquiredAt && v.activated_at < acquiredAt) {
    errors.push({
      column: 'activated_at',
      message: `Activated (${isoDay(v.activated_at)}) before it was acquired (${isoDay(acquiredAt)}).`,
    });
  }
  if (errors.length) return { ok: false, errors };
  // Someone who pays, or has a tenure, has reached first value; without an activation date it is taken as acquisition
  // for the stage only (activation KPIs count real activation dates).
  const paying = (mrrCents ?? 0) > 0 || v.tenure_months !== null;
  const lifecycleStage = importedStage({
    acquiredAt,
    activatedAt: v.activated_at ?? (paying ? acquiredAt : null),
    churnedAt,
    asOf: ctx.asOf,
  });
  return {
    ok: true,
    // Sources like the Telco sample give a churned customer's last monthly charge: what they paid until they left.
    ...(churnedAt && (mrrCents ?? 0) > 0 ? { warnings: ['churned_with_mrr' as const] } : {}),
    row: {
      externalId: v.id,
      name: v.name ?? v.company ?? v.email ?? v.id,
      email: v.email,
      phone: v.phone,
      company: v.company,
      segment: v.segment,
      plan: v.plan,
      country: v.country,
      region: v.region,
      industry: v.industry,
      ownerEmail: v.owner_email,
      acquiredAt,
      activatedAt: v.activated_at,
      churnedAt,
      churnReason: v.churn_reason,
      churnType: v.churn_type ?? (churnedAt ? 'voluntary' : null),
      mrrCents,
      currency: v.currency,
      lifecycleStage,
      attributes: Object.fromEntries(Object.entries(cells.unmapped).map(([k, text]) => [k, attributeValue(text, ctx)])),
    },
  };
}

function orderRow(cells: RowCells, ctx: RowContext): Result<OrderRow> {
  const parsed = schemasFor(ctx).orders.safeParse(cells.mapped);
  const errors = parsed.success ? [] : issuesOf(parsed.error);
  const amountCents = money(cells, 'amount', parsed.success ? parsed.data.currency : 'USD', ctx, true, errors);
  if (!parsed.success || errors.length) return { ok: false, errors };
  const v = parsed.data;
  return {
    ok: true,
    row: {
      externalId: v.order_id,
      customerExternalId: v.customer_id,
      orderedAt: v.ordered_at,
      amountCents: amountCents!,
      currency: v.currency,
    },
  };
}

function subscriptionRow(cells: RowCells, ctx: RowContext): Result<SubscriptionRow> {
  const parsed = schemasFor(ctx).subscriptions.safeParse(cells.mapped);
  const errors = parsed.success ? [] : issuesOf(parsed.error);
  const mrrCents = money(cells, 'mrr', parsed.success ? parsed.data.currency : 'USD', ctx, true, errors);
  if (!parsed.success || errors.length) return { ok: false, errors };
  const v = parsed.data;
  return {
    ok: true,
    row: {
      customerExternalId: v.customer_id,
      effectiveAt: v.effective_at,
      mrrCents: mrrCents!,
      plan: v.plan,
      currency: v.currency,
    },
  };
}

function eventRow(cells: RowCells, ctx: RowContext): Result<EventRow> {
  const parsed = schemasFor(ctx).events.safeParse(cells.mapped);
  if (!parsed.success) return { ok: false, errors: issuesOf(parsed.error) };
  const v = parsed.data;
  return {
    ok: true,
    row: { customerExternalId: v.customer_id, type: v.type, occurredAt: v.occurred_at, value: v.value, name: v.name },
  };
}

function ticketRow(cells: RowCells, ctx: RowContext): Result<TicketRow> {
  const parsed = schemasFor(ctx).tickets.safeParse(cells.mapped);
  if (!parsed.success) return { ok: false, errors: issuesOf(parsed.error) };
  const v = parsed.data;
  if (v.resolved_at && v.resolved_at < v.opened_at)
    return { ok: false, errors: [{ column: 'resolved_at', message: 'Resolved before it was opened.' }] };
  return {
    ok: true,
    row: {
      externalId: v.ticket_id,
      customerExternalId: v.customer_id,
      openedAt: v.opened_at,
      resolvedAt: v.resolved_at,
      kind: v.kind,
      priority: v.priority,
      subject: v.subject,
    },
  };
}

function feedbackRow(cells: RowCells, ctx: RowContext): Result<FeedbackRow> {
  const parsed = schemasFor(ctx).feedback.safeParse(cells.mapped);
  if (!parsed.success) return { ok: false, errors: issuesOf(parsed.error) };
  const v = parsed.data;
  const score = v.score!;
  const [min, max] = SCORE_RANGE[v.kind];
  if (score < min || score > max)
    return { ok: false, errors: [{ column: 'score', message: `A ${v.kind.toUpperCase()} score is ${min}-${max}.` }] };
  return {
    ok: true,
    row: { customerExternalId: v.customer_id, kind: v.kind, score, submittedAt: v.submitted_at, comment: v.comment },
  };
}

const VALIDATORS: { [K in ImportKind]: (cells: RowCells, ctx: RowContext) => Result<ImportRowByKind[K]> } = {
  customers: customerRow,
  orders: orderRow,
  subscriptions: subscriptionRow,
  events: eventRow,
  tickets: ticketRow,
  feedback: feedbackRow,
};

// A column the file does not have reads as an empty cell, so "missing" and "blank" get the same message.
const BLANK = Object.fromEntries(
  IMPORT_KINDS.map((kind) => [kind, Object.fromEntries(canonicalColumns(kind).map((column) => [column, '']))]),
) as Record<ImportKind, Record<string, string>>;

/** Validates one row of a kind; every problem in the row is reported per column, not only the first. */
export function validateRow<K extends ImportKind>(
  kind: K,
  cells: RowCells,
  ctx: RowContext,
): Result<ImportRowByKind[K]> {
  return VALIDATORS[kind]({ mapped: { ...BLANK[kind], ...cells.mapped }, unmapped: cells.unmapped }, ctx);
}
