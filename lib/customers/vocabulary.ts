/** Closed vocabularies of a customer record, with the words pages show for them (the database enums mirror these). */
export const LIFECYCLE_STAGES = [
  'onboarding',
  'activated',
  'adopting',
  'loyal',
  'at_risk',
  'churned',
  'won_back',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const LIFECYCLE_STAGE_LABELS: Record<LifecycleStage, string> = {
  onboarding: 'Onboarding',
  activated: 'Activated',
  adopting: 'Adopting',
  loyal: 'Loyal',
  at_risk: 'At risk',
  churned: 'Churned',
  won_back: 'Won back',
};

export const RISK_BANDS = ['healthy', 'watch', 'at_risk', 'critical'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

export const RISK_BAND_LABELS: Record<RiskBand, string> = {
  healthy: 'Healthy',
  watch: 'Watch',
  at_risk: 'At risk',
  critical: 'Critical',
};

/** Segment and plan keys are open vocabularies (imports add to them): shown as words, e.g. b2b_smb -> B2B SMB. */
export function humanizeKey(key: string): string {
  return key
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((word) =>
      /^(b2b|b2c|smb|sso|api|it)$/i.test(word) ? word.toUpperCase() : word[0].toUpperCase() + word.slice(1),
    )
    .join(' ');
}
