import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/rows';
import type { RowError } from '@/lib/import/row-types';
import { keepLastByKey } from './dedupe';
import { recordset } from './json-rows';
import type { LinedRow, MergeCounts, MergeOptions } from './merge-types';

const RECORD = `line int, external_id text, name text, email text, phone text, company text, segment text, plan text,
  country text, region text, industry text, owner_email text, acquired_at timestamptz, activated_at timestamptz,
  churned_at timestamptz, churn_reason text, churn_type churn_type, mrr_cents bigint, currency char(3), attributes jsonb`;

// Canonical column in the file -> customers columns it writes. Fixed identifiers: nothing here comes from the file.
const WRITES: Record<string, string[]> = {
  name: ['name'],
  email: ['email'],
  phone: ['phone'],
  company: ['company'],
  segment: ['segment'],
  plan: ['plan'],
  country: ['country'],
  region: ['region'],
  industry: ['industry'],
  owner_email: ['owner_id'],
  acquired_at: ['acquired_at'],
  tenure_months: ['acquired_at'],
  activated_at: ['activated_at'],
  churned_at: ['churned_at', 'churn_type', 'lifecycle_stage'],
  churned: ['churned_at', 'churn_type', 'lifecycle_stage'],
  churn_reason: ['churn_reason'],
  churn_type: ['churn_type'],
  mrr: ['mrr_cents'],
  currency: ['currency'],
};

const UPDATE_EXPRESSION: Record<string, string> = {
  // Imported columns add to (and override) earlier attributes; attributes set elsewhere survive a re-import.
  attributes: 'customers.attributes || excluded.attributes',
  lifecycle_stage: `case when excluded.churned_at is not null then 'churned'::lifecycle_stage
    when customers.lifecycle_stage = 'churned' then 'won_back'::lifecycle_stage else customers.lifecycle_stage end`,
};

function updatedColumns(mapped: ReadonlySet<string>, hasAttributes: boolean): string[] {
  const columns = new Set<string>();
  for (const canonical of mapped) for (const column of WRITES[canonical] ?? []) columns.add(column);
  if (hasAttributes) columns.add('attributes');
  return [...columns];
}

async function unknownOwners(tx: Executor, rows: LinedRow<'customers'>[]): Promise<RowError[]> {
  const withOwner = rows.filter((r) => r.ownerEmail).map((r) => ({ line: r.line, owner_email: r.ownerEmail!.toLowerCase() }));
  if (withOwner.length === 0) return [];
  const missing = await queryRows<{ line: number; owner_email: string }>(
    tx,
    sql`select src.line, src.owner_email from ${recordset(withOwner, 'line int, owner_email text')}
        left join users u on u.email = src.owner_email where u.id is null order by src.line`,
  );
  return missing.map((m) => ({ line: m.line, column: 'owner_email', message: `No Holdfast user has the email ${m.owner_email}.` }));
}

/** Upserts customers by external id; an update writes only the columns the file maps, and only when they differ. */
export async function mergeCustomers(tx: Executor, input: LinedRow<'customers'>[], options: MergeOptions): Promise<MergeCounts> {
  const deduped = keepLastByKey(input, (r) => r.externalId, 'id');
  const ownerErrors = await unknownOwners(tx, deduped.rows);
  const badLines = new Set(ownerErrors.map((e) => e.line));
  const rows = deduped.rows.filter((r) => !badLines.has(r.line));
  const rejected = [...deduped.rejected, ...ownerErrors];
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0, rejected };

  const hasAttributes = rows.some((r) => Object.keys(r.attributes).length > 0);
  const columns = updatedColumns(options.mappedColumns, hasAttributes);
  const set = columns.map((c) => `${c} = ${UPDATE_EXPRESSION[c] ?? `excluded.${c}`}`);
  const changed = columns.map((c) => `customers.${c} is distinct from ${c === 'attributes' ? UPDATE_EXPRESSION.attributes : c === 'lifecycle_stage' ? `(${UPDATE_EXPRESSION.lifecycle_stage})` : `excluded.${c}`}`);
  const onConflict = columns.length
    ? sql.raw(`do update set ${set.join(', ')}, version = customers.version + 1, updated_at = now() where ${changed.join(' or ')}`)
    : sql.raw('do nothing');

  const payload = rows.map((r) => ({
    line: r.line,
    external_id: r.externalId,
    name: r.name,
    email: r.email,
    phone: r.phone,
    company: r.company,
    segment: r.segment,
    plan: r.plan,
    country: r.country,
    region: r.region,
    industry: r.industry,
    owner_email: r.ownerEmail?.toLowerCase() ?? null,
    acquired_at: r.acquiredAt,
    activated_at: r.activatedAt,
    churned_at: r.churnedAt,
    churn_reason: r.churnReason,
    churn_type: r.churnType,
    mrr_cents: r.mrrCents,
    currency: r.currency,
    attributes: r.attributes,
  }));
  const [counts] = await queryRows<{ inserted: number; updated: number }>(
    tx,
    sql`with upserted as (
      insert into customers (external_id, name, email, phone, company, segment, plan, country, region, industry, owner_id,
        acquired_at, activated_at, churned_at, churn_reason, churn_type, mrr_cents, currency, attributes, lifecycle_stage)
      select src.external_id, src.name, src.email, src.phone, src.company, src.segment, src.plan, src.country, src.region,
        src.industry, u.id, src.acquired_at, src.activated_at, src.churned_at, src.churn_reason, src.churn_type,
        coalesce(src.mrr_cents, 0), src.currency, src.attributes,
        case when src.churned_at is not null then 'churned'::lifecycle_stage
             when src.activated_at is not null then 'activated'::lifecycle_stage else 'onboarding'::lifecycle_stage end
      from ${recordset(payload, RECORD)}
      left join users u on u.email = src.owner_email
      on conflict (external_id) ${onConflict}
      returning (xmax = 0) as inserted
    )
    select (count(*) filter (where inserted))::int as inserted, (count(*) filter (where not inserted))::int as updated from upserted`,
  );
  return { inserted: counts.inserted, updated: counts.updated, unchanged: rows.length - counts.inserted - counts.updated, rejected };
}
