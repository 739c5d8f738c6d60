import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/rows';

type Definition = { kind: 'index' | 'constraint' | 'foreign_key'; table: string; name: string; definition: string };

/**
 * For a bulk load into empty tables on PostgreSQL: drops the tables' secondary indexes, unique constraints and foreign
 * keys, and returns what rebuilds them exactly as they were (definitions read from the catalog, so they cannot drift
 * from the migrations). Building an index once by sorting, and checking a foreign key with one join, is several times
 * cheaper than maintaining them row by row. Primary keys stay, as do constraints another table's foreign key needs.
 * Run inside the load's transaction: if the load fails, the drops roll back with it.
 */
export async function deferIndexes(tx: Executor, tables: readonly string[]): Promise<() => Promise<void>> {
  const names = sql.join(
    tables.map((t) => sql`${t}`),
    sql`, `,
  );
  const definitions = await queryRows<Definition>(
    tx,
    sql`select 'foreign_key' as kind, c.conrelid::regclass::text as "table", c.conname as name, pg_get_constraintdef(c.oid) as definition
          from pg_constraint c
         where c.contype = 'f' and c.conrelid::regclass::text in (${names})
        union all
        select 'constraint', c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
          from pg_constraint c
         where c.contype = 'u' and c.conrelid::regclass::text in (${names})
           and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid)
        union all
        select 'index', i.indrelid::regclass::text, x.relname::text, pg_get_indexdef(i.indexrelid)
          from pg_index i join pg_class x on x.oid = i.indexrelid
         where i.indrelid::regclass::text in (${names})
           and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
  );
  for (const d of definitions) {
    if (d.kind === 'index') await tx.execute(sql`drop index ${sql.identifier(d.name)}`);
    else await tx.execute(sql`alter table ${sql.identifier(d.table)} drop constraint ${sql.identifier(d.name)}`);
  }
  return async () => {
    // Room to sort each index in memory, for this transaction only.
    await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
    const order = { index: 0, constraint: 0, foreign_key: 1 };
    for (const d of [...definitions].sort((a, b) => order[a.kind] - order[b.kind])) {
      if (d.kind === 'index') await tx.execute(sql.raw(d.definition));
      else
        await tx.execute(
          sql`alter table ${sql.identifier(d.table)} add constraint ${sql.identifier(d.name)} ${sql.raw(d.definition)}`,
        );
    }
  };
}
