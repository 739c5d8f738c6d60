'use client';

import Form from 'next/form';
import { useRef, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/cn';
import { TIMELINE_KIND_LABELS, TIMELINE_KINDS, type TimelineKind } from '@/lib/timeline/items';

const subscribeToNothing = () => () => {};

type TimelineFiltersProps = { action: string; selected: TimelineKind[] };

/**
 * Which kinds the timeline shows, as a GET form: the choice lives in the URL (`type`), a change reloads the list from
 * the newest item. With JavaScript a box applies as soon as it is ticked; without, the Apply button does.
 */
export function TimelineFilters({ action, selected }: TimelineFiltersProps) {
  const formRef = useRef<HTMLFormElement>(null);
  // False in the server's HTML, true once hydrated: the Apply button is only for browsers without JavaScript.
  const interactive = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  const all = selected.length === TIMELINE_KINDS.length;
  return (
    <Form ref={formRef} action={action} scroll={false} className="flex flex-wrap items-center gap-2">
      <fieldset className="contents">
        <legend className="sr-only">Show in the timeline</legend>
        {TIMELINE_KINDS.map((kind) => {
          const checked = !all && selected.includes(kind);
          return (
            <label
              key={kind}
              className={cn(
                'inline-flex cursor-pointer items-center gap-1.5 rounded-full border px-3 py-1 text-xs font-medium select-none has-focus-visible:outline-2 has-focus-visible:outline-accent-700',
                checked
                  ? 'border-accent-700 bg-accent-50 text-accent-900'
                  : 'border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50',
              )}
            >
              <input
                type="checkbox"
                name="type"
                value={kind}
                defaultChecked={checked}
                onChange={() => formRef.current?.requestSubmit()}
                className="size-3.5 accent-accent-700"
              />
              {TIMELINE_KIND_LABELS[kind]}
            </label>
          );
        })}
      </fieldset>
      {!all && (
        <a href={action} className="text-xs font-medium text-accent-800 hover:underline">
          Show everything
        </a>
      )}
      {!interactive && (
        <Button type="submit" variant="secondary" size="sm">
          Apply
        </Button>
      )}
    </Form>
  );
}
