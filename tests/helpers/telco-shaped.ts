import fs from 'node:fs';
import { mixSeed, Rng } from '@/db/seed/random';

/** The Telco sample's columns, in its order. */
export const TELCO_COLUMNS = [
  'customerID',
  'gender',
  'SeniorCitizen',
  'Partner',
  'Dependents',
  'tenure',
  'PhoneService',
  'MultipleLines',
  'InternetService',
  'OnlineSecurity',
  'OnlineBackup',
  'DeviceProtection',
  'TechSupport',
  'StreamingTV',
  'StreamingMovies',
  'Contract',
  'PaperlessBilling',
  'PaymentMethod',
  'MonthlyCharges',
  'TotalCharges',
  'Churn',
] as const;

export type TelcoRow = Record<(typeof TELCO_COLUMNS)[number], string>;

const SERVICES = [
  'OnlineSecurity',
  'OnlineBackup',
  'DeviceProtection',
  'TechSupport',
  'StreamingTV',
  'StreamingMovies',
] as const;
const PAYMENT_METHODS = [
  'Electronic check',
  'Mailed check',
  'Bank transfer (automatic)',
  'Credit card (automatic)',
] as const;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

type Forced = {
  phone?: boolean;
  internet?: 'DSL' | 'Fiber optic' | 'No';
  tenure?: number;
  contract?: string;
  churn?: boolean;
};

/**
 * The first rows show every quirk of the sample, so that even a small file has them all: a customer without phone
 * service, one without internet service, a new one (tenure 0, blank TotalCharges) and a churned one.
 */
const FIRST_ROWS: Forced[] = [
  { phone: false, internet: 'DSL', tenure: 1, contract: 'Month-to-month', churn: false },
  { phone: true, internet: 'No', tenure: 34, contract: 'One year', churn: false },
  { phone: true, internet: 'DSL', tenure: 0, contract: 'Two year', churn: false },
  { phone: true, internet: 'Fiber optic', tenure: 2, contract: 'Month-to-month', churn: true },
];

/** Numbers written the way the sample writes them: at most two decimals, no trailing zeros (70.7, 1889.5). */
const amount = (n: number) => String(Number(n.toFixed(2)));

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

function tenureOf(rng: Rng): number {
  // Like the sample: many customers in their first year, many near the six-year maximum.
  const band = rng.index([0.005, 0.335, 0.42, 0.24]);
  return band === 0 ? 0 : band === 1 ? rng.int(1, 12) : band === 2 ? rng.int(13, 60) : rng.int(61, 72);
}

/** The churn signal a model can learn: month-to-month, fiber, short tenure and electronic checks churn more. */
function churnChance(r: {
  contract: string;
  internet: string;
  tenure: number;
  payment: string;
  senior: boolean;
  techSupport: boolean;
}): number {
  const logit =
    -1.1 +
    (r.contract === 'Month-to-month' ? 1.3 : r.contract === 'Two year' ? -1.6 : 0) +
    (r.internet === 'Fiber optic' ? 1.0 : r.internet === 'No' ? -0.8 : 0) -
    0.035 * r.tenure +
    (r.payment === 'Electronic check' ? 0.5 : 0) +
    (r.senior ? 0.3 : 0) -
    (r.techSupport ? 0.4 : 0);
  return 1 / (1 + Math.exp(-logit));
}

function customerId(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const id = `${String(rng.int(0, 9999)).padStart(4, '0')}-${Array.from({ length: 5 }, () => rng.pick([...LETTERS])).join('')}`;
    if (!taken.has(id)) return (taken.add(id), id);
  }
}

/**
 * A deterministic file of the Telco sample's shape (same columns, values and quirks: "No phone service" and "No
 * internet service", Yes/No, 0/1 SeniorCitizen, a blank TotalCharges for tenure 0, churned customers still carrying
 * their last MonthlyCharges) with a learnable churn signal, for tests that need such a file and not the real rows.
 * Each row depends only on (seed, index): a longer file starts with the same rows.
 */
export function telcoRows(count: number, seed = 7043): TelcoRow[] {
  const taken = new Set<string>();
  return Array.from({ length: count }, (_, index) => {
    const rng = new Rng(mixSeed(seed, index));
    const forced = FIRST_ROWS[index] ?? {};
    const tenure = forced.tenure ?? tenureOf(rng);
    const phone = forced.phone ?? rng.chance(0.9);
    // Everyone has at least one service: without phone service the sample's customers all have DSL.
    const internet =
      forced.internet ?? (phone ? (['DSL', 'Fiber optic', 'No'] as const)[rng.index([0.34, 0.44, 0.22])] : 'DSL');
    const multipleLines = phone ? rng.chance(0.45) : null;
    const services = Object.fromEntries(
      SERVICES.map((s) => [s, internet === 'No' ? null : rng.chance(s.startsWith('Streaming') ? 0.4 : 0.33)]),
    ) as Record<(typeof SERVICES)[number], boolean | null>;
    const contract =
      forced.contract ??
      (rng.chance(0.75 - 0.007 * tenure) ? 'Month-to-month' : rng.chance(0.45) ? 'One year' : 'Two year');
    const payment = rng.pick(PAYMENT_METHODS);
    const senior = rng.chance(0.16);

    let monthly =
      (phone ? 20 + (multipleLines ? 5 : 0) : 0) + (internet === 'DSL' ? 25 : internet === 'Fiber optic' ? 50 : 0);
    for (const s of SERVICES) if (services[s]) monthly += s.startsWith('Streaming') ? 9 : 5;
    monthly = Math.min(118.75, Math.max(18.25, monthly + rng.between(-2, 2)));
    const total = tenure === 0 ? ' ' : amount(tenure === 1 ? monthly : monthly * tenure * rng.between(0.92, 1.08));
    // New customers have not had the chance to leave (none of the sample's tenure-0 rows churned).
    const churn =
      forced.churn ??
      (tenure > 0 &&
        rng.chance(
          churnChance({ contract, internet, tenure, payment, senior, techSupport: services.TechSupport === true }),
        ));

    const serviceCell = (s: (typeof SERVICES)[number]) =>
      services[s] === null ? 'No internet service' : yesNo(services[s]!);
    return {
      customerID: customerId(rng, taken),
      gender: rng.chance(0.5) ? 'Female' : 'Male',
      SeniorCitizen: senior ? '1' : '0',
      Partner: yesNo(rng.chance(0.48)),
      Dependents: yesNo(rng.chance(0.3)),
      tenure: String(tenure),
      PhoneService: yesNo(phone),
      MultipleLines: multipleLines === null ? 'No phone service' : yesNo(multipleLines),
      InternetService: internet,
      OnlineSecurity: serviceCell('OnlineSecurity'),
      OnlineBackup: serviceCell('OnlineBackup'),
      DeviceProtection: serviceCell('DeviceProtection'),
      TechSupport: serviceCell('TechSupport'),
      StreamingTV: serviceCell('StreamingTV'),
      StreamingMovies: serviceCell('StreamingMovies'),
      Contract: contract,
      PaperlessBilling: yesNo(rng.chance(0.59)),
      PaymentMethod: payment,
      MonthlyCharges: amount(monthly),
      TotalCharges: total,
      Churn: yesNo(churn),
    };
  });
}

/** The rows as the sample's CSV: a header line, comma-delimited, LF line ends, no quoting (no cell needs it). */
export function telcoCsv(rows: readonly TelcoRow[]): string {
  return [TELCO_COLUMNS.join(','), ...rows.map((row) => TELCO_COLUMNS.map((c) => row[c]).join(','))].join('\n') + '\n';
}

/** Writes a Telco-shaped file of `count` rows (see telcoRows) and returns its rows. */
export function writeTelcoCsv(filePath: string, count: number, seed?: number): TelcoRow[] {
  const rows = telcoRows(count, seed);
  fs.writeFileSync(filePath, telcoCsv(rows));
  return rows;
}
