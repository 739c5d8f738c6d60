'use client';

import * as Popover from '@radix-ui/react-popover';
import { ArrowRight, Info, X } from 'lucide-react';
import { KpiLink } from './kpi-link';
import type { FormulaInfo } from './formula-info';

/**
 * "How is this calculated?": the formula, the values of its inputs for the period and links to the customers behind
 * it. A button, so that keyboard and screen-reader users reach it like everyone else; Radix handles focus and Escape.
 */
export function FormulaPopover({ info, label }: { info: FormulaInfo; label?: string }) {
  return (
    <Popover.Root>
      <Popover.Trigger
        aria-label={label ?? `How ${info.title} is calculated`}
        className="grid size-7 shrink-0 place-items-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-accent-700 data-[state=open]:bg-accent-50 data-[state=open]:text-accent-800"
      >
        <Info aria-hidden className="size-4" />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          collisionPadding={12}
          aria-label={`${info.title}: formula and inputs`}
          className="z-50 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-zinc-200 bg-white p-4 text-sm shadow-lg"
        >
          <div className="flex items-start justify-between gap-3">
            <p className="font-semibold text-zinc-900">{info.title}</p>
            <Popover.Close
              aria-label="Close"
              className="-mt-1 -mr-1 rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800"
            >
              <X aria-hidden className="size-4" />
            </Popover.Close>
          </div>
          <p className="mt-2 rounded-md bg-zinc-50 px-2.5 py-1.5 font-mono text-xs text-zinc-800" data-testid="formula">
            {info.formula}
          </p>
          {info.terms.length > 0 && (
            <dl className="mt-3 space-y-1">
              {info.terms.map((term) => (
                <div key={term.label} className="flex justify-between gap-3">
                  <dt className="text-zinc-600">{term.label}</dt>
                  <dd className="font-medium text-zinc-900 tabular-nums">{term.value}</dd>
                </div>
              ))}
              <div className="flex justify-between gap-3 border-t border-zinc-200 pt-1">
                <dt className="font-medium text-zinc-800">{info.title}</dt>
                <dd className="font-semibold text-zinc-900 tabular-nums">{info.value}</dd>
              </div>
            </dl>
          )}
          {info.basis && <p className="mt-3 text-xs text-zinc-600">{info.basis}</p>}
          {info.note && <p className="mt-2 text-xs text-zinc-600">{info.note}</p>}
          {info.drilldowns.length > 0 && (
            <div className="mt-3 border-t border-zinc-200 pt-3">
              <p className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Customers behind it</p>
              <ul className="mt-1.5 space-y-1">
                {info.drilldowns.map((d) => (
                  <li key={d.href}>
                    <KpiLink
                      href={d.href}
                      className="inline-flex items-center gap-1 font-medium text-accent-800 hover:underline"
                    >
                      {d.label}
                      <ArrowRight aria-hidden className="size-3.5" />
                    </KpiLink>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
