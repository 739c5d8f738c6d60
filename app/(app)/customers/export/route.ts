import { PassThrough, Readable } from 'node:stream';
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { customerFilterSchema } from '@/lib/validation/customer-filters';
import { parseCustomerListQuery, searchParamsOf } from '@/lib/validation/customer-list';
import { recordRefusal } from '@/server/auth/refusals';
import { getSessionUser, userActor } from '@/server/auth/session';
import { ForbiddenError, toHttpError, UnauthenticatedError, ValidationError } from '@/server/errors';
import { resolveListFilter } from '@/server/services/customer-list';
import { streamExport } from '@/server/services/exports';

export const dynamic = 'force-dynamic';

/**
 * The customer list as CSV: the same URL parameters as /customers (so exactly the filtered customers), or only the
 * ticked rows with `ids=1,2,3`. Streamed page by page, whatever the size.
 */
export async function GET(request: NextRequest) {
  try {
    const user = await getSessionUser();
    if (!user) throw new UnauthenticatedError();
    if (!can(user, 'customers.read')) throw new ForbiddenError('customers.read');
    const params = searchParamsOf(request.nextUrl.search);
    const { query, ignored } = parseCustomerListQuery(params);
    // The list shows what it could not read; an export must not silently include more than the user asked for.
    if (ignored.length) throw new ValidationError({ filter: ignored });
    const actor = userActor(user);
    const ids = params.ids === undefined ? undefined : [params.ids].flat().join(',').split(',').filter(Boolean);
    const filter = customerFilterSchema.safeParse({ ...resolveListFilter(query.filter, actor), ids });
    if (!filter.success) throw new ValidationError({ ids: ['Select customers by their ids.'] });

    const out = new PassThrough();
    const ctx = { db: await getDb(), actor };
    streamExport({ ctx, input: { what: 'customers', format: 'csv', filter: filter.data, out } }).then(
      () => out.end(),
      (error) => {
        console.error('[export] customers export failed', error);
        out.destroy(error as Error);
      },
    );
    const day = new Date().toISOString().slice(0, 10);
    return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="customers-${day}.csv"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    await recordRefusal(error, await getSessionUser().catch(() => null), { route: request });
    const { status, body } = toHttpError(error);
    return Response.json(body, { status });
  }
}
