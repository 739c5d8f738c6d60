import type { LucideIcon } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';

type StatusPageProps = { icon: LucideIcon; title: string; message: string };

/** The body of the 403 and 404 pages: what happened and the way back to the overview. */
export function StatusPage({ icon: Icon, title, message }: StatusPageProps) {
  return (
    <div className="grid min-h-[60vh] place-items-center px-4 py-16">
      <div className="max-w-md text-center">
        <Icon aria-hidden className="mx-auto size-10 text-zinc-400" />
        <h1 className="mt-4 text-xl font-semibold tracking-tight text-zinc-900">{title}</h1>
        <p className="mt-2 text-sm text-zinc-600">{message}</p>
        <Button asChild className="mt-6">
          <Link href="/">Back to Overview</Link>
        </Button>
      </div>
    </div>
  );
}
