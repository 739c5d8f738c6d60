import { Inbox, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

type EmptyStateProps = { title: ReactNode; children?: ReactNode; icon?: LucideIcon; className?: string };

/** What a list shows when it has nothing to list: what that means and what to do next. */
export function EmptyState({ title, children, icon: Icon = Inbox, className }: EmptyStateProps) {
  return (
    <div className={cn('flex flex-col items-center px-6 py-10 text-center', className)}>
      <Icon aria-hidden className="size-8 text-zinc-400" />
      <p className="mt-3 text-sm font-semibold text-zinc-900">{title}</p>
      {children && <div className="mt-1 max-w-md text-sm text-zinc-600">{children}</div>}
    </div>
  );
}
