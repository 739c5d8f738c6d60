import { NextResponse } from 'next/server';
import { NO_STORE, permittedRoute } from '@/server/route';
import { exportCustomerPersonalData } from '@/server/services/customer-export';

export const dynamic = 'force-dynamic';

/**
 * GET /api/customers/:id/personal-data: everything about one customer as a JSON download (admins; an LGPD/GDPR
 * access request). The service checks the permission again and writes the audit row.
 */
export const GET = permittedRoute<{ id: string }>('customers.exportPersonalData', async ({ ctx, params }) => {
  const document = await exportCustomerPersonalData({ ctx, input: { customerId: params.id } });
  const name = `holdfast-customer-${document.customer.externalId ?? params.id}-personal-data.json`.replace(
    /[^A-Za-z0-9._-]/g,
    '_',
  );
  return new NextResponse(JSON.stringify(document, null, 2), {
    headers: {
      ...NO_STORE,
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
    },
  });
});
