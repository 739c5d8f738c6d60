import { describe, expect, it } from 'vitest';
import {
  mapHeaders,
  normalizeHeader,
  parseMapOption,
  UNMAPPED,
  unknownOverrideTargets,
} from '@/lib/import/header-mapping';

const TELCO = [
  'customerID',
  'gender',
  'SeniorCitizen',
  'Partner',
  'tenure',
  'Contract',
  'MonthlyCharges',
  'TotalCharges',
  'Churn',
];

describe('header mapping', () => {
  it('normalises case, spaces, underscores and a BOM', () => {
    expect(normalizeHeader('\uFEFF Customer_ID ')).toBe('customerid');
  });

  it('maps the Telco headers by synonym (MonthlyCharges is the MRR, Contract the plan), leaving the rest for attributes', () => {
    const mapping = mapHeaders('customers', TELCO);
    expect(mapping.columns).toEqual(['id', null, null, null, 'tenure_months', 'plan', 'mrr', null, 'churned']);
    expect(mapping.sources).toEqual({
      id: 'synonym',
      tenure_months: 'synonym',
      plan: 'synonym',
      mrr: 'synonym',
      churned: 'synonym',
    });
    expect(mapping.missingRequired).toEqual([]);
  });

  it('never takes a total charge for MRR, and an override wins over a synonym', () => {
    const mapped = mapHeaders('customers', TELCO, parseMapOption(`TotalCharges=mrr, MonthlyCharges=${UNMAPPED}`));
    expect(mapped.columns[6]).toBeNull();
    expect(mapped.columns[7]).toBe('mrr');
    expect(mapped.sources.mrr).toBe('override');
  });

  it('prefers an exact name over a synonym and takes each column once', () => {
    const mapping = mapHeaders('orders', ['Order ID', 'customer', 'Customer_Id', 'date', 'Amount']);
    expect(mapping.columns).toEqual(['order_id', null, 'customer_id', 'ordered_at', 'amount']);
  });

  it('reports missing required columns by canonical name', () => {
    expect(mapHeaders('events', ['customer_id', 'what']).missingRequired).toEqual(['type', 'occurred_at']);
  });

  it('keeps a column unmapped on request even when its name or a synonym matches', () => {
    const mapping = mapHeaders(
      'customers',
      TELCO,
      parseMapOption(`Churn=${UNMAPPED}, customerID=${UNMAPPED}, SeniorCitizen=id`),
    );
    expect(mapping.columns).toEqual([null, null, 'id', null, 'tenure_months', 'plan', 'mrr', null, null]);
    expect(unknownOverrideTargets('customers', parseMapOption(`Churn=${UNMAPPED}`))).toEqual([]);
  });

  it('flags --map targets that are not columns of the kind', () => {
    expect(unknownOverrideTargets('orders', parseMapOption('x=amount,y=mrr'))).toEqual(['mrr']);
  });
});
