import { defineConfig } from 'vitest/config';

// `npm test`: every unit, machine, restaurant and CLI test. The long queueing-theory runs
// (200,000 dishes each) live in *.theory.test.ts and run with `npm run test:theory`.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    exclude: ['src/**/*.theory.test.ts', 'node_modules/**'],
    // Engine tests run in Node; component tests opt into jsdom with a
    // `// @vitest-environment jsdom` docblock.
    environment: 'node',
    setupFiles: ['src/test/setupDom.ts'],
    testTimeout: 60_000,
  },
});
