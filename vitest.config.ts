import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // *.spec.ts are Playwright journeys (e2e/); unit and integration tests are *.test.ts.
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'host/**/*.test.ts', 'local-gateway/**/*.test.ts', 'offline-cloud/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
