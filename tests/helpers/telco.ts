import fs from 'node:fs';
import path from 'node:path';

/**
 * The IBM Telco customer churn sample (7,043 customers) kept in the workspace's shared/data beside the checkout;
 * HOLDFAST_TELCO_CSV points elsewhere.
 */
export const TELCO_CSV = process.env.HOLDFAST_TELCO_CSV ?? path.resolve(import.meta.dirname, '../../../shared/data/telco-customer-churn.csv');

if (!fs.existsSync(TELCO_CSV)) {
  throw new Error(`The Telco sample is not at ${TELCO_CSV}; set HOLDFAST_TELCO_CSV to its path.`);
}
