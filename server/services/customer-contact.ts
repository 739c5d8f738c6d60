import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { customers } from '@/db/schema';
import { updateContactSchema, type UpdateContactInput } from '@/lib/validation/customer-work';
import { writeAudit } from '../audit';
import { assertCan, type ServiceContext } from '../context';
import { ConflictError } from '../errors';
import { parseInput } from '../validate';
import { CUSTOMER_CONFLICT, assertNotErased, lockCustomer } from './work-records';

const contactColumns = {
  id: customers.id,
  email: customers.email,
  phone: customers.phone,
  consentEmail: customers.consentEmail,
  consentSms: customers.consentSms,
  consentPush: customers.consentPush,
  preferredChannel: customers.preferredChannel,
  version: customers.version,
};

export type CustomerContact = { [K in keyof typeof contactColumns]: (typeof customers.$inferSelect)[K] };

const auditView = ({ id: _id, version: _version, ...contact }: CustomerContact) => contact;

/**
 * Email, phone, consent per channel and the preferred channel. Outreach reads the consent flags before every send
 * (docs/lifecycle-and-outreach.md), so who changed them and when is in the audit log.
 */
export async function updateCustomerContact({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: UpdateContactInput;
}): Promise<CustomerContact> {
  assertCan(ctx.actor, 'customers.updateContact');
  const data = parseInput(updateContactSchema, input);
  return ctx.db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, data.customerId);
    assertCan(ctx.actor, 'customers.updateContact', { ownerId: customer.ownerId });
    if (customer.version !== data.version) throw new ConflictError(CUSTOMER_CONFLICT);
    assertNotErased(customer);
    const [before] = await tx.select(contactColumns).from(customers).where(eq(customers.id, customer.id));
    const [after] = await tx
      .update(customers)
      .set({
        email: data.email,
        phone: data.phone,
        consentEmail: data.consentEmail,
        consentSms: data.consentSms,
        consentPush: data.consentPush,
        preferredChannel: data.preferredChannel,
        version: sql`${customers.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(customers.id, customer.id))
      .returning(contactColumns);
    await writeAudit(tx, ctx.actor, {
      action: 'customer.updateContact',
      entityType: 'customer',
      entityId: customer.id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}
