import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { customerActivity, riskScores } from '@/db/schema';

/**
 * `<table> where <customer_id> = <the outer customer>`, for correlated subqueries over the customers table. The
 * outer id is written table-qualified on purpose: drizzle leaves columns unqualified in single-table selects, and an
 * unqualified "id" inside the subquery would bind to the inner table if it ever had such a column.
 */
function ofOuterCustomer(table: PgTable, customerId: AnyColumn): SQL {
  return sql`${table} where ${customerId} = ${sql.identifier('customers')}.${sql.identifier('id')}`;
}

export const riskOfOuterCustomer = ofOuterCustomer(riskScores, riskScores.customerId);
export const activityOfOuterCustomer = ofOuterCustomer(customerActivity, customerActivity.customerId);
