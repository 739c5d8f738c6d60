import type { Role } from '../lib/auth/roles';

/** The password scripts/e2e-server.mjs seeds every demo user with. */
export const E2E_PASSWORD = process.env.E2E_PASSWORD ?? 'e2e-demo-password';

/** Demo users created by `holdfast seed` (one per role; the CSM owns a book of accounts). */
export const DEMO_USERS: Record<Role, { email: string; name: string }> = {
  admin: { email: 'admin@holdfast.demo', name: 'Ada Admin' },
  lead: { email: 'lead@holdfast.demo', name: 'Leo Lead' },
  csm: { email: 'csm@holdfast.demo', name: 'Cam CSM' },
  exec: { email: 'exec@holdfast.demo', name: 'Eve Exec' },
};
