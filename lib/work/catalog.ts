/**
 * The closed vocabularies of CSM work (activities, tasks, contact channels) with their labels. They mirror the
 * PostgreSQL enums of db/schema/enums.ts (a unit test keeps them in step) but live here so that client components
 * and validation import no database code.
 */
export const ACTIVITY_KINDS = ['call', 'email', 'meeting', 'note'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  call: 'Call',
  email: 'Email',
  meeting: 'Meeting',
  note: 'Note',
};

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Record<Priority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Where a task came from (tasks.source is open text; these are the values the product writes). */
export const TASK_SOURCE_LABELS: Record<string, string> = {
  manual: 'Manual',
  risk_alert: 'Risk alert',
  journey: 'Journey',
  campaign: 'Campaign',
  playbook: 'Playbook',
};

export function taskSourceLabel(source: string): string {
  return TASK_SOURCE_LABELS[source] ?? source;
}

export const CHANNELS = ['email', 'sms', 'push', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { email: 'Email', sms: 'SMS', push: 'Push', phone: 'Phone' };

/** Channels outreach may only use with the customer's opt-in (docs/lifecycle-and-outreach.md); CSM calls need none. */
export const CONSENT_CHANNELS = ['email', 'sms', 'push'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** The customers column (as a form field name) that holds the opt-in of a channel. */
export function consentKey(channel: ConsentChannel): 'consentEmail' | 'consentSms' | 'consentPush' {
  return channel === 'email' ? 'consentEmail' : channel === 'sms' ? 'consentSms' : 'consentPush';
}

/** Roles that can own accounts and hold tasks: everyone but the read-only executive. */
export const ASSIGNABLE_ROLES = ['admin', 'lead', 'csm'] as const;
