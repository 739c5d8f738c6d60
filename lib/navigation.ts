import { can, type Permission, type Subject } from '@/lib/auth/permissions';

/** Icon names, mapped to components by the shell, so that this config stays plain data that can cross to the client. */
export type NavIcon = 'overview' | 'customers' | 'users' | 'audit';

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
    ],
  },
  {
    label: 'Admin',
    items: [
      { label: 'Users', href: '/admin/users', icon: 'users', permission: 'users.manage' },
      { label: 'Audit log', href: '/admin/audit', icon: 'audit', permission: 'audit.read' },
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
