/** Display labels and badge tones for customer states; one place so the header, timeline and lists agree. */
export type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger';

export const STAGE_LABELS: Record<string, string> = {
  onboarding: 'Onboarding',
  activated: 'Activated',
  adopting: 'Adopting',
  loyal: 'Loyal',
  at_risk: 'At risk',
  churned: 'Churned',
  won_back: 'Won back',
};

const STAGE_TONES: Record<string, Tone> = {
  loyal: 'success',
  adopting: 'success',
  at_risk: 'warning',
  churned: 'danger',
  won_back: 'accent',
};

export function stageLabel(stage: string | null): string {
  return stage === null ? 'None' : (STAGE_LABELS[stage] ?? stage);
}

export function stageTone(stage: string): Tone {
  return STAGE_TONES[stage] ?? 'neutral';
}

export const RISK_BAND_LABELS: Record<string, string> = {
  healthy: 'Healthy',
  watch: 'Watch',
  at_risk: 'At risk',
  critical: 'Critical',
};
const RISK_BAND_TONES: Record<string, Tone> = {
  healthy: 'success',
  watch: 'accent',
  at_risk: 'warning',
  critical: 'danger',
};

export function riskBandLabel(band: string): string {
  return RISK_BAND_LABELS[band] ?? band;
}

export function riskBandTone(band: string): Tone {
  return RISK_BAND_TONES[band] ?? 'neutral';
}

export const SURVEY_LABELS: Record<string, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

/** NPS answer categories (docs/metrics.md): promoters 9-10, passives 7-8, detractors 0-6. */
export function npsCategory(score: number): { label: string; tone: Tone } {
  if (score >= 9) return { label: 'Promoter', tone: 'success' };
  if (score >= 7) return { label: 'Passive', tone: 'neutral' };
  return { label: 'Detractor', tone: 'danger' };
}

/** A survey answer's tone: NPS by category, CSAT (1-5) satisfied at 4+, CES (1-7, lower is easier) easy at 3 or less. */
export function surveyTone(kind: string, score: number): Tone {
  if (kind === 'nps') return npsCategory(score).tone;
  if (kind === 'csat') return score >= 4 ? 'success' : score <= 2 ? 'danger' : 'neutral';
  return score <= 3 ? 'success' : score >= 5 ? 'danger' : 'neutral';
}

const ACRONYMS = new Set(['b2b', 'b2c', 'smb', 'nps', 'csat', 'ces', 'sms', 'api', 'vip']);

/** "feature_request" -> "Feature request", "b2b_smb" -> "B2B SMB": open vocabularies (ticket kinds, segments) as words. */
export function humanize(value: string): string {
  const words = value
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((word) => (ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : word.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
