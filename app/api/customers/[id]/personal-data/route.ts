import { NextResponse } from 'next/server';
import { routeContext } from '@/server/auth/route-context';
import { toHttpError } from '@/server/errors';
import { exportCustomerPersonalData } from '@/server/services/customer-export';

export const dynamic = 'force-dynamic';

/**
 * GET /api/customers/:id/personal-data: everything about one customer as a JSON download (admins; an LGPD/GDPR
 * access request). The service checks the permission and writes the audit row.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const ctx = await routeContext();
    const { id } = await params;
    const document = await exportCustomerPersonalData({ ctx, input: { customerId: id } });
    const name = `holdfast-customer-${document.customer.externalId ?? id}-personal-data.json`.replace(/[^A-Za-z0-9._-]/g, '_');
    return new NextResponse(JSON.stringify(document, null, 2), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return NextResponse.json(body, { status });
  }
}
