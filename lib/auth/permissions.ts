import type { Role } from './roles';

/**
 * The permission model (docs/security.md) in one place. Pages, server actions, route handlers and the CLI all ask
 * `can()`; hiding a button is never the check.
 */
export const PERMISSIONS = [
  // admin only
  'users.manage',
  'settings.manage',
  'apiKeys.manage',
  'audit.read',
  'security.read',
  'customers.erase',
  'customers.exportPersonalData',
  // admin and lead
  'imports.run',
  'customers.assignOwner',
  'tasks.assign',
  'campaigns.manage',
  'segments.manage',
  'journeys.manage',
  'playbooks.manage',
  // shared saved views: everyone sees them, leads and admins publish them
  'views.share',
  // admin, lead and csm: keeping one's own saved views of a list (an exec is read-only)
  'views.save',
  // every role
  'customers.read',
  'kpis.read',
  // one's own password is one's own, an executive's too
  'account.changePassword',
  // scoped: admin and lead on every account, a CSM on accounts they own or tasks assigned to them
  'activities.write',
  'tasks.write',
  'customers.updateContact',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The account or task a scoped permission is asked about. */
export type PermissionResource = { ownerId?: number | null; assigneeId?: number | null };
export type Subject = { id: number; role: Role };

const ADMIN_ONLY = new Set<Permission>([
  'users.manage',
  'settings.manage',
  'apiKeys.manage',
  'audit.read',
  'security.read',
  'customers.erase',
  'customers.exportPersonalData',
]);
const EVERY_ROLE = new Set<Permission>(['customers.read', 'kpis.read', 'account.changePassword']);
const SCOPED = new Set<Permission>(['activities.write', 'tasks.write', 'customers.updateContact']);
/** Not scoped to accounts, but every role that works accounts holds it. */
const EVERY_WORKER = new Set<Permission>(['views.save']);

export function isScoped(permission: Permission): boolean {
  return SCOPED.has(permission);
}

/**
 * Without a resource, a scoped permission answers whether the role may do it on some account (e.g. to show a
 * form); with one, whether on that account or task.
 */
export function can(subject: Subject, permission: Permission, resource?: PermissionResource): boolean {
  const { role } = subject;
  if (role === 'admin') return true;
  if (EVERY_ROLE.has(permission)) return true;
  if (role === 'exec') return false;
  if (ADMIN_ONLY.has(permission)) return false;
  if (role === 'lead') return true;
  // csm
  if (EVERY_WORKER.has(permission)) return true;
  if (!SCOPED.has(permission)) return false;
  if (!resource) return true;
  return resource.ownerId === subject.id || resource.assigneeId === subject.id;
}
