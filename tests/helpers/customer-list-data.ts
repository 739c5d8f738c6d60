import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { queryRows } from '@/db/rows';
import { seedDatabase } from '@/db/seed';

export const LIST_TEST_PASSWORD = 'customer-list-test-password';

/**
 * The seeded demo workspace plus what the seed does not make but the list must handle: risk scores for most
 * customers, accounts nobody owns, a loyalty tier the tier table does not know, boolean and null attributes, and
 * names with LIKE wildcards and ties, and customers never active.
 */
export async function seedListWorkspace(db: Database, customers = 240): Promise<void> {
  await seedDatabase(db, { customers, seed: 11, asOf: Date.UTC(2026, 5, 1), password: LIST_TEST_PASSWORD });
  await db.execute(sql`insert into risk_scores (customer_id, score, band)
    select id, (id * 37) % 100, case when (id * 37) % 100 < 40 then 'healthy' when (id * 37) % 100 < 60 then 'watch'
      when (id * 37) % 100 < 80 then 'at_risk' else 'critical' end::risk_band
    from customers where id % 5 <> 0`);
  await db.execute(sql`update customers set owner_id = null where id % 13 = 0`);
  await db.execute(sql`update customers set loyalty_tier = 'diamond' where id % 29 = 0`);
  await db.execute(
    sql`update customers set attributes = attributes || jsonb_build_object('vip', id % 3 = 0) where id % 2 = 0`,
  );
  await db.execute(
    sql`update customers set attributes = attributes || '{"region_code": null}'::jsonb where id % 7 = 0`,
  );
  await db.execute(sql`update customers set name = 'Tied Name', company = 'Tied Co' where id % 31 = 0`);
  await db.execute(sql`update customers set name = '50% Off Store' where id = 3`);
  await db.execute(sql`update customer_activity set last_activity_at = null where customer_id % 17 = 0`);
  await db.execute(sql`analyze`);
}

export type CustomerFacts = {
  id: number;
  external_id: string;
  name: string;
  email: string | null;
  company: string | null;
  segment: string | null;
  plan: string | null;
  country: string | null;
  owner_id: number | null;
  lifecycle_stage: string;
  loyalty_tier: string | null;
  mrr_cents: number;
  last_activity_at: Date | null;
  acquired_at: Date | null;
  churned_at: Date | null;
  attributes: Record<string, unknown>;
  band: string | null;
};

/** Every customer with its risk band, to compute expected results in plain JavaScript. */
export async function allCustomers(db: Database): Promise<CustomerFacts[]> {
  const rows = await queryRows<CustomerFacts>(
    db,
    sql`select c.id::int as id, c.external_id, c.name, c.email, c.company, c.segment, c.plan, c.country, c.owner_id, c.lifecycle_stage::text,
      c.loyalty_tier, c.mrr_cents::int as mrr_cents, a.last_activity_at, c.acquired_at, c.churned_at, c.attributes, r.band::text as band
      from customers c left join risk_scores r on r.customer_id = c.id left join customer_activity a on a.customer_id = c.id order by c.id`,
  );
  return rows.map((r) => ({
    ...r,
    last_activity_at: r.last_activity_at && new Date(r.last_activity_at),
    acquired_at: r.acquired_at && new Date(r.acquired_at),
    churned_at: r.churned_at && new Date(r.churned_at),
  }));
}
