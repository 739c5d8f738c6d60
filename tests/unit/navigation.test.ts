import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/auth/roles';
import { isActiveHref, navigationFor } from '@/lib/navigation';

const labels = (role: Role) => navigationFor({ id: 1, role }).map((s) => [s.label, s.items.map((i) => i.label)]);

describe('navigation', () => {
  it('shows admins the overview, imports and the admin section', () => {
    expect(labels('admin')).toEqual([
      [null, ['Overview']],
      ['Data', ['Imports']],
      ['Admin', ['Users', 'Audit log']],
    ]);
  });

  it('shows a lead imports but no empty Admin heading', () => {
    expect(labels('lead')).toEqual([
      [null, ['Overview']],
      ['Data', ['Imports']],
    ]);
  });

  it.each(['csm', 'exec'] as const)('shows a %s only the overview, with no empty Data or Admin heading', (role) => {
    expect(labels(role)).toEqual([[null, ['Overview']]]);
  });

  it('marks the overview active only on / and other items on their sub-pages too', () => {
    expect(isActiveHref('/', '/')).toBe(true);
    expect(isActiveHref('/', '/admin/users')).toBe(false);
    expect(isActiveHref('/admin/users', '/admin/users/42')).toBe(true);
    expect(isActiveHref('/admin/users', '/admin/users-archive')).toBe(false);
  });
});
