/** What the security log records, with the labels its page shows and filters by. */
export const SECURITY_EVENT_KINDS = {
  signIn: 'Signed in',
  signInFailed: 'Sign-in failed',
  lockout: 'Locked out',
  signOut: 'Signed out',
  forbidden: 'Refused: no permission',
  unauthenticated: 'Refused: not signed in',
} as const;
export type SecurityEventKind = keyof typeof SECURITY_EVENT_KINDS;

export function securityEventLabel(kind: string): string {
  return (SECURITY_EVENT_KINDS as Record<string, string>)[kind] ?? kind;
}
