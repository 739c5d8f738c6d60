import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TELCO_COLUMNS, telcoCsv, telcoRows } from '../helpers/telco-shaped';
import { HAS_TELCO_SAMPLE, NEEDS_TELCO_SAMPLE, TELCO_CSV } from '../helpers/telco';

const rows = telcoRows(4_000);
const churnRate = (subset: typeof rows) => subset.filter((r) => r.Churn === 'Yes').length / subset.length;

describe('the Telco-shaped test file', () => {
  it('is the same for the same seed, and a longer file starts with the same rows', () => {
    expect(telcoCsv(telcoRows(50))).toBe(telcoCsv(rows.slice(0, 50)));
    expect(telcoRows(5, 1)).not.toEqual(rows.slice(0, 5));
    expect(new Set(rows.map((r) => r.customerID)).size).toBe(rows.length);
    expect(rows.every((r) => /^\d{4}-[A-Z]{5}$/.test(r.customerID))).toBe(true);
  });

  it("has the sample's quirks in its first rows", () => {
    const [noPhone, noInternet, brandNew, churned] = rows;
    expect(noPhone).toMatchObject({ PhoneService: 'No', MultipleLines: 'No phone service', InternetService: 'DSL' });
    expect(noInternet).toMatchObject({
      InternetService: 'No',
      OnlineSecurity: 'No internet service',
      StreamingMovies: 'No internet service',
    });
    expect(brandNew).toMatchObject({ tenure: '0', TotalCharges: ' ', Churn: 'No' });
    expect(churned).toMatchObject({ Churn: 'Yes', Contract: 'Month-to-month', InternetService: 'Fiber optic' });
    expect(Number(churned.MonthlyCharges)).toBeGreaterThan(0);
    expect(rows.every((r) => /^\d+(\.\d{1,2})?$/.test(r.MonthlyCharges) && !/\.\d*0$/.test(r.MonthlyCharges))).toBe(
      true,
    );
  });

  it('has a churn signal to learn: month-to-month, fiber and short tenure churn more', () => {
    expect(churnRate(rows)).toBeGreaterThan(0.2);
    expect(churnRate(rows)).toBeLessThan(0.32);
    const by = (column: keyof (typeof rows)[number], value: string) =>
      churnRate(rows.filter((r) => r[column] === value));
    expect(by('Contract', 'Month-to-month')).toBeGreaterThan(3 * by('Contract', 'Two year'));
    expect(by('InternetService', 'Fiber optic')).toBeGreaterThan(by('InternetService', 'DSL'));
    expect(churnRate(rows.filter((r) => Number(r.tenure) <= 12))).toBeGreaterThan(
      churnRate(rows.filter((r) => Number(r.tenure) > 48)),
    );
  });

  it.skipIf(!HAS_TELCO_SAMPLE)(`has the real sample's header (${NEEDS_TELCO_SAMPLE})`, () => {
    const header = fs.readFileSync(TELCO_CSV, 'utf8').split('\n', 1)[0].trim();
    expect(header).toBe(TELCO_COLUMNS.join(','));
  });
});
