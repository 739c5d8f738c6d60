import { X } from 'lucide-react';
import Link from 'next/link';
import { LIFECYCLE_STAGE_LABELS, RISK_BAND_LABELS, humanizeKey } from '@/lib/customers/vocabulary';
import { describeAttributeCondition } from '@/lib/validation/attribute-conditions';
import {
  customerListSearch,
  type CustomerListQuery,
  type ListFilter,
  type OwnerChoice,
} from '@/lib/validation/customer-list';
import type { CustomerListOptions } from '@/server/services/customer-list';

type Chip = { label: string; without: ListFilter };

const units = (cents: number) => (cents / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });

function ownerLabel(owner: OwnerChoice, options: CustomerListOptions): string {
  if (owner === 'me') return 'Owner: me';
  if (owner === 'none') return 'Unassigned';
  if (owner === 'any') return 'Any owner';
  return `Owner: ${options.owners.find((o) => o.id === owner)?.name ?? `#${owner}`}`;
}

function chipsOf(
  filter: ListFilter,
  owner: OwnerChoice,
  defaultOwner: OwnerChoice,
  options: CustomerListOptions,
): Chip[] {
  const drop = <K extends keyof ListFilter>(key: K): ListFilter => {
    const { [key]: _dropped, ...rest } = filter;
    return rest;
  };
  const chips: Chip[] = [];
  if (filter.q) chips.push({ label: `“${filter.q}”`, without: drop('q') });
  // The role's default owner is where the list starts, not a filter to remove; any other choice goes back to it.
  if (owner !== defaultOwner) chips.push({ label: ownerLabel(owner, options), without: drop('owner') });
  if (filter.status) chips.push({ label: filter.status === 'active' ? 'Active' : 'Churned', without: drop('status') });
  if (filter.segment) chips.push({ label: `Segment: ${humanizeKey(filter.segment)}`, without: drop('segment') });
  if (filter.plan) chips.push({ label: `Plan: ${humanizeKey(filter.plan)}`, without: drop('plan') });
  if (filter.country) chips.push({ label: filter.country, without: drop('country') });
  if (filter.stage) chips.push({ label: `Stage: ${LIFECYCLE_STAGE_LABELS[filter.stage]}`, without: drop('stage') });
  if (filter.riskBand) chips.push({ label: `Risk: ${RISK_BAND_LABELS[filter.riskBand]}`, without: drop('riskBand') });
  if (filter.loyaltyTier)
    chips.push({
      label: `Tier: ${options.tiers.find((t) => t.key === filter.loyaltyTier)?.name ?? filter.loyaltyTier}`,
      without: drop('loyaltyTier'),
    });
  if (filter.mrrMin !== undefined) chips.push({ label: `MRR ≥ ${units(filter.mrrMin)}`, without: drop('mrrMin') });
  if (filter.mrrMax !== undefined) chips.push({ label: `MRR ≤ ${units(filter.mrrMax)}`, without: drop('mrrMax') });
  if (filter.activeAfter) chips.push({ label: `Active since ${filter.activeAfter}`, without: drop('activeAfter') });
  if (filter.activeBefore)
    chips.push({ label: `Last active by ${filter.activeBefore}`, without: drop('activeBefore') });
  if (filter.inactiveDays)
    chips.push({ label: `No activity in ${filter.inactiveDays} days`, without: drop('inactiveDays') });
  (filter.attributes ?? []).forEach((condition, i) => {
    const attributes = filter.attributes!.filter((_, j) => j !== i);
    chips.push({
      label: describeAttributeCondition(condition),
      without: { ...filter, attributes: attributes.length ? attributes : undefined },
    });
  });
  return chips;
}

type FilterChipsProps = {
  query: CustomerListQuery;
  owner: OwnerChoice;
  defaultOwner: OwnerChoice;
  options: CustomerListOptions;
};

/** The filters in effect, each removable with one click (a link to the same list without it). */
export function FilterChips({ query, owner, defaultOwner, options }: FilterChipsProps) {
  const chips = chipsOf(query.filter, owner, defaultOwner, options);
  if (chips.length === 0) return null;
  return (
    <ul aria-label="Filters in effect" className="flex flex-wrap items-center gap-2">
      {chips.map((chip) => (
        <li key={chip.label}>
          <Link
            href={`/customers${customerListSearch({ ...query, filter: chip.without }, { page: null, view: null })}`}
            className="inline-flex items-center gap-1 rounded-full border border-accent-200 bg-accent-50 py-0.5 pr-1.5 pl-2.5 text-xs font-medium text-accent-900 hover:bg-accent-100"
          >
            {chip.label}
            <X aria-hidden className="size-3.5" />
            <span className="sr-only">(remove this filter)</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
