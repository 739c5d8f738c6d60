import { vi } from 'vitest';

// Server actions and route handlers ask the session and the shared database handle for their context; in tests
// these come from requestScope (unset: no user, and the process database as usual).
vi.mock('@/server/auth/session', async (original) => {
  const { requestScope } = await import('./request-scope');
  return {
    ...(await original<typeof import('@/server/auth/session')>()),
    getSessionUser: async () => requestScope.user,
  };
});
vi.mock('@/db/client', async (original) => {
  const { requestScope } = await import('./request-scope');
  const actual = await original<typeof import('@/db/client')>();
  return { ...actual, getDb: async () => requestScope.db ?? actual.getDb() };
});
vi.mock('next/cache', async () => {
  const { requestScope } = await import('./request-scope');
  return {
    revalidatePath: (...args: Parameters<typeof requestScope.revalidatePath>) => requestScope.revalidatePath(...args),
    refresh: () => requestScope.refresh(),
  };
});
