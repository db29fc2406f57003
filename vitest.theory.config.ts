import { defineConfig } from 'vitest/config';

// `npm run test:theory`: the engine against queueing theory, 200,000 dishes per model.
export default defineConfig({
  test: {
    include: ['src/**/*.theory.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    // Two cores here: run two model files at once.
    maxWorkers: 2,
  },
});
