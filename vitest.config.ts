import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

const shared = {
  resolve: {
    alias: {
      '@': root,
      // Outside Next.js the `server-only` marker would throw on import; the data layer is exercised here directly.
      'server-only': path.join(root, 'node_modules/server-only/empty.js'),
    },
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', sequence: { groupOrder: 0 } },
      },
      {
        ...shared,
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['tests/integration/**/*.test.ts'],
          setupFiles: ['tests/helpers/request-setup.ts'],
          environment: 'node',
          // Each file gets its own database; PGlite and bcrypt are CPU-bound, so two at a time on two cores.
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
