import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/auth/roles';
import { homePathFor, isActiveHref, navigationFor } from '@/lib/navigation';

const labels = (role: Role) => navigationFor({ id: 1, role }).map((s) => [s.label, s.items.map((i) => i.label)]);

describe('navigation', () => {
  it('shows admins the overview, customers, their work, the team, the KPIs, imports and the admin section', () => {
    expect(labels('admin')).toEqual([
      [null, ['Overview', 'Customers', 'My work', 'Team', 'KPIs']],
      ['Data', ['Imports']],
      ['Admin', ['Users', 'Audit log', 'Security log']],
    ]);
  });

  it('shows a lead customers, their work, the team, the KPIs and imports, but no empty Admin heading', () => {
    expect(labels('lead')).toEqual([
      [null, ['Overview', 'Customers', 'My work', 'Team', 'KPIs']],
      ['Data', ['Imports']],
    ]);
  });

  it('shows a CSM customers, their work and the KPIs, an executive customers and the KPIs, with no empty Data or Admin heading', () => {
    expect(labels('csm')).toEqual([[null, ['Overview', 'Customers', 'My work', 'KPIs']]]);
    expect(labels('exec')).toEqual([[null, ['Overview', 'Customers', 'KPIs']]]);
  });

  it('starts executives on the KPIs and everyone else on the overview', () => {
    expect(homePathFor('exec')).toBe('/kpis');
    expect(['admin', 'lead', 'csm'].map((role) => homePathFor(role as Role))).toEqual(['/', '/', '/']);
  });

  it('marks the overview active only on / and other items on their sub-pages too', () => {
    expect(isActiveHref('/', '/')).toBe(true);
    expect(isActiveHref('/', '/admin/users')).toBe(false);
    expect(isActiveHref('/admin/users', '/admin/users/42')).toBe(true);
    expect(isActiveHref('/admin/users', '/admin/users-archive')).toBe(false);
  });
});
