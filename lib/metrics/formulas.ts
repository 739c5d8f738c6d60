/**
 * The formulas of docs/metrics.md over plain numbers. Every one returns null when its denominator is 0: there is no
 * rate of nothing, and pages render null as "—" rather than NaN, Infinity or a misleading 0.
 * Rates are fractions (0.05 = 5%); money is integer minor units.
 */

export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** C / S: customers active at the start who are not active at the end. */
export function logoChurnRate(churned: number, atStart: number): number | null {
  return ratio(churned, atStart);
}

/**
 * (E - N - R) / S. E also holds the customers who came back during the period (R), who were not in S either, so
 * they are taken out like the new ones; the rate then equals 1 - logo churn.
 */
export function customerRetentionRate(c: {
  atEnd: number;
  newCustomers: number;
  reactivated: number;
  atStart: number;
}): number | null {
  return ratio(c.atEnd - c.newCustomers - c.reactivated, c.atStart);
}

export type MrrMovements = {
  mrrStart: number;
  newMrr: number;
  expansion: number;
  contraction: number;
  churned: number;
  reactivation: number;
};

/** (churned + contraction) / MRR at start. */
export function grossRevenueChurn(m: MrrMovements): number | null {
  return ratio(m.churned + m.contraction, m.mrrStart);
}

/** (churned + contraction - expansion) / MRR at start; negative means net expansion. */
export function netRevenueChurn(m: MrrMovements): number | null {
  return ratio(m.churned + m.contraction - m.expansion, m.mrrStart);
}

/** (MRR at start - contraction - churned) / MRR at start. */
export function grossRevenueRetention(m: MrrMovements): number | null {
  return ratio(m.mrrStart - m.contraction - m.churned, m.mrrStart);
}

/** (MRR at start + expansion - contraction - churned) / MRR at start; reactivation is its own movement, not here. */
export function netRevenueRetention(m: MrrMovements): number | null {
  return ratio(m.mrrStart + m.expansion - m.contraction - m.churned, m.mrrStart);
}

/** (new + expansion + reactivation) / (contraction + churned): MRR gained per unit lost. */
export function quickRatio(m: MrrMovements): number | null {
  return ratio(m.newMrr + m.expansion + m.reactivation, m.contraction + m.churned);
}

/** new + expansion + reactivation - contraction - churned: the change of MRR over the period. */
export function netNewMrr(m: MrrMovements): number {
  return m.newMrr + m.expansion + m.reactivation - m.contraction - m.churned;
}

/** Revenue / active customers, in whole minor units. */
export function arpa(revenueCents: number, activeCustomers: number): number | null {
  const value = ratio(revenueCents, activeCustomers);
  return value === null ? null : Math.round(value);
}

/**
 * ARPA x gross margin / average monthly logo churn, in whole minor units. No churn means no finite lifetime: null,
 * not Infinity.
 */
export function lifetimeValue(
  arpaCents: number | null,
  grossMargin: number,
  averageMonthlyChurn: number | null,
): number | null {
  if (arpaCents === null || averageMonthlyChurn === null || averageMonthlyChurn === 0) return null;
  return Math.round((arpaCents * grossMargin) / averageMonthlyChurn);
}

/** Customers with >= 2 orders / customers with >= 1 order. */
export function repeatPurchaseRate(withTwoOrMore: number, withOneOrMore: number): number | null {
  return ratio(withTwoOrMore, withOneOrMore);
}
