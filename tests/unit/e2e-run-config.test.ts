import { afterEach, describe, expect, it, vi } from 'vitest';

const given = { port: process.env.E2E_PORT, db: process.env.E2E_DB_NAME };

/** Reads playwright.config.ts afresh, as `npx playwright test` does at the start of a run, with this environment. */
async function configOfARun(env: { E2E_PORT?: string; E2E_DB_NAME?: string } = {}) {
  delete process.env.E2E_PORT;
  delete process.env.E2E_DB_NAME;
  Object.assign(process.env, env);
  vi.resetModules();
  const { default: config } = await import('@/playwright.config');
  return { baseURL: config.use?.baseURL, server: (config.webServer as { env: Record<string, string> }).env };
}

afterEach(() => {
  for (const [name, value] of [
    ['E2E_PORT', given.port],
    ['E2E_DB_NAME', given.db],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('end-to-end runs on one machine', () => {
  it('each get a port and a database of their own', async () => {
    const first = await configOfARun();
    const second = await configOfARun();
    expect(first.baseURL).not.toBe(second.baseURL);
    expect(first.server.E2E_DB_NAME).not.toBe(second.server.E2E_DB_NAME);
    expect(first.server.E2E_DB_NAME).toMatch(/^holdfast_e2e_[0-9a-f]{8}$/);
    expect(first.baseURL).toBe(`http://localhost:${first.server.E2E_PORT}`);
  });

  it('use the port and database named by E2E_PORT and E2E_DB_NAME', async () => {
    const run = await configOfARun({ E2E_PORT: '3999', E2E_DB_NAME: 'holdfast_e2e_mine' });
    expect(run.baseURL).toBe('http://localhost:3999');
    expect(run.server).toEqual({ E2E_PORT: '3999', E2E_DB_NAME: 'holdfast_e2e_mine' });
  });
});
