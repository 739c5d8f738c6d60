import { can, type Permission, type Subject } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';

/** Icon names, mapped to components by the shell, so that this config stays plain data that can cross to the client. */
export type NavIcon =
  'overview' | 'customers' | 'myWork' | 'team' | 'kpis' | 'imports' | 'users' | 'audit' | 'security';

export type NavItem = {
  label: string;
  href: string;
  icon: NavIcon;
  /** Absent: every signed-in user. */
  permission?: Permission;
};

export type NavSection = { label: string | null; items: NavItem[] };

/** The one navigation config: a feature adds its page here and the sidebar, drawer and tests follow. */
export const NAVIGATION: NavSection[] = [
  {
    label: null,
    items: [
      { label: 'Overview', href: '/', icon: 'overview' },
      { label: 'Customers', href: '/customers', icon: 'customers', permission: 'customers.read' },
      // Everyone who can hold tasks (not the read-only executive); the page is the signed-in user's own queue.
      { label: 'My work', href: '/my-work', icon: 'myWork', permission: 'tasks.write' },
      { label: 'Team', href: '/team', icon: 'team', permission: 'tasks.assign' },
      { label: 'KPIs', href: '/kpis', icon: 'kpis', permission: 'kpis.read' },
    ],
  },
  { label: 'Data', items: [{ label: 'Imports', href: '/imports', icon: 'imports', permission: 'imports.run' }] },
  {
    label: 'Admin',
    items: [
      { label: 'Users', href: '/admin/users', icon: 'users', permission: 'users.manage' },
      { label: 'Audit log', href: '/admin/audit', icon: 'audit', permission: 'audit.read' },
      { label: 'Security log', href: '/admin/security', icon: 'security', permission: 'security.read' },
    ],
  },
];

/** The sections a user may see, without empty ones. Showing a link is a convenience; each page checks again. */
export function navigationFor(subject: Subject, sections: NavSection[] = NAVIGATION): NavSection[] {
  return sections
    .map((section) => ({
      ...section,
      items: section.items.filter((item) => !item.permission || can(subject, item.permission)),
    }))
    .filter((section) => section.items.length > 0);
}

/** Whether a nav item is the current page: the overview only on `/`, other items also on their sub-pages. */
export function isActiveHref(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * Where a role starts after signing in: executives read KPIs, so they land there; everyone else on the overview
 * (their own work first). The overview stays one click away for executives too.
 */
export function homePathFor(role: Role): string {
  return role === 'exec' ? '/kpis' : '/';
}
