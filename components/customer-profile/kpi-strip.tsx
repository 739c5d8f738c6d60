import { StatCard } from '@/components/overview/stat-card';
import { Badge } from '@/components/ui/badge';
import { formatCount, formatDate, formatMoney, formatRelative } from '@/lib/format';
import { npsCategory } from '@/lib/profile/labels';
import { formatTenure } from '@/lib/profile/tenure';
import type { CustomerKpis, CustomerProfile } from '@/server/queries/customer-profile';
import { USAGE_DAYS } from '@/server/queries/customer-profile';
import { Sparkline } from './sparkline';

type KpiStripProps = { profile: CustomerProfile; kpis: CustomerKpis; now: Date };

/** The customer's numbers at a glance; each card says what it counts. */
export function KpiStrip({ profile, kpis, now }: KpiStripProps) {
  const since = profile.acquiredAt ?? profile.createdAt;
  const nps = kpis.latestNps ? npsCategory(kpis.latestNps.score) : null;
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
      <StatCard
        label="Tenure"
        value={formatTenure(since, profile.churnedAt ?? now)}
        detail={
          profile.churnedAt
            ? `${formatDate(since)} to ${formatDate(profile.churnedAt)}`
            : `Customer since ${formatDate(since)}`
        }
      />
      <StatCard
        label="Revenue to date"
        value={formatMoney(kpis.revenueToDateCents, profile.currency)}
        detail="Orders plus MRR accrued"
      />
      <StatCard
        label="Last login"
        value={kpis.lastLoginAt ? formatRelative(kpis.lastLoginAt, now) : 'Never'}
        detail={kpis.lastLoginAt ? formatDate(kpis.lastLoginAt) : 'No login recorded'}
      />
      <StatCard
        label={`Usage, ${USAGE_DAYS} days`}
        value={
          <Sparkline
            points={kpis.usage}
            label={`Product events per day over the last ${USAGE_DAYS} days, ${formatCount(kpis.usageTotal)} in total`}
          />
        }
        detail={`${formatCount(kpis.usageTotal)} product events`}
      />
      <StatCard
        label="Latest NPS"
        value={kpis.latestNps ? kpis.latestNps.score : '—'}
        detail={
          kpis.latestNps && nps ? (
            <span className="inline-flex items-center gap-1.5">
              <Badge tone={nps.tone}>{nps.label}</Badge> {formatDate(kpis.latestNps.submittedAt)}
            </span>
          ) : (
            'No NPS answer yet'
          )
        }
      />
      <StatCard
        label="Open tickets"
        value={formatCount(kpis.openTickets)}
        detail={kpis.openTickets === 0 ? 'Nothing waiting on support' : 'Unresolved support tickets'}
      />
    </dl>
  );
}
