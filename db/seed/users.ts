import { generatePassword, hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/roles';

/** The demo team. The first four are the ones the browser tests sign in as (e2e/users.ts); keep them in step. */
const DEMO_USERS = [
  { key: 'admin', email: 'admin@holdfast.demo', name: 'Ada Admin', role: 'admin' },
  { key: 'lead', email: 'lead@holdfast.demo', name: 'Leo Lead', role: 'lead' },
  { key: 'csm', email: 'csm@holdfast.demo', name: 'Cam CSM', role: 'csm' },
  { key: 'exec', email: 'exec@holdfast.demo', name: 'Eve Exec', role: 'exec' },
  { key: 'csm2', email: 'csm2@holdfast.demo', name: 'Noor Nasser', role: 'csm' },
  { key: 'csm3', email: 'csm3@holdfast.demo', name: 'Raj Rao', role: 'csm' },
  { key: 'csm4', email: 'csm4@holdfast.demo', name: 'Tess Tran', role: 'csm' },
] as const satisfies readonly { key: string; email: string; name: string; role: Role }[];

export type DemoUserKey = (typeof DEMO_USERS)[number]['key'];

/** Account owners: every customer belongs to one of these CSMs. */
export const CSM_KEYS = ['csm', 'csm2', 'csm3', 'csm4'] as const satisfies readonly DemoUserKey[];

export type DemoLogin = { key: DemoUserKey; email: string; name: string; role: Role; password: string };

/** One shared password when given (tests and e2e), otherwise a random one per user. */
export function demoLogins(password?: string): DemoLogin[] {
  return DEMO_USERS.map((user) => ({ ...user, password: password ?? generatePassword() }));
}

/** bcrypt costs ~250 ms per hash: hash each distinct password once. */
export async function hashLogins(logins: readonly DemoLogin[]): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const password of new Set(logins.map((login) => login.password)))
    hashes.set(password, await hashPassword(password));
  return hashes;
}
