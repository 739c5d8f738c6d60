import { DateRangeFields, FilterButtons } from '@/components/forms/log-filter-fields';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@/lib/audit/catalog';
import type { AuditFilter } from '@/lib/validation/audit';
import type { AuditActorDTO } from '@/server/queries/audit-log';

type AuditFiltersProps = { filter: AuditFilter; actors: AuditActorDTO[] };

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and shared. */
export function AuditFilters({ filter, actors }: AuditFiltersProps) {
  return (
    <form
      method="get"
      action="/admin/audit"
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto] lg:items-end"
    >
      <Field name="actor" label="Actor">
        {(control) => (
          <Select {...control} defaultValue={filter.actor === undefined ? '' : String(filter.actor)}>
            <option value="">Everyone</option>
            <option value="system">System / CLI</option>
            {actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name} ({actor.email})
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field name="entity" label="Entity">
        {(control) => (
          <Select {...control} defaultValue={filter.entityType ?? ''}>
            <option value="">All entities</option>
            {Object.entries(AUDIT_ENTITY_TYPES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field name="action" label="Action">
        {(control) => (
          <Select {...control} defaultValue={filter.action ?? ''}>
            <option value="">All actions</option>
            {Object.entries(AUDIT_ACTIONS).map(([value, label]) => (
              <option key={value} value={value}>
                {label} ({value})
              </option>
            ))}
          </Select>
        )}
      </Field>
      <DateRangeFields from={filter.from} to={filter.to} />
      <FilterButtons clearHref="/admin/audit" />
    </form>
  );
}
