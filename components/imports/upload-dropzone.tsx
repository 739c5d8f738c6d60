'use client';

import { FileUp } from 'lucide-react';
import { useState, type DragEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ProgressBar } from '@/components/ui/progress-bar';
import { cn } from '@/lib/cn';
import { formatBytes } from '@/lib/format';
import type { UploadDTO } from '@/server/services/import-uploads';
import { useUpload } from './use-upload';

type UploadDropzoneProps = { maxBytes: number; onUploaded: (upload: UploadDTO) => void };

/** Choose or drop one CSV file; it uploads at once, with progress, and can be cancelled. */
export function UploadDropzone({ maxBytes, onUploaded }: UploadDropzoneProps) {
  const { state, upload, cancel } = useUpload({ maxBytes, onUploaded });
  const [dragging, setDragging] = useState(false);

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) upload(file);
  }

  if (state.status === 'uploading') {
    return (
      <div className="rounded-lg border border-zinc-200 bg-zinc-50 px-5 py-6">
        <div className="mb-2 flex items-center justify-between gap-3 text-sm">
          <span className="truncate font-medium text-zinc-900">Uploading {state.filename}</span>
          <span className="shrink-0 text-zinc-600 tabular-nums">
            {formatBytes(state.loaded)} of {formatBytes(state.total)}
          </span>
        </div>
        <ProgressBar
          value={state.total ? state.loaded / state.total : null}
          label="Upload progress"
          valueText={`${formatBytes(state.loaded)} of ${formatBytes(state.total)}`}
        />
        <Button variant="ghost" size="sm" className="mt-3" onClick={cancel}>
          Cancel upload
        </Button>
      </div>
    );
  }

  return (
    <div className="space-y-3">
      {state.status === 'failed' && <Alert tone="error">{state.message}</Alert>}
      <label
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={cn(
          'flex cursor-pointer flex-col items-center rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-accent-700',
          dragging
            ? 'border-accent-600 bg-accent-50'
            : 'border-zinc-300 bg-white hover:border-zinc-400 hover:bg-zinc-50',
        )}
      >
        <FileUp aria-hidden className="size-8 text-zinc-400" />
        <span className="mt-3 text-sm font-semibold text-zinc-900">Drop a CSV file here, or choose one</span>
        <span className="mt-1 text-sm text-zinc-600">
          UTF-8 text, comma, semicolon, tab or pipe separated, up to {formatBytes(maxBytes)}.
        </span>
        <input
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
          aria-label="CSV file"
          className="sr-only"
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared so that choosing the same file again (after fixing it) uploads it again.
            event.target.value = '';
            if (file) upload(file);
          }}
        />
      </label>
    </div>
  );
}
