'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/cn';
import { isActiveHref, type NavSection } from '@/lib/navigation';
import { NavIcon } from './nav-icon';

type NavLinksProps = { sections: NavSection[]; onNavigate?: () => void };

/** The Main navigation, drawn from the server-filtered config; shared by the sidebar and the mobile drawer. */
export function NavLinks({ sections, onNavigate }: NavLinksProps) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-6">
      {sections.map((section) => (
        <div key={section.label ?? 'main'}>
          {section.label && (
            <h2 className="mb-1 px-3 text-xs font-semibold tracking-wide text-zinc-500 uppercase">{section.label}</h2>
          )}
          <ul className="flex flex-col gap-0.5">
            {section.items.map((item) => {
              const active = isActiveHref(item.href, pathname);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    onClick={onNavigate}
                    aria-current={active ? 'page' : undefined}
                    className={cn(
                      'flex items-center gap-2.5 rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-accent-700',
                      active ? 'bg-accent-50 text-accent-900' : 'text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900',
                    )}
                  >
                    <NavIcon name={item.icon} className={cn('size-4', active ? 'text-accent-700' : 'text-zinc-500')} />
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
