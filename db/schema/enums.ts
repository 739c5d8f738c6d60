import { pgEnum } from 'drizzle-orm/pg-core';

// Closed sets only; open vocabularies that imports extend (segment, plan, churn reason, event type) are text.
export const roleEnum = pgEnum('role', ['admin', 'lead', 'csm', 'exec']);
export const lifecycleStageEnum = pgEnum('lifecycle_stage', [
  'onboarding',
  'activated',
  'adopting',
  'loyal',
  'at_risk',
  'churned',
  'won_back',
]);
export const churnTypeEnum = pgEnum('churn_type', ['voluntary', 'involuntary']);
export const channelEnum = pgEnum('channel', ['email', 'sms', 'push', 'phone']);
export const feedbackKindEnum = pgEnum('feedback_kind', ['nps', 'csat', 'ces']);
export const activityKindEnum = pgEnum('activity_kind', ['call', 'email', 'meeting', 'note']);
export const priorityEnum = pgEnum('priority', ['low', 'normal', 'high', 'urgent']);
export const taskStatusEnum = pgEnum('task_status', ['open', 'done', 'cancelled']);
export const riskBandEnum = pgEnum('risk_band', ['healthy', 'watch', 'at_risk', 'critical']);
