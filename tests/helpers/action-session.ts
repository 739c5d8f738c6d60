import type { SessionUser } from '@/server/auth/session';

/** The session a mocked getSessionUser returns for a factory-made user. */
export function asSession(row: { id: number; email: string; name: string; role: SessionUser['role'] }): SessionUser {
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

/** A form submission as a server action receives it. */
export function form(fields: Record<string, string | number | boolean>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}
