/**
 * Display names for the values of open vocabularies (segments, plans, churn reasons). Imports bring their own
 * values, so anything unknown is shown as written, only made readable ("mid_market" -> "Mid market").
 */
const REASONS: Record<string, string> = {
  low_value: 'Low perceived value',
  support: 'Support problems',
  price: 'Price',
  usability: 'Usability',
  competitor: 'Competitor',
  involuntary: 'Involuntary (payment failed)',
};

const WORDS: Record<string, string> = { b2b: 'B2B', b2c: 'B2C', smb: 'SMB', sme: 'SME', it: 'IT' };

export function valueLabel(value: string): string {
  if (!/[_-]/.test(value) && /[A-Z]/.test(value)) return value;
  const words = value.split(/[_-]+/).filter(Boolean);
  return words
    .map((word, i) => WORDS[word.toLowerCase()] ?? (i === 0 ? word[0].toUpperCase() + word.slice(1) : word))
    .join(' ');
}

export function segmentLabel(segment: string): string {
  return segment === '' ? 'No segment' : valueLabel(segment);
}

export function churnReasonLabel(reason: string): string {
  return reason === '' ? 'Not recorded' : (REASONS[reason] ?? valueLabel(reason));
}
