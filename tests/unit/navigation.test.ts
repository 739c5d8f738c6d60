import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/auth/roles';
import { isActiveHref, navigationFor } from '@/lib/navigation';

const labels = (role: Role) => navigationFor({ id: 1, role }).map((s) => [s.label, s.items.map((i) => i.label)]);

describe('navigation', () => {
  it('shows admins the overview, their work, the team and the admin section', () => {
    expect(labels('admin')).toEqual([
      [null, ['Overview', 'My work', 'Team']],
      ['Admin', ['Users', 'Audit log']],
    ]);
  });

  it('shows a lead their work and the team, a CSM their work, an executive neither, and no empty Admin heading', () => {
    expect(labels('lead')).toEqual([[null, ['Overview', 'My work', 'Team']]]);
    expect(labels('csm')).toEqual([[null, ['Overview', 'My work']]]);
    expect(labels('exec')).toEqual([[null, ['Overview']]]);
  });

  it('marks the overview active only on / and other items on their sub-pages too', () => {
    expect(isActiveHref('/', '/')).toBe(true);
    expect(isActiveHref('/', '/admin/users')).toBe(false);
    expect(isActiveHref('/admin/users', '/admin/users/42')).toBe(true);
    expect(isActiveHref('/admin/users', '/admin/users-archive')).toBe(false);
  });
});
