import { emptyInputs, type CohortCell, type MonthInputs } from './inputs';
import { monthOf, type Month } from './months';
import { CHURN_TYPE_SETS, CUSTOMER_SETS, cohortRevenue, retainedInCohort, type ChurnType } from './movements';
import { customerMonths, type CustomerHistory, type CustomerMonth } from './state';
import { isDetractor, isPromoter, isSatisfied } from './surveys';
import { timeToValueDays } from './activation';

export type SurveyAnswer = { kind: 'nps' | 'csat' | 'ces'; score: number; at: number };

/** Everything the KPIs read about one customer; times are epoch milliseconds. */
export type CustomerRecord = CustomerHistory & {
  churnType: ChurnType;
  acquiredAt: number | null;
  activatedAt: number | null;
  feedback: readonly SurveyAnswer[];
};

export type ReferenceResult = { inputs: Map<Month, MonthInputs>; cohortCells: CohortCell[] };

/**
 * The reference computation of every month's inputs and the cohort cells, customer by customer from raw history:
 * plain loops that say what the set-based SQL rollup must produce.
 */
export function referenceInputs(
  customers: Iterable<CustomerRecord>,
  options: { from: Month; through: Month; windowDays: number },
): ReferenceResult {
  const inputs = new Map<Month, MonthInputs>();
  const at = (month: Month) => {
    let row = inputs.get(month);
    if (!row) inputs.set(month, (row = emptyInputs()));
    return row;
  };
  const inRange = (month: Month) => month >= options.from && month <= options.through;
  const cells = new Map<string, CohortCell>();

  for (const customer of customers) {
    for (const row of customerMonths(customer, options)) {
      countCustomerMonth(at(row.month), row, customer.churnType);
      if (row.firstMonth !== null) addCohortCell(cells, row);
    }
    for (const answer of customer.feedback) {
      const month = monthOf(answer.at);
      if (inRange(month)) countAnswer(at(month), answer);
    }
    if (customer.acquiredAt !== null && inRange(monthOf(customer.acquiredAt))) {
      const row = at(monthOf(customer.acquiredAt));
      row.acquiredCustomers++;
      if (customer.activatedAt !== null) {
        row.activatedCustomers++;
        const days = timeToValueDays(customer.acquiredAt, customer.activatedAt);
        row.ttvDays[days] = (row.ttvDays[days] ?? 0) + 1;
      }
    }
  }
  return { inputs, cohortCells: [...cells.values()] };
}

function countCustomerMonth(into: MonthInputs, r: CustomerMonth, churnType: ChurnType): void {
  const sets = CUSTOMER_SETS;
  into.customersStart += Number(sets.customers_at_start(r));
  into.customersEnd += Number(sets.active_customers(r));
  into.newCustomers += Number(sets.new_customers(r));
  into.reactivatedCustomers += Number(sets.reactivated_customers(r));
  into.churnedCustomers += Number(sets.churned_customers(r));
  into.earlyChurnedCustomers += Number(sets.early_churned_customers(r));
  into.involuntaryChurnedCustomers += Number(CHURN_TYPE_SETS.involuntary_churned_customers(r, churnType));
  into.mrrStart += r.mrrStart;
  into.mrrEnd += r.mrrEnd;
  if (sets.new_mrr(r)) into.newMrr += r.mrrEnd;
  if (sets.expansion_mrr(r)) into.expansionMrr += r.mrrEnd - r.mrrStart;
  if (sets.contraction_mrr(r)) into.contractionMrr += r.mrrStart - r.mrrEnd;
  if (sets.churned_mrr(r)) into.churnedMrr += r.mrrStart;
  if (sets.reactivation_mrr(r)) into.reactivationMrr += r.mrrEnd;
  if (r.orderBasis) into.orderBasisRevenue += r.revenueCents;
  into.orders += r.orders;
  into.revenue += r.revenueCents;
  into.orderingCustomers += Number(sets.ordering_customers(r));
  into.firstOrderCustomers += Number(r.firstOrder);
  into.secondOrderCustomers += Number(r.secondOrder);
}

function countAnswer(into: MonthInputs, answer: SurveyAnswer): void {
  if (answer.kind === 'nps') {
    into.npsResponses++;
    into.npsPromoters += Number(isPromoter(answer.score));
    into.npsDetractors += Number(isDetractor(answer.score));
  } else if (answer.kind === 'csat') {
    into.csatResponses++;
    into.csatSatisfied += Number(isSatisfied(answer.score));
  } else {
    into.cesResponses++;
    into.cesSum += answer.score;
  }
}

function addCohortCell(cells: Map<string, CohortCell>, r: CustomerMonth): void {
  const key = `${r.firstMonth}:${r.month}`;
  let cell = cells.get(key);
  if (!cell) cells.set(key, (cell = { cohort: r.firstMonth!, month: r.month, customers: 0, revenueCents: 0 }));
  cell.customers += Number(retainedInCohort(r));
  cell.revenueCents += cohortRevenue(r);
}
