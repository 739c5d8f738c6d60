import { formatCount } from '@/lib/format';

/**
 * Rows an import keeps although they look odd, because a user may mean them, each with what the import made of them.
 * Counted per kind of warning rather than listed: they are not errors to fix line by line.
 */
export const WARNINGS = {
  churned_with_mrr: {
    column: 'mrr',
    summary: (count: number) =>
      `${formatCount(count)} churned ${count === 1 ? 'customer has' : 'customers have'} an MRR above 0: it is kept as what they paid until they churned (their MRR history ends at the churn), and their current MRR is 0.`,
  },
} as const;

export type WarningCode = keyof typeof WARNINGS;

/** A warning about one row, by canonical column. */
export type RowWarning = { line: number; code: WarningCode };

/** The warnings of an import, one per kind: how many rows, the first of them, and what was done. */
export type ImportWarning = { code: WarningCode; count: number; firstLine: number; column: string; message: string };

/** Counts row warnings per kind, keeping the first line of each. */
export class WarningTally {
  private readonly byCode = new Map<WarningCode, { count: number; firstLine: number }>();

  add(warnings: readonly RowWarning[]): void {
    for (const { code, line } of warnings) {
      const seen = this.byCode.get(code);
      if (seen) {
        seen.count++;
        seen.firstLine = Math.min(seen.firstLine, line);
      } else this.byCode.set(code, { count: 1, firstLine: line });
    }
  }

  /** With the column as the file names it. */
  summary(headerOf: (canonical: string) => string | undefined): ImportWarning[] {
    return [...this.byCode].map(([code, { count, firstLine }]) => ({
      code,
      count,
      firstLine,
      column: headerOf(WARNINGS[code].column) ?? WARNINGS[code].column,
      message: WARNINGS[code].summary(count),
    }));
  }
}
