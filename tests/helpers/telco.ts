import fs from 'node:fs';
import path from 'node:path';

/**
 * The public IBM Telco customer churn sample (7,043 customers). Its redistribution terms are unverified, so it is not
 * in the repository: HOLDFAST_TELCO_CSV names it, by default `shared/data/telco-customer-churn.csv` beside the
 * checkout, where CI keeps it. Tests that only need a file of its shape generate one (telco-shaped.ts); the few that
 * need the real rows run when it is there and are reported as skipped, with this reason, when it is not.
 */
export const TELCO_CSV =
  process.env.HOLDFAST_TELCO_CSV || path.resolve(import.meta.dirname, '../../../shared/data/telco-customer-churn.csv');

export const HAS_TELCO_SAMPLE = fs.existsSync(TELCO_CSV);

/** Goes in the title of what is skipped without the sample, so that the run says why. */
export const NEEDS_TELCO_SAMPLE = 'needs the Telco sample: set HOLDFAST_TELCO_CSV';
