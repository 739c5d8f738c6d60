import type { ReactNode } from 'react';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { navigationFor } from '@/lib/navigation';
import type { SessionUser } from '@/server/auth/session';
import { Brand } from './brand';
import { MobileNav } from './mobile-nav';
import { NavLinks } from './nav-links';
import { UserMenu } from './user-menu';

/** The frame of every signed-in page: skip link, sidebar (a drawer on small screens), top bar with the user menu. */
export function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const sections = navigationFor(user);
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="fixed top-3 left-3 z-50 -translate-y-24 rounded-md border border-zinc-200 bg-white px-4 py-2 text-sm font-medium text-accent-800 shadow-md focus:translate-y-0 focus-visible:outline-2 focus-visible:outline-accent-700"
      >
        Skip to content
      </a>
      <aside className="fixed inset-y-0 left-0 hidden w-60 flex-col gap-6 border-r border-zinc-200 bg-white px-3 py-4 md:flex">
        <div className="px-3">
          <Brand />
        </div>
        <NavLinks sections={sections} />
      </aside>
      <div className="md:pl-60">
        <header className="sticky top-0 z-30 flex h-14 items-center justify-between gap-3 border-b border-zinc-200 bg-white/95 px-4 backdrop-blur md:justify-end md:px-8">
          <div className="flex items-center gap-2 md:hidden">
            <MobileNav sections={sections} />
            <Brand />
          </div>
          <UserMenu name={user.name} email={user.email} roleLabel={ROLE_LABELS[user.role]} />
        </header>
        <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 md:px-8 md:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
