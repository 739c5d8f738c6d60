'use client';

import { TriangleAlert } from 'lucide-react';
import { Button } from '@/components/ui/button';

/** Unexpected failures: a plain message and a retry; the details stay in the server log, found by the digest. */
export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <div className="grid min-h-[50vh] place-items-center px-4 py-16">
      <div className="max-w-md text-center">
        <TriangleAlert aria-hidden className="mx-auto size-10 text-amber-600" />
        <h1 className="mt-4 text-xl font-semibold tracking-tight text-zinc-900">Something went wrong</h1>
        <p className="mt-2 text-sm text-zinc-600">
          This page could not be loaded. Nothing you saved was lost. Try again; if it keeps happening, tell your admin
          {digest ? (
            <>
              {' '}
              and quote the reference <code className="font-mono text-zinc-800">{digest}</code>
            </>
          ) : null}
          .
        </p>
        <Button className="mt-6" onClick={() => retry()}>
          Try again
        </Button>
      </div>
    </div>
  );
}
