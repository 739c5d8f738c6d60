import { DateRangeFields, FilterButtons } from '@/components/forms/log-filter-fields';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { SECURITY_EVENT_KINDS } from '@/lib/auth/security-events';
import type { SecurityFilter } from '@/lib/validation/security-log';
import type { UserChoiceDTO } from '@/server/queries/user-choices';

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and shared. */
export function SecurityFilters({ filter, users }: { filter: SecurityFilter; users: UserChoiceDTO[] }) {
  return (
    <form
      method="get"
      action="/admin/security"
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto] lg:items-end"
    >
      <Field name="kind" label="Event">
        {(control) => (
          <Select {...control} defaultValue={filter.kind ?? ''}>
            <option value="">All events</option>
            {Object.entries(SECURITY_EVENT_KINDS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field name="user" label="User">
        {(control) => (
          <Select {...control} defaultValue={filter.user === undefined ? '' : String(filter.user)}>
            <option value="">Everyone</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name} ({user.email})
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field name="ip" label="Address">
        {(control) => (
          <Input {...control} inputMode="text" placeholder="e.g. 203.0.113.7" defaultValue={filter.ip ?? ''} />
        )}
      </Field>
      <DateRangeFields from={filter.from} to={filter.to} />
      <FilterButtons clearHref="/admin/security" />
    </form>
  );
}
