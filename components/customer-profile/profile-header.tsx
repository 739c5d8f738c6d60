import { Building2, ShieldAlert, UserRound } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatDate, formatMoney } from '@/lib/format';
import { humanize, riskBandLabel, riskBandTone, stageLabel, stageTone } from '@/lib/profile/labels';
import type { CustomerProfile } from '@/server/queries/customer-profile';

/** Who the customer is and where they stand: identity, commercial facts, owner and risk with its reasons. */
export function ProfileHeader({ profile }: { profile: CustomerProfile }) {
  const facts: [string, string][] = [
    ['Segment', profile.segment ? humanize(profile.segment) : '—'],
    ['Plan', profile.plan ? humanize(profile.plan) : '—'],
    ['MRR', formatMoney(profile.mrrCents, profile.currency)],
    ['Loyalty tier', profile.loyaltyTier ? humanize(profile.loyaltyTier) : '—'],
  ];
  return (
    <Card className="p-5">
      <div className="flex flex-col gap-5 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{profile.name}</h1>
            <Badge tone={stageTone(profile.lifecycleStage)}>{stageLabel(profile.lifecycleStage)}</Badge>
            {profile.churnedAt && <Badge tone="danger">Churned {formatDate(profile.churnedAt)}</Badge>}
          </div>
          <p className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-zinc-600">
            {profile.company && (
              <span className="inline-flex items-center gap-1.5">
                <Building2 aria-hidden className="size-4 text-zinc-400" />
                {profile.company}
              </span>
            )}
            <span className="inline-flex items-center gap-1.5">
              <UserRound aria-hidden className="size-4 text-zinc-400" />
              Owner: <span className="font-medium text-zinc-800">{profile.ownerName ?? 'Unassigned'}</span>
            </span>
            <span className="font-mono text-xs text-zinc-500">{profile.externalId}</span>
          </p>
          <dl className="mt-4 grid grid-cols-2 gap-x-8 gap-y-3 sm:grid-cols-4">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs font-medium text-zinc-500 uppercase">{label}</dt>
                <dd className="mt-0.5 text-sm font-semibold text-zinc-900 tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
        </div>
        <RiskSummary risk={profile.risk} />
      </div>
    </Card>
  );
}

function RiskSummary({ risk }: { risk: CustomerProfile['risk'] }) {
  return (
    <section
      aria-labelledby="risk-heading"
      className="w-full shrink-0 rounded-md border border-zinc-200 bg-zinc-50 p-4 lg:w-80"
    >
      <h2
        id="risk-heading"
        className="flex items-center gap-1.5 text-xs font-semibold tracking-wide text-zinc-600 uppercase"
      >
        <ShieldAlert aria-hidden className="size-4 text-zinc-400" />
        Churn risk
      </h2>
      {risk ? (
        <>
          <p className="mt-2 flex items-baseline gap-2">
            <span className="text-3xl font-semibold text-zinc-900 tabular-nums">{risk.score}</span>
            <span className="text-sm text-zinc-500">/ 100</span>
            <Badge tone={riskBandTone(risk.band)}>{riskBandLabel(risk.band)}</Badge>
          </p>
          {risk.topFactors.length > 0 ? (
            <ul className="mt-3 space-y-2 text-sm">
              {risk.topFactors.map((factor) => (
                <li key={factor.key}>
                  <span className="font-medium text-zinc-800">{factor.label}</span>
                  <span className="ml-1 text-xs text-zinc-500 tabular-nums">+{Math.round(factor.contribution)}</span>
                  {factor.action && <span className="block text-xs text-zinc-600">Try: {factor.action}</span>}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-zinc-600">Nothing is raising the score.</p>
          )}
          <p className="mt-3 text-xs text-zinc-500">Scored {formatDate(risk.scoredAt)}</p>
        </>
      ) : (
        <p className="mt-2 text-sm text-zinc-600">
          Not scored yet. The score and its reasons appear after the next risk scoring run.
        </p>
      )}
    </section>
  );
}
