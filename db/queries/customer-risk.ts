import { sql } from 'drizzle-orm';
import { riskScores } from '@/db/schema';

/**
 * `risk_scores where customer_id = <the outer customer>`, for correlated subqueries over the customers table. The
 * outer id is written table-qualified on purpose: drizzle leaves columns unqualified in single-table selects, and an
 * unqualified "id" inside the subquery would bind to risk_scores if it ever had such a column.
 */
export const riskOfOuterCustomer = sql`${riskScores} where ${riskScores.customerId} = ${sql.identifier('customers')}.${sql.identifier('id')}`;
