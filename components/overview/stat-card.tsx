import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';

type StatCardProps = { label: string; value: ReactNode; detail?: ReactNode };

export function StatCard({ label, value, detail }: StatCardProps) {
  return (
    <Card className="px-5 py-4">
      <dt className="text-sm font-medium text-zinc-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight text-zinc-900 tabular-nums">{value}</dd>
      {detail && <dd className="mt-1 text-xs text-zinc-600">{detail}</dd>}
    </Card>
  );
}
