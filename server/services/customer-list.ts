import 'server-only';
import { customers } from '@/db/schema';
import { queryCustomerPage, type ListRow, type ListTotal } from '@/db/queries/customer-list';
import {
  distinctValues,
  hasRiskScores,
  listOwners,
  listTiers,
  sampleAttributeKeys,
  type AttributeKey,
  type OwnerOption,
  type TierOption,
} from '@/db/queries/customer-list/options';
import type { CustomerFilter } from '@/lib/validation/customer-filters';
import type { CustomerListQuery, KeysetCursor, ListFilter } from '@/lib/validation/customer-list';
import { assertCan, type Actor, type ServiceContext } from '../context';

/** One row as the list shows it: owner and loyalty tier by name, the risk score when the customer has one. */
export type CustomerListItem = Omit<ListRow, 'ownerId' | 'loyaltyTier' | 'riskScore' | 'riskBand'> & {
  owner: { id: number; name: string } | null;
  loyaltyTier: { key: string; name: string } | null;
  risk: { score: number; band: NonNullable<ListRow['riskBand']> } | null;
};

export type CustomerListPage = {
  rows: CustomerListItem[];
  total: ListTotal;
  next: KeysetCursor | null;
  previous: KeysetCursor | null;
};

export type CustomerListOptions = {
  owners: OwnerOption[];
  tiers: TierOption[];
  segments: string[];
  plans: string[];
  countries: string[];
  attributeKeys: AttributeKey[];
  hasRiskScores: boolean;
};

/**
 * The list filter the database sees. A CSM's list opens on their own accounts ("My accounts"); others see every
 * account until they choose an owner. 'me' always means the signed-in user, so a shared view of "my at-risk
 * accounts" shows each viewer their own.
 */
export function resolveListFilter(filter: ListFilter, actor: Actor): CustomerFilter {
  const { owner, ...rest } = filter;
  const me = actor.kind === 'user' ? actor.id : undefined;
  const choice = owner ?? (actor.kind === 'user' && actor.role === 'csm' ? 'me' : 'any');
  if (choice === 'any') return rest;
  if (choice === 'me') return me === undefined ? rest : { ...rest, owner: me };
  return { ...rest, owner: choice };
}

/** The owner choice in effect, for the filter form: the role's default when the URL names none. */
export function effectiveOwnerChoice(filter: ListFilter, actor: Actor): NonNullable<ListFilter['owner']> {
  return filter.owner ?? (actor.kind === 'user' && actor.role === 'csm' ? 'me' : 'any');
}

export async function loadCustomerListOptions({ ctx }: { ctx: ServiceContext }): Promise<CustomerListOptions> {
  assertCan(ctx.actor, 'customers.read');
  const { db } = ctx;
  const [owners, tiers, segments, plans, countries, attributeKeys, scored] = await Promise.all([
    listOwners(db),
    listTiers(db),
    distinctValues(db, customers.segment),
    distinctValues(db, customers.plan),
    distinctValues(db, customers.country),
    sampleAttributeKeys(db),
    hasRiskScores(db),
  ]);
  return { owners, tiers, segments, plans, countries, attributeKeys, hasRiskScores: scored };
}

/** One page of the customer list for the query in the URL. */
export async function listCustomers({
  ctx,
  query,
  options,
}: {
  ctx: ServiceContext;
  query: CustomerListQuery;
  options: Pick<CustomerListOptions, 'owners' | 'tiers'>;
}): Promise<CustomerListPage> {
  assertCan(ctx.actor, 'customers.read');
  const page = await queryCustomerPage(ctx.db, {
    filter: resolveListFilter(query.filter, ctx.actor),
    sort: query.sort,
    page: query.page,
    size: query.size,
    context: { ownerIdsByName: options.owners.map((o) => o.id), tierKeysByRank: options.tiers.map((t) => t.key) },
  });
  const ownerNames = new Map(options.owners.map((o) => [o.id, o.name]));
  const tierNames = new Map(options.tiers.map((t) => [t.key, t.name]));
  const rows = page.rows.map(({ row: { ownerId, loyaltyTier, riskScore, riskBand, ...row } }): CustomerListItem => ({
    ...row,
    owner: ownerId === null ? null : { id: ownerId, name: ownerNames.get(ownerId) ?? `User #${ownerId}` },
    loyaltyTier: loyaltyTier === null ? null : { key: loyaltyTier, name: tierNames.get(loyaltyTier) ?? loyaltyTier },
    risk: riskScore === null || riskBand === null ? null : { score: riskScore, band: riskBand },
  }));
  return { rows, total: page.total, next: page.next, previous: page.previous };
}
