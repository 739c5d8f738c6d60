'use client';

import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { ChevronDown, KeyRound, LogOut, UserRound } from 'lucide-react';
import Link from 'next/link';
import { signOut } from 'next-auth/react';

const ITEM_CLASSES =
  'flex cursor-pointer items-center gap-2 rounded px-3 py-2 text-zinc-800 outline-none data-highlighted:bg-zinc-100 data-highlighted:text-zinc-900';

type UserMenuProps = { name: string; email: string; roleLabel: string };

/**
 * The button's name contains all the text it shows (WCAG 2.5.3, so that speech input can say it): the person's name,
 * and an icon rather than initials, which the name would not contain.
 */
export function UserMenu({ name, email, roleLabel }: UserMenuProps) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={`Account menu for ${name}`}
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-accent-700 data-[state=open]:bg-zinc-100"
      >
        <span aria-hidden className="grid size-7 place-items-center rounded-full bg-accent-100 text-accent-900">
          <UserRound className="size-4" />
        </span>
        <span className="hidden max-w-40 truncate font-medium sm:inline">{name}</span>
        <ChevronDown aria-hidden className="size-4 text-zinc-500" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-60 rounded-md border border-zinc-200 bg-white p-1 text-sm shadow-lg"
        >
          <DropdownMenu.Label className="px-3 py-2">
            <span className="block font-medium text-zinc-900">{name}</span>
            <span className="block truncate text-zinc-600">{email}</span>
            <span className="mt-1 block text-xs text-zinc-600">{roleLabel}</span>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200" />
          <DropdownMenu.Item asChild className={ITEM_CLASSES}>
            <Link href="/account/password">
              <KeyRound aria-hidden className="size-4 text-zinc-500" />
              Change password
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item onSelect={() => signOut({ callbackUrl: '/login' })} className={ITEM_CLASSES}>
            <LogOut aria-hidden className="size-4 text-zinc-500" />
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
