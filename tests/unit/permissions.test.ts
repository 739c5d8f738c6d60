import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, type Permission } from '@/lib/auth/permissions';
import { ROLES, type Role } from '@/lib/auth/roles';

// The roles table of docs/security.md: which roles hold each permission without a resource.
const EXPECTED: Record<Permission, Role[]> = {
  'users.manage': ['admin'],
  'settings.manage': ['admin'],
  'apiKeys.manage': ['admin'],
  'audit.read': ['admin'],
  'security.read': ['admin'],
  'customers.erase': ['admin'],
  'customers.exportPersonalData': ['admin'],
  'imports.run': ['admin', 'lead'],
  'customers.assignOwner': ['admin', 'lead'],
  'tasks.assign': ['admin', 'lead'],
  'campaigns.manage': ['admin', 'lead'],
  'segments.manage': ['admin', 'lead'],
  'journeys.manage': ['admin', 'lead'],
  'playbooks.manage': ['admin', 'lead'],
  'views.share': ['admin', 'lead'],
  'views.save': ['admin', 'lead', 'csm'],
  'customers.read': ['admin', 'lead', 'csm', 'exec'],
  'kpis.read': ['admin', 'lead', 'csm', 'exec'],
  'account.changePassword': ['admin', 'lead', 'csm', 'exec'],
  'activities.write': ['admin', 'lead', 'csm'],
  'tasks.write': ['admin', 'lead', 'csm'],
  'customers.updateContact': ['admin', 'lead', 'csm'],
};

describe('permission matrix', () => {
  it('covers every permission', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
  });

  for (const permission of PERMISSIONS) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission].includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} ${permission}`, () => {
        expect(can({ id: 1, role }, permission)).toBe(allowed);
      });
    }
  }
});

describe('scoped permissions', () => {
  const csm = { id: 7, role: 'csm' as const };
  const scoped: Permission[] = ['activities.write', 'tasks.write', 'customers.updateContact'];

  it.each(scoped)('a CSM may %s on an account they own', (permission) => {
    expect(can(csm, permission, { ownerId: 7 })).toBe(true);
  });

  it.each(scoped)('a CSM may %s on a task assigned to them', (permission) => {
    expect(can(csm, permission, { ownerId: 99, assigneeId: 7 })).toBe(true);
  });

  it.each(scoped)("a CSM may not %s on someone else's account", (permission) => {
    expect(can(csm, permission, { ownerId: 99, assigneeId: 98 })).toBe(false);
    expect(can(csm, permission, { ownerId: null })).toBe(false);
  });

  it.each(scoped)('a lead and an admin may %s on every account; an exec on none', (permission) => {
    expect(can({ id: 1, role: 'lead' }, permission, { ownerId: 99 })).toBe(true);
    expect(can({ id: 1, role: 'admin' }, permission, { ownerId: 99 })).toBe(true);
    expect(can({ id: 1, role: 'exec' }, permission, { ownerId: 1 })).toBe(false);
  });
});
