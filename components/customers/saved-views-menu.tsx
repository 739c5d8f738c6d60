'use client';

import { Bookmark, BookmarkPlus, ChevronDown, Pencil, Trash2, Users } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Checkbox } from '@/components/data-table/checkbox';
import { ActionDialog } from '@/components/forms/action-dialog';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Menu, MenuContent, MenuItem, MenuLabel, MenuSeparator, MenuTrigger } from '@/components/ui/menu';
import { createViewAction, deleteViewAction, renameViewAction } from '@/app/(app)/customers/actions';
import type { SavedViewDTO } from '@/server/services/saved-views';

type Preset = { label: string; href: string; active: boolean };

type SavedViewsMenuProps = {
  views: SavedViewDTO[];
  active: SavedViewDTO | null;
  presets: Preset[];
  /** The list's state now, as a view would keep it. */
  currentSearch: string;
  canSave: boolean;
  canShare: boolean;
};

const viewHref = (view: SavedViewDTO) => `/customers?view=${view.id}`;

/** Built-in lists, the reader's views and the shared ones; saving the current state, renaming and deleting a view. */
export function SavedViewsMenu({ views, active, presets, currentSearch, canSave, canShare }: SavedViewsMenuProps) {
  const router = useRouter();
  const [dialog, setDialog] = useState<'save' | 'rename' | 'delete' | null>(null);
  const own = views.filter((v) => !v.shared || v.editable);
  const shared = views.filter((v) => v.shared && !v.editable);
  const current = active?.name ?? presets.find((p) => p.active)?.label ?? 'Views';
  const dialogProps = (kind: 'save' | 'rename' | 'delete') => ({
    open: dialog === kind,
    onOpenChange: (open: boolean) => setDialog(open ? kind : null),
  });

  return (
    <>
      <Menu>
        <MenuTrigger asChild>
          <Button variant="secondary" aria-label={`Views: ${current}`}>
            <Bookmark aria-hidden /> <span className="max-w-48 truncate">{current}</span> <ChevronDown aria-hidden />
          </Button>
        </MenuTrigger>
        <MenuContent align="start">
          {presets.map((p) => (
            <MenuItem key={p.href} asChild>
              <Link href={p.href} aria-current={p.active ? 'page' : undefined}>
                {p.label}
              </Link>
            </MenuItem>
          ))}
          {own.length > 0 && (
            <>
              <MenuSeparator />
              <MenuLabel>Your views</MenuLabel>
              {own.map((v) => (
                <MenuItem key={v.id} asChild>
                  <Link href={viewHref(v)} aria-current={v.id === active?.id ? 'page' : undefined}>
                    {v.shared ? <Users aria-label="Shared" /> : <Bookmark aria-hidden />} {v.name}
                  </Link>
                </MenuItem>
              ))}
            </>
          )}
          {shared.length > 0 && (
            <>
              <MenuSeparator />
              <MenuLabel>Shared views</MenuLabel>
              {shared.map((v) => (
                <MenuItem key={v.id} asChild>
                  <Link href={viewHref(v)} aria-current={v.id === active?.id ? 'page' : undefined}>
                    <Users aria-hidden /> {v.name} <span className="ml-auto text-xs text-zinc-500">{v.ownerName}</span>
                  </Link>
                </MenuItem>
              ))}
            </>
          )}
          {canSave && (
            <>
              <MenuSeparator />
              <MenuItem onSelect={() => setDialog('save')}>
                <BookmarkPlus /> Save current view…
              </MenuItem>
              {active?.editable && (
                <>
                  <MenuItem onSelect={() => setDialog('rename')}>
                    <Pencil /> Rename “{active.name}”…
                  </MenuItem>
                  <MenuItem onSelect={() => setDialog('delete')}>
                    <Trash2 /> Delete “{active.name}”…
                  </MenuItem>
                </>
              )}
            </>
          )}
        </MenuContent>
      </Menu>

      <ActionDialog
        {...dialogProps('save')}
        title="Save view"
        description="Keeps these filters, the sort and the columns under a name, to open again from the Views menu or its link."
        submitLabel="Save view"
        pendingLabel="Saving…"
        action={createViewAction}
        onSuccess={(result) => result.data && router.push(`/customers?view=${result.data.id}`)}
      >
        {(errors) => (
          <>
            <input type="hidden" name="search" value={currentSearch} />
            <Field name="name" id="view-name" label="Name" errors={errors.name}>
              {(control) => <Input {...control} maxLength={80} autoFocus placeholder="e.g. Enterprise at risk" />}
            </Field>
            {canShare && (
              <div className="flex items-start gap-2">
                <Checkbox id="view-shared" name="shared" className="mt-0.5" />
                <label htmlFor="view-shared" className="text-sm text-zinc-800">
                  Share with everyone in the workspace
                  <span className="block text-xs text-zinc-600">
                    “Me” in a shared view means each viewer’s own accounts.
                  </span>
                </label>
              </div>
            )}
          </>
        )}
      </ActionDialog>

      {active?.editable && (
        <>
          <ActionDialog
            {...dialogProps('rename')}
            title="Rename view"
            submitLabel="Rename"
            pendingLabel="Renaming…"
            action={renameViewAction}
            onSuccess={() => undefined}
          >
            {(errors) => (
              <>
                <input type="hidden" name="viewId" value={active.id} />
                <Field name="name" id="rename-view-name" label="Name" errors={errors.name}>
                  {(control) => <Input {...control} maxLength={80} defaultValue={active.name} autoFocus />}
                </Field>
              </>
            )}
          </ActionDialog>
          <ActionDialog
            {...dialogProps('delete')}
            title="Delete view"
            description={`“${active.name}” will no longer be in the Views menu${active.shared ? ' of anyone in the workspace' : ''}. Its link will open the plain list.`}
            submitLabel="Delete view"
            pendingLabel="Deleting…"
            tone="danger"
            action={deleteViewAction}
            onSuccess={() => router.push(`/customers${currentSearch}`)}
          >
            {() => <input type="hidden" name="viewId" value={active.id} />}
          </ActionDialog>
        </>
      )}
    </>
  );
}
