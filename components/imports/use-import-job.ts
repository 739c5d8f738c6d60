'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { ImportJobDetailDTO, ImportJobStatus } from '@/server/queries/import-jobs';

const POLL_MS = 1_000;
const RETRY_MS = 3_000;

export function isActive(status: ImportJobStatus): boolean {
  return status === 'running' || status === 'pending';
}

/**
 * Follows an import job (none: null) by polling its status route while it runs. When it ends, the page's server
 * components are refreshed so that the history beside it shows the outcome too.
 */
export function useImportJob(jobId: number | null, initial: ImportJobDetailDTO | null = null) {
  const router = useRouter();
  const [job, setJob] = useState<ImportJobDetailDTO | null>(initial);
  // Kept with the job they are about, so that a switch to another job never shows the last one's state.
  const [problem, setProblem] = useState<{ jobId: number; message: string } | null>(null);

  useEffect(() => {
    if (jobId === null || (initial && !isActive(initial.status))) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let wasActive = !!initial;

    async function poll() {
      try {
        const response = await fetch(`/api/imports/jobs/${jobId}`, { cache: 'no-store' });
        const body = await response.json().catch(() => null);
        if (stopped) return;
        if (!response.ok) {
          setProblem({
            jobId: jobId!,
            message:
              (body as { error?: string } | null)?.error ?? `Could not load the import (HTTP ${response.status}).`,
          });
          // A server hiccup is retried; a refusal (signed out, no permission, no such job) is final.
          if (response.status >= 500) timer = setTimeout(poll, RETRY_MS);
          return;
        }
        const next = body as ImportJobDetailDTO;
        setJob(next);
        setProblem(null);
        if (isActive(next.status)) {
          wasActive = true;
          timer = setTimeout(poll, POLL_MS);
        } else if (wasActive || !initial) {
          router.refresh();
        }
      } catch {
        if (stopped) return;
        setProblem({ jobId: jobId!, message: 'Lost contact with the server; trying again…' });
        timer = setTimeout(poll, RETRY_MS);
      }
    }

    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, initial, router]);

  const current = jobId !== null && job?.id === jobId ? job : null;
  return {
    job: current,
    problem: problem && problem.jobId === jobId ? problem.message : null,
    active: jobId !== null && (current ? isActive(current.status) : !problem),
  };
}
