import { NextResponse } from 'next/server';
import { assertSameOrigin, NO_STORE, permittedRoute } from '@/server/route';
import { uploadImportFile } from '@/server/services/import-uploads';

/**
 * Receives a CSV file as the raw request body (not multipart), streamed to disk. The browser sends the file's name
 * percent-encoded in X-Filename, for display only. This path is left out of the proxy (proxy.ts), which would
 * otherwise buffer the whole body in memory first.
 */
export const POST = permittedRoute('imports.run', async ({ ctx, request }) => {
  assertSameOrigin(request);
  const length = request.headers.get('content-length');
  const upload = await uploadImportFile({
    ctx,
    input: {
      body: request.body,
      filename: request.headers.get('x-filename'),
      declaredBytes: length === null ? null : Number(length),
    },
  });
  return NextResponse.json(upload, { status: 201, headers: NO_STORE });
});
