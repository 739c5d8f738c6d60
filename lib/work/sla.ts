/**
 * First-response SLA. Every task, whether a CSM created it or a risk alert, a journey or a campaign opened it,
 * must get a first response within 24 hours of its creation. A response is either completing the task or an
 * activity (call, email, meeting, note) that the task's assignee logs on the task's customer at or after the task's
 * creation. Cancelled tasks have no SLA.
 */
export const FIRST_RESPONSE_HOURS = 24;
const FIRST_RESPONSE_MS = FIRST_RESPONSE_HOURS * 60 * 60 * 1000;

export type SlaState = 'met' | 'breached' | 'pending';

export type SlaStatus = {
  state: SlaState;
  /** When the first response is (or was) due. */
  deadline: Date;
  respondedAt: Date | null;
  /** Time left until the deadline while pending; 0 otherwise. */
  remainingMs: number;
};

export function firstResponseSla({
  createdAt,
  respondedAt,
  now,
}: {
  createdAt: Date;
  respondedAt: Date | null;
  now: Date;
}): SlaStatus {
  const deadline = new Date(createdAt.getTime() + FIRST_RESPONSE_MS);
  if (respondedAt !== null) {
    return {
      state: respondedAt.getTime() <= deadline.getTime() ? 'met' : 'breached',
      deadline,
      respondedAt,
      remainingMs: 0,
    };
  }
  const remainingMs = deadline.getTime() - now.getTime();
  return remainingMs >= 0
    ? { state: 'pending', deadline, respondedAt, remainingMs }
    : { state: 'breached', deadline, respondedAt, remainingMs: 0 };
}

/** "5h 20m", "45m", "under 1m": the time left shown on a pending badge. */
export function formatRemaining(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'under 1m';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}

/** The badge text of an SLA status. */
export function slaLabel(status: SlaStatus): string {
  switch (status.state) {
    case 'met':
      return 'Responded in time';
    case 'breached':
      return status.respondedAt ? 'Responded late' : 'Response overdue';
    case 'pending':
      return `${formatRemaining(status.remainingMs)} left to respond`;
  }
}
