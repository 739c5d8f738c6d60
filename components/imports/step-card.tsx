import type { ReactNode } from 'react';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';

type StepCardProps = { step: number; title: string; description?: ReactNode; aside?: ReactNode; children: ReactNode };

/** One numbered step of the import page: the steps read top to bottom in the order they are done. */
export function StepCard({ step, title, description, aside, children }: StepCardProps) {
  const id = `import-step-${step}`;
  return (
    <Card role="region" aria-labelledby={id}>
      <CardHeader className="flex items-start justify-between gap-4">
        <div className="flex items-start gap-3">
          <span
            aria-hidden
            className="grid size-6 shrink-0 place-items-center rounded-full bg-accent-700 text-xs font-semibold text-white"
          >
            {step}
          </span>
          <div>
            <CardTitle id={id}>{title}</CardTitle>
            {description && <CardDescription>{description}</CardDescription>}
          </div>
        </div>
        {aside}
      </CardHeader>
      {children}
    </Card>
  );
}
