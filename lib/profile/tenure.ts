const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long someone has been (or was) a customer, in the unit a CSM reads at a glance: days in the first month,
 * then months, then years and months. Calendar months, in UTC.
 */
export function formatTenure(from: Date, to: Date): string {
  const days = Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
  if (days < 31) return days === 1 ? '1 day' : `${days} days`;
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (to.getUTCDate() < from.getUTCDate()) months -= 1;
  months = Math.max(1, months);
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const monthText = rest === 1 ? '1 month' : `${rest} months`;
  if (years === 0) return monthText;
  const yearText = years === 1 ? '1 year' : `${years} years`;
  return rest === 0 ? yearText : `${yearText} ${monthText}`;
}
