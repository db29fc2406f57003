import { defineConfig } from 'vitest/config';

// `npm test`: every unit, machine, restaurant and CLI test. The long queueing-theory runs
// (200,000 dishes each) live in *.theory.test.ts and run with `npm run test:theory`.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    exclude: ['src/**/*.theory.test.ts', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
