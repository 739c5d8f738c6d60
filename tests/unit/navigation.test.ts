import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/auth/roles';
import { isActiveHref, navigationFor } from '@/lib/navigation';

const labels = (role: Role) => navigationFor({ id: 1, role }).map((s) => [s.label, s.items.map((i) => i.label)]);

describe('navigation', () => {
  it('shows admins the overview, customers and the admin section', () => {
    expect(labels('admin')).toEqual([
      [null, ['Overview', 'Customers']],
      ['Admin', ['Users', 'Audit log']],
    ]);
  });

  it.each(['lead', 'csm', 'exec'] as const)('shows a %s the overview and customers, with no empty Admin heading', (role) => {
    expect(labels(role)).toEqual([[null, ['Overview', 'Customers']]]);
  });

  it('marks the overview active only on / and other items on their sub-pages too', () => {
    expect(isActiveHref('/', '/')).toBe(true);
    expect(isActiveHref('/', '/admin/users')).toBe(false);
    expect(isActiveHref('/admin/users', '/admin/users/42')).toBe(true);
    expect(isActiveHref('/admin/users', '/admin/users-archive')).toBe(false);
  });
});
