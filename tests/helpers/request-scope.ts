import { vi, type Mock } from 'vitest';
import type { Database } from '@/db/client';
import type { SessionUser } from '@/server/auth/session';

/**
 * What a Next.js request would give the server code under test (server actions, route handlers): the signed-in
 * user and the database. tests/helpers/request-setup.ts wires these into the session and database modules for every
 * integration test; a test sets them, and reads what revalidatePath and refresh (which need a real request) were called with.
 */
export const requestScope: {
  user: SessionUser | null;
  db: Database | null;
  revalidatePath: Mock<(path: string, type?: string) => void>;
  refresh: Mock<() => void>;
} = {
  user: null,
  db: null,
  revalidatePath: vi.fn(),
  refresh: vi.fn(),
};
