/**
 * The demo workspace's reference data and behaviour knobs. Rates are tuned so that monthly logo churn lands near
 * the benchmarks of docs/metrics.md (B2B enterprise ~2.7-4.9%, SMB ~3.4%, B2C ~5.1%) and volumes near the
 * reference scale: about 3 orders and 25 events per customer. Events run a little over the reference 20 because
 * sessions follow a steady cadence of at least one per 30 days, which is what keeps healthy customers clear of the
 * usage-drop rule.
 */

export type SegmentKey = 'b2b_enterprise' | 'b2b_smb' | 'b2c';
export type ChurnReason = 'low_value' | 'support' | 'price' | 'usability' | 'competitor' | 'involuntary';

export type Plan = { key: string; unitCents: number; units: [number, number] };

export type SegmentProfile = {
  share: number;
  plans: readonly Plan[];
  /** Chance of each plan (by position in `plans`) at sign-up. */
  planWeights: readonly number[];
  /** Monthly churn hazard of an activated, paying customer. */
  monthlyChurn: number;
  activationRate: number;
  /** Median days from sign-up to first value. */
  ttvMedianDays: number;
  /**
   * Days between product sessions of a healthy customer, one value per customer. Divisors of 30 only: every 30-day
   * window then holds the same number of sessions, so a healthy customer never trips the usage-drop rule by chance.
   */
  sessionEveryDays: readonly number[];
  /** Actions per session of a healthy customer (per-customer value drawn from this range). */
  actionsPerSession: [number, number];
  reactivationRate: number;
  expansionPerMonth: number;
  contractionPerMonth: number;
  ordersPerMonth: number;
  /** Median order amount across customers, in cents. */
  orderMedianCents: number;
  ticketsPerMonth: number;
  /** Days between CSM check-ins; null = digital-touch only. */
  checkInEveryDays: number | null;
  reasonWeights: Readonly<Record<ChurnReason, number>>;
};

export const SEGMENTS: Readonly<Record<SegmentKey, SegmentProfile>> = {
  b2b_enterprise: {
    share: 0.12,
    plans: [
      { key: 'scale', unitCents: 9_900, units: [15, 40] },
      { key: 'enterprise', unitCents: 14_900, units: [30, 150] },
    ],
    planWeights: [0.35, 0.65],
    monthlyChurn: 0.033,
    activationRate: 0.95,
    ttvMedianDays: 21,
    sessionEveryDays: [10, 15],
    actionsPerSession: [40, 120],
    reactivationRate: 0.25,
    expansionPerMonth: 0.06,
    contractionPerMonth: 0.02,
    ordersPerMonth: 0.05,
    orderMedianCents: 180_000,
    ticketsPerMonth: 0.5,
    checkInEveryDays: 35,
    reasonWeights: { low_value: 20, support: 20, price: 15, usability: 10, competitor: 25, involuntary: 10 },
  },
  b2b_smb: {
    share: 0.38,
    plans: [
      { key: 'starter', unitCents: 2_900, units: [1, 5] },
      { key: 'growth', unitCents: 5_900, units: [3, 12] },
      { key: 'scale', unitCents: 9_900, units: [5, 20] },
    ],
    planWeights: [0.45, 0.4, 0.15],
    monthlyChurn: 0.03,
    activationRate: 0.88,
    ttvMedianDays: 9,
    sessionEveryDays: [15, 30],
    actionsPerSession: [15, 50],
    reactivationRate: 0.2,
    expansionPerMonth: 0.035,
    contractionPerMonth: 0.015,
    ordersPerMonth: 0.06,
    orderMedianCents: 35_000,
    ticketsPerMonth: 0.22,
    checkInEveryDays: 90,
    reasonWeights: { low_value: 25, support: 15, price: 20, usability: 15, competitor: 10, involuntary: 15 },
  },
  b2c: {
    share: 0.5,
    plans: [
      { key: 'starter', unitCents: 900, units: [1, 1] },
      { key: 'growth', unitCents: 1_900, units: [1, 1] },
      { key: 'scale', unitCents: 4_900, units: [1, 1] },
    ],
    planWeights: [0.6, 0.34, 0.06],
    monthlyChurn: 0.042,
    activationRate: 0.82,
    ttvMedianDays: 3,
    sessionEveryDays: [15, 30],
    actionsPerSession: [5, 20],
    reactivationRate: 0.15,
    expansionPerMonth: 0.015,
    contractionPerMonth: 0.008,
    ordersPerMonth: 0.5,
    orderMedianCents: 4_500,
    ticketsPerMonth: 0.08,
    checkInEveryDays: null,
    reasonWeights: { low_value: 25, support: 10, price: 20, usability: 10, competitor: 10, involuntary: 25 },
  },
};

/** Share of currently active, established customers who show early churn signals right now. */
export const AT_RISK_NOW_SHARE = 0.08;

export const COUNTRIES: readonly { country: string; region: string; weight: number }[] = [
  { country: 'United States', region: 'North America', weight: 34 },
  { country: 'Canada', region: 'North America', weight: 6 },
  { country: 'United Kingdom', region: 'EMEA', weight: 10 },
  { country: 'Germany', region: 'EMEA', weight: 8 },
  { country: 'France', region: 'EMEA', weight: 5 },
  { country: 'Netherlands', region: 'EMEA', weight: 3 },
  { country: 'Spain', region: 'EMEA', weight: 3 },
  { country: 'Brazil', region: 'LATAM', weight: 9 },
  { country: 'Mexico', region: 'LATAM', weight: 4 },
  { country: 'Australia', region: 'APAC', weight: 6 },
  { country: 'India', region: 'APAC', weight: 5 },
  { country: 'Japan', region: 'APAC', weight: 4 },
  { country: 'Singapore', region: 'APAC', weight: 3 },
];

/** Industries of business customers; the first seven have retention benchmarks (docs/metrics.md). */
export const INDUSTRIES = [
  'retail',
  'banking',
  'telecom',
  'it',
  'insurance',
  'professional_services',
  'media',
  'healthcare',
  'education',
  'manufacturing',
] as const;

export const ACQUISITION_CHANNELS = { organic: 35, paid_search: 25, referral: 15, partner: 10, outbound: 15 } as const;

export const FEATURES = [
  'dashboards',
  'reports',
  'automations',
  'integrations',
  'api',
  'mobile_app',
  'team_inbox',
  'exports',
  'custom_fields',
  'sso',
] as const;

export const LOYALTY_TIERS = [
  { key: 'bronze', name: 'Bronze', minPoints: 0, benefits: 'Member pricing and newsletter' },
  { key: 'silver', name: 'Silver', minPoints: 250, benefits: '5% cashback on orders' },
  { key: 'gold', name: 'Gold', minPoints: 1_000, benefits: '10% cashback and priority support' },
  { key: 'platinum', name: 'Platinum', minPoints: 3_000, benefits: '15% cashback, priority support and early access' },
] as const;
/** Points per whole currency unit spent; points expire after a year, so tiers follow the last 12 months. */
export const POINTS_PER_UNIT = 1;
export const POINTS_TTL_DAYS = 365;

export const TICKET_KINDS = { question: 40, bug: 25, billing: 13, feature_request: 17, complaint: 5 } as const;
export type TicketKind = keyof typeof TICKET_KINDS;

export const TICKET_SUBJECTS: Readonly<Record<TicketKind, readonly string[]>> = {
  question: [
    'How do I invite teammates?',
    'Where can I change my plan?',
    'Exporting data to CSV',
    'Setting up notifications',
  ],
  bug: [
    'Dashboard does not load',
    'Report totals look wrong',
    'Sync fails with timeout',
    'Mobile app crashes on login',
  ],
  billing: ['Invoice address change', 'Charged twice this month', 'Need a VAT invoice', 'Update payment method'],
  feature_request: ['Dark mode', 'More chart types', 'Bulk edit records', 'Slack integration'],
  complaint: [
    'Still waiting for a fix',
    'Support is not answering',
    'This keeps breaking',
    'Very disappointed with the service',
  ],
};

export const REASON_COMMENTS: Readonly<Record<ChurnReason, string>> = {
  low_value: 'We are not getting enough out of it.',
  support: 'Support takes far too long to help.',
  price: 'Too expensive for what we use.',
  usability: 'Hard to use; the team gave up on it.',
  competitor: 'Another tool fits us better.',
  involuntary: 'Card declined.',
};
