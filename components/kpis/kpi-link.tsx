import Link from 'next/link';
import type { ComponentProps } from 'react';

/**
 * A link within the KPI pages. Not prefetched: each target is a fresh server render over the rollups, and a
 * dashboard shows dozens of them (periods, segments, drill-downs) of which a reader follows one or two.
 */
export function KpiLink(props: ComponentProps<typeof Link>) {
  return <Link prefetch={false} {...props} />;
}
