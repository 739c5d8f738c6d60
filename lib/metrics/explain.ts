import { METRICS, type MetricKey, type MetricKind } from './catalog';
import type { KpiDocument } from './document';

/** One input of a formula with its value for the period. */
export type FormulaTerm = { label: string; kind: MetricKind; value: number | null; key?: MetricKey };

export type Explanation = {
  key: MetricKey;
  label: string;
  formula: string;
  /** The period's value: the document's total, which the CLI prints too. */
  value: number | null;
  terms: FormulaTerm[];
  /** How a multi-month period's value is formed from its months; null for a single month. */
  basis: string | null;
};

/** Indexes of the document's months the rollups have computed (later months are unknown, not empty). */
export function knownMonthIndexes(doc: Pick<KpiDocument, 'months' | 'rollup'>): number[] {
  const through = doc.rollup.through;
  return through === null ? [] : doc.months.flatMap((month, i) => (month <= through ? [i] : []));
}

function sumOver(series: readonly (number | null)[], indexes: readonly number[]): number | null {
  const values = indexes.map((i) => series[i]).filter((v): v is number => v !== null);
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
}

/**
 * A metric's formula with the values of its inputs, formed the way the document forms the total: a 'sum' metric is
 * its formula over the inputs summed across the period's months (for a rate, the monthly average weighted by its
 * denominators), a 'last' metric its formula at the last month.
 */
export function explainMetric(doc: KpiDocument, key: MetricKey): Explanation {
  const definition = METRICS[key];
  const known = knownMonthIndexes(doc);
  const last = known.at(-1);
  const at = (input: MetricKey) => (last === undefined ? null : doc.series[input][last]);
  const term = (input: MetricKey, value: number | null): FormulaTerm => ({
    key: input,
    label: METRICS[input].label,
    kind: METRICS[input].kind,
    value,
  });

  let terms: FormulaTerm[];
  if (key === 'ltv') {
    const arpa = at('arpa');
    const ltv = at('ltv');
    const margin = doc.settings.gross_margin;
    terms = [
      term('arpa', arpa),
      { label: 'Gross margin (setting)', kind: 'rate', value: margin },
      // The document keeps the 6-month mean inside LTV; it is recovered exactly from ARPA × margin / LTV.
      {
        label: 'Mean monthly logo churn, previous 6 months',
        kind: 'rate',
        value: arpa !== null && ltv ? (arpa * margin) / ltv : null,
      },
    ];
  } else if (definition.total === 'sum') {
    terms = definition.inputs.map((input) => term(input as MetricKey, sumOver(doc.series[input as MetricKey], known)));
  } else {
    terms = definition.inputs.map((input) => term(input as MetricKey, at(input as MetricKey)));
  }

  return {
    key,
    label: definition.label,
    formula: definition.formula,
    value: doc.totals[key] ?? null,
    terms,
    basis: basisOf(definition, doc, known),
  };
}

function basisOf(definition: (typeof METRICS)[MetricKey], doc: KpiDocument, known: readonly number[]): string | null {
  if (known.length <= 1) return null;
  const first = doc.months[known[0]];
  const last = doc.months[known.at(-1)!];
  switch (definition.total) {
    case 'sum':
      return definition.kind === 'count' || definition.kind === 'money'
        ? `Summed over the ${known.length} months ${first} to ${last}.`
        : `Monthly average over the ${known.length} months ${first} to ${last}: the inputs are summed across the months, so each month weighs by its size.`;
    case 'first':
      return `At the start of ${first}.`;
    case 'last':
      return `As of ${last}, the last month of the period.`;
    default:
      return null;
  }
}
