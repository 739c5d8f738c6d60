import { METRICS, type MetricKey } from '@/lib/metrics/catalog';
import type { KpiDocument } from '@/lib/metrics/document';
import { drilldownsOf, DRILLDOWN_TITLES } from '@/lib/metrics/drilldowns';
import { explainMetric, knownMonthIndexes } from '@/lib/metrics/explain';
import { formatKind } from '@/lib/metrics/format';
import type { DrilldownMetric } from '@/lib/metrics/movements';
import { monthLabel, rangeLabel } from '@/lib/metrics/period';
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

/** A drill-down page: over the KPI page's whole period without a month, or in one month ('YYYY-MM'). */
export type DrilldownLink = (metric: DrilldownMetric, month?: string) => string;

/**
 * Where a document's customer lists open: over its whole period (the KPI page's period documents), or at its last
 * month (the trend document, whose months reach back further than the page's period).
 */
export type ListScope = 'period' | 'last month';

/** The last month of a document the rollups have computed, or null. */
export function lastKnownMonth(doc: KpiDocument): string | null {
  const known = knownMonthIndexes(doc);
  return known.length ? doc.months[known.at(-1)!] : null;
}

/** Drill-down links of a metric, titled with the months they list; none when the document has no known month. */
export function drilldownLinks(
  key: MetricKey,
  doc: KpiDocument,
  link: DrilldownLink,
  scope: ListScope = 'period',
): FormulaInfo['drilldowns'] {
  const known = knownMonthIndexes(doc);
  if (known.length === 0) return [];
  const last = doc.months[known.at(-1)!];
  const at = scope === 'period' ? undefined : last;
  const label =
    scope === 'period'
      ? rangeLabel(parseMonth(doc.months[known[0]])!, parseMonth(last)!)
      : monthLabel(parseMonth(last)!);
  return drilldownsOf(key).map((metric) => ({
    label: `${DRILLDOWN_TITLES[metric]} in ${label}`,
    href: link(metric, at),
  }));
}

/** A metric's formula, inputs and customer lists for a document's period (its value is the document's total). */
export function formulaInfo(
  doc: KpiDocument,
  key: MetricKey,
  link: DrilldownLink,
  scope: ListScope = 'period',
): FormulaInfo {
  const explanation = explainMetric(doc, key);
  const drilldowns = drilldownLinks(key, doc, link, scope);
  const lastMonthOnly = scope === 'last month' && drilldowns.length > 0 && knownMonthIndexes(doc).length > 1;
  return {
    title: explanation.label,
    formula: explanation.formula,
    value: formatKind(METRICS[key].kind, explanation.value, doc.currency),
    terms: explanation.terms.map((term) => ({
      label: term.label,
      value: formatKind(term.kind, term.value, doc.currency),
    })),
    basis: explanation.basis,
    drilldowns,
    note: lastMonthOnly
      ? 'The customer lists open at the last month shown; select a month on the chart for another.'
      : undefined,
  };
}
