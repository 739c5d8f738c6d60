'use client';

import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';

/** A Radix dropdown menu in the shell's style (see the user menu): keyboard navigation and focus handling included. */
export const Menu = DropdownMenu.Root;
export const MenuTrigger = DropdownMenu.Trigger;

export function MenuContent({ className, ...props }: ComponentProps<typeof DropdownMenu.Content>) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content
        sideOffset={6}
        className={cn(
          'z-50 max-h-[70dvh] min-w-60 overflow-y-auto rounded-md border border-zinc-200 bg-white p-1 text-sm shadow-lg',
          className,
        )}
        {...props}
      />
    </DropdownMenu.Portal>
  );
}

export const menuItemClasses =
  'flex cursor-pointer items-center gap-2 rounded px-3 py-2 text-zinc-800 outline-none data-highlighted:bg-zinc-100 data-highlighted:text-zinc-900 data-disabled:cursor-default data-disabled:opacity-50 [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-zinc-500';

export function MenuItem({ className, ...props }: ComponentProps<typeof DropdownMenu.Item>) {
  return <DropdownMenu.Item className={cn(menuItemClasses, className)} {...props} />;
}

export function MenuLabel({ className, ...props }: ComponentProps<typeof DropdownMenu.Label>) {
  return (
    <DropdownMenu.Label
      className={cn('px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase', className)}
      {...props}
    />
  );
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="my-1 h-px bg-zinc-200" />;
}
