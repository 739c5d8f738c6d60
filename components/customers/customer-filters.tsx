import { Search, SlidersHorizontal } from 'lucide-react';
import { GetForm } from '@/components/forms/get-form';
import { FilterButtons } from '@/components/forms/log-filter-fields';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import {
  LIFECYCLE_STAGE_LABELS,
  LIFECYCLE_STAGES,
  RISK_BAND_LABELS,
  RISK_BANDS,
  humanizeKey,
} from '@/lib/customers/vocabulary';
import type { ListFilter, OwnerChoice } from '@/lib/validation/customer-list';
import type { CustomerListOptions } from '@/server/services/customer-list';
import { AttributeConditionsField } from './attribute-conditions-field';

type CustomerFiltersProps = {
  filter: ListFilter;
  owner: OwnerChoice;
  options: CustomerListOptions;
  /** Whether "Me" is a meaningful owner (executives own no accounts). */
  ownsAccounts: boolean;
  /** Sort, columns and page size carried through a filter change (the page position and the view are not). */
  keep: Record<string, string>;
  clearHref: string;
};

// attr, op and val pair up by position, so an empty value must still be sent.
const ATTRIBUTE_FIELDS = ['attr', 'op', 'val'];

const money = (cents: number | undefined) => (cents === undefined ? '' : String(cents / 100));

function Choice({
  name,
  label,
  value,
  options,
  all,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  all: string;
}) {
  return (
    <Field name={name} label={label}>
      {(control) => (
        <Select {...control} defaultValue={value ?? ''}>
          <option value="">{all}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

const keyed = (values: string[]) => values.map((v) => ({ value: v, label: humanizeKey(v) }));

/**
 * A plain GET form: every filter lands in the URL, so a filtered list can be bookmarked, shared and saved as a view,
 * and it works before any script has loaded. The rarer filters fold away until used.
 */
export function CustomerFilters({ filter, owner, options, ownsAccounts, keep, clearHref }: CustomerFiltersProps) {
  const more =
    filter.segment ??
    filter.plan ??
    filter.country ??
    filter.stage ??
    filter.riskBand ??
    filter.loyaltyTier ??
    filter.activeAfter ??
    filter.activeBefore;
  const moreOpen = Boolean(
    more ||
    filter.mrrMin !== undefined ||
    filter.mrrMax !== undefined ||
    filter.inactiveDays ||
    filter.attributes?.length,
  );
  return (
    <GetForm
      action="/customers"
      keepEmpty={ATTRIBUTE_FIELDS}
      role="search"
      aria-label="Filter customers"
      className="space-y-4"
    >
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_repeat(2,minmax(0,1fr))_auto] lg:items-end">
        <Field name="q" label="Search">
          {(control) => (
            <div className="relative">
              <Search
                aria-hidden
                className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-500"
              />
              <Input
                {...control}
                type="search"
                defaultValue={filter.q ?? ''}
                placeholder="Name, email, company or customer id"
                className="pl-9"
              />
            </div>
          )}
        </Field>
        <Field name="owner" label="Owner">
          {(control) => (
            <Select {...control} defaultValue={String(owner)}>
              {ownsAccounts && <option value="me">Me (my accounts)</option>}
              <option value="any">Anyone</option>
              <option value="none">Unassigned</option>
              {options.owners
                .filter((o) => o.role !== 'exec')
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                    {o.disabled ? ' (disabled)' : ''}
                  </option>
                ))}
            </Select>
          )}
        </Field>
        <Choice
          name="status"
          label="Status"
          value={filter.status}
          all="Any status"
          options={[
            { value: 'active', label: 'Active' },
            { value: 'churned', label: 'Churned' },
          ]}
        />
        <FilterButtons clearHref={clearHref} />
      </div>
      <details open={moreOpen} className="group rounded-md border border-zinc-200 bg-zinc-50/60">
        <summary className="flex items-center gap-2 px-3 py-2 text-sm font-medium text-zinc-800">
          <SlidersHorizontal aria-hidden className="size-4 text-zinc-500" /> More filters
        </summary>
        <div className="grid gap-4 border-t border-zinc-200 p-3 sm:grid-cols-2 lg:grid-cols-4">
          <Choice
            name="segment"
            label="Segment"
            value={filter.segment}
            all="All segments"
            options={keyed(options.segments)}
          />
          <Choice name="plan" label="Plan" value={filter.plan} all="All plans" options={keyed(options.plans)} />
          <Choice
            name="country"
            label="Country"
            value={filter.country}
            all="All countries"
            options={options.countries.map((c) => ({ value: c, label: c }))}
          />
          <Choice
            name="stage"
            label="Lifecycle stage"
            value={filter.stage}
            all="All stages"
            options={LIFECYCLE_STAGES.map((s) => ({ value: s, label: LIFECYCLE_STAGE_LABELS[s] }))}
          />
          <Choice
            name="risk"
            label="Risk band"
            value={filter.riskBand}
            all="Any risk"
            options={RISK_BANDS.map((b) => ({ value: b, label: RISK_BAND_LABELS[b] }))}
          />
          <Choice
            name="tier"
            label="Loyalty tier"
            value={filter.loyaltyTier}
            all="Any tier"
            options={options.tiers.map((t) => ({ value: t.key, label: t.name }))}
          />
          <Field name="mrrMin" label="MRR from" hint="In currency units, e.g. 500">
            {(control) => <Input {...control} inputMode="decimal" defaultValue={money(filter.mrrMin)} />}
          </Field>
          <Field name="mrrMax" label="MRR up to">
            {(control) => <Input {...control} inputMode="decimal" defaultValue={money(filter.mrrMax)} />}
          </Field>
          <Field name="activeAfter" label="Active on or after">
            {(control) => <Input {...control} type="date" defaultValue={filter.activeAfter ?? ''} />}
          </Field>
          <Field name="activeBefore" label="Last active on or before">
            {(control) => <Input {...control} type="date" defaultValue={filter.activeBefore ?? ''} />}
          </Field>
          <Field name="inactiveDays" label="No activity in the last" hint="Days; never active counts too">
            {(control) => (
              <Input {...control} type="number" min={1} max={36500} defaultValue={filter.inactiveDays ?? ''} />
            )}
          </Field>
          <AttributeConditionsField conditions={filter.attributes ?? []} keys={options.attributeKeys} />
        </div>
      </details>
    </GetForm>
  );
}
