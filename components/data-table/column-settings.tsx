'use client';

import { ArrowDown, ArrowUp, Columns3 } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { Checkbox } from './checkbox';

export type ColumnChoice = { id: string; label: string };

type ColumnSettingsProps = {
  /** Movable columns in their current order. */
  columns: ColumnChoice[];
  visible: string[];
  onApply: (visibleInOrder: string[] | null) => void;
};

/** Which columns show and in what order; Apply puts the choice in the URL (Reset drops it, back to the defaults). */
export function ColumnSettings({ columns, visible, onApply }: ColumnSettingsProps) {
  const [open, setOpen] = useState(false);
  const [order, setOrder] = useState(columns);
  const [shown, setShown] = useState(() => new Set(visible));

  function reopen(next: boolean) {
    if (next) {
      setOrder(columns);
      setShown(new Set(visible));
    }
    setOpen(next);
  }

  function move(index: number, by: -1 | 1) {
    setOrder((current) => {
      const next = [...current];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });
  }

  function toggle(id: string, on: boolean) {
    setShown((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  return (
    <Dialog open={open} onOpenChange={reopen}>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <Columns3 aria-hidden /> Columns
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Columns"
        description="Choose the columns to show and their order. The name always comes first."
      >
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200">
          {order.map((column, index) => {
            const id = `column-${column.id}`;
            return (
              <li key={column.id} className="flex items-center gap-3 px-3 py-2">
                <Checkbox
                  id={id}
                  checked={shown.has(column.id)}
                  onChange={(e) => toggle(column.id, e.currentTarget.checked)}
                />
                <label htmlFor={id} className="flex-1 text-sm text-zinc-800">
                  {column.label}
                </label>
                <Button
                  variant="ghost"
                  size="sm"
                  className="px-2"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={`Move ${column.label} up`}
                >
                  <ArrowUp aria-hidden />
                </Button>
                <Button
                  variant="ghost"
                  size="sm"
                  className="px-2"
                  disabled={index === order.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={`Move ${column.label} down`}
                >
                  <ArrowDown aria-hidden />
                </Button>
              </li>
            );
          })}
        </ul>
        <DialogFooter>
          <Button variant="ghost" onClick={() => (setOpen(false), onApply(null))}>
            Reset to default
          </Button>
          <Button onClick={() => (setOpen(false), onApply(order.filter((c) => shown.has(c.id)).map((c) => c.id)))}>
            Apply
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
