import type { ReactNode } from 'react';

/** A titled part of the KPI page; the id is a link target ("#cohorts"). */
export function KpiSection({
  id,
  title,
  description,
  action,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-20">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id={`${id}-heading`} className="text-base font-semibold text-zinc-900">
            {title}
          </h2>
          {description && <p className="mt-0.5 max-w-3xl text-sm text-zinc-600">{description}</p>}
        </div>
        {action}
      </div>
      {children}
    </section>
  );
}
