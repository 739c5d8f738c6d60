'use client';

import { useRef, useState } from 'react';
import { formatBytes } from '@/lib/format';
import type { UploadDTO } from '@/server/services/import-uploads';

export type UploadState =
  | { status: 'idle' }
  | { status: 'uploading'; filename: string; loaded: number; total: number }
  | { status: 'failed'; message: string };

/**
 * Sends a file as the raw body of one request. XMLHttpRequest rather than fetch: only it reports upload progress,
 * which a large file needs. The server checks everything again; the size check here only saves a pointless upload.
 */
export function useUpload({ maxBytes, onUploaded }: { maxBytes: number; onUploaded: (upload: UploadDTO) => void }) {
  const [state, setState] = useState<UploadState>({ status: 'idle' });
  const request = useRef<XMLHttpRequest | null>(null);

  function upload(file: File) {
    if (file.size > maxBytes) {
      setState({
        status: 'failed',
        message: `${file.name} is ${formatBytes(file.size)}; an import accepts up to ${formatBytes(maxBytes)}. Split it into smaller files.`,
      });
      return;
    }
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open('POST', '/api/imports/uploads');
    xhr.responseType = 'json';
    xhr.setRequestHeader('content-type', 'text/csv');
    // Header values are ASCII: the name travels percent-encoded.
    xhr.setRequestHeader('x-filename', encodeURIComponent(file.name));
    const progress = (loaded: number) =>
      setState({ status: 'uploading', filename: file.name, loaded, total: file.size });
    xhr.upload.onprogress = (event) => progress(event.loaded);
    xhr.onload = () => {
      request.current = null;
      if (xhr.status === 201) {
        setState({ status: 'idle' });
        onUploaded(xhr.response as UploadDTO);
      } else {
        const message = (xhr.response as { error?: string } | null)?.error;
        setState({ status: 'failed', message: message ?? `The upload failed (HTTP ${xhr.status}). Try again.` });
      }
    };
    xhr.onerror = () => {
      request.current = null;
      setState({ status: 'failed', message: 'The upload was interrupted. Check the connection and try again.' });
    };
    xhr.onabort = () => {
      request.current = null;
      setState({ status: 'idle' });
    };
    progress(0);
    xhr.send(file);
  }

  return { state, upload, cancel: () => request.current?.abort() };
}
