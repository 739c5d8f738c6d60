import { METRICS, type MetricKey } from '@/lib/metrics/catalog';
import type { KpiDocument } from '@/lib/metrics/document';
import { drilldownsOf, DRILLDOWN_TITLES } from '@/lib/metrics/drilldowns';
import { explainMetric, knownMonthIndexes } from '@/lib/metrics/explain';
import { formatKind } from '@/lib/metrics/format';
import type { DrilldownMetric } from '@/lib/metrics/movements';
import { monthLabel } from '@/lib/metrics/period';
import { parseMonth } from '@/lib/metrics/months';

/** What a formula popover shows, formatted on the server: plain data that can cross to the client. */
export type FormulaInfo = {
  title: string;
  formula: string;
  value: string;
  terms: { label: string; value: string }[];
  basis: string | null;
  drilldowns: { label: string; href: string }[];
  note?: string;
};

export type DrilldownLink = (metric: DrilldownMetric, month: string) => string;

/** Drill-down links of a metric for one month ('YYYY-MM'), titled with the month. */
export function drilldownLinks(key: MetricKey, month: string | null, link: DrilldownLink): FormulaInfo['drilldowns'] {
  if (month === null) return [];
  const label = monthLabel(parseMonth(month)!);
  return drilldownsOf(key).map((metric) => ({ label: `${DRILLDOWN_TITLES[metric]} in ${label}`, href: link(metric, month) }));
}

/** The last month of a document the rollups have computed, or null. */
export function lastKnownMonth(doc: KpiDocument): string | null {
  const known = knownMonthIndexes(doc);
  return known.length ? doc.months[known.at(-1)!] : null;
}

/** A metric's formula, inputs and customer lists for a document's period (its value is the document's total). */
export function formulaInfo(doc: KpiDocument, key: MetricKey, link: DrilldownLink, note?: string): FormulaInfo {
  const explanation = explainMetric(doc, key);
  const drilldowns = drilldownLinks(key, lastKnownMonth(doc), link);
  // Customer sets are monthly: a longer period's lists open at its last month, with the others a tab away.
  const monthly = drilldowns.length > 0 && knownMonthIndexes(doc).length > 1 ? 'The customer lists are per month; they open at the last month of the period.' : undefined;
  return {
    title: explanation.label,
    formula: explanation.formula,
    value: formatKind(METRICS[key].kind, explanation.value, doc.currency),
    terms: explanation.terms.map((term) => ({ label: term.label, value: formatKind(term.kind, term.value, doc.currency) })),
    basis: explanation.basis,
    drilldowns,
    note: [note, monthly].filter(Boolean).join(' ') || undefined,
  };
}
