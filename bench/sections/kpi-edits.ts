import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { refreshRollups } from '@/db/queries/metrics/refresh';
import { queryRows } from '@/db/rows';

const idArray = (ids: readonly number[]) => sql`${`{${ids.join(',')}}`}::bigint[]`;

/**
 * An edit of up to `size` paying customers, a different set each round and spread over all of them whatever their
 * number: half get a new MRR this month (a subscription row), half a new owner. Returns how many were edited and
 * the edit's undo (which refreshes the rollups again).
 */
export async function editCustomers(
  db: Database,
  round: number,
  size: number,
): Promise<{ edited: number; undo: () => Promise<void> }> {
  const [{ paying }] = await queryRows<{ paying: number }>(
    db,
    sql`select count(*)::int as paying from customers where mrr_cents > 0`,
  );
  const stride = Math.max(1, Math.floor(paying / size));
  const picked = await queryRows<{ id: string; owner_id: string | null; mrr_cents: string }>(
    db,
    sql`select id::text, owner_id::text, mrr_cents::text
        from (select id, owner_id, mrr_cents, row_number() over (order by id) - 1 as k from customers where mrr_cents > 0) c
        where k % ${stride} = ${round % stride} order by id limit ${size}`,
  );
  const half = Math.ceil(picked.length / 2);
  const [subscribers, moved] = [picked.slice(0, half), picked.slice(half)];
  const [owner] = await queryRows<{ id: string }>(
    db,
    sql`select id::text from users where role = 'csm' order by id limit 1`,
  );
  const at = new Date();
  await db.transaction(async (tx) => {
    for (const c of subscribers)
      await tx.execute(
        sql`insert into subscriptions (customer_id, effective_at, mrr_cents) values (${c.id}, ${at}, ${Number(c.mrr_cents) + 1_000})`,
      );
    if (owner)
      await tx.execute(
        sql`update customers set owner_id = ${owner.id} where id = any(${idArray(moved.map((c) => Number(c.id)))})`,
      );
  });
  return {
    edited: picked.length,
    undo: async () => {
      await db.transaction(async (tx) => {
        await tx.execute(
          sql`delete from subscriptions where effective_at = ${at} and customer_id = any(${idArray(subscribers.map((c) => Number(c.id)))})`,
        );
        for (const c of moved) await tx.execute(sql`update customers set owner_id = ${c.owner_id} where id = ${c.id}`);
      });
      await refreshRollups(db);
    },
  };
}
