import { defineConfig } from '@playwright/test';

// The browser tests (`npm run build && npm run test:e2e`): the built page (dist/) served by a
// plain static server under a sub-path, as any static host would, driven in Debian's Chromium.
// One worker: the machine they run on has two cores and several checks measure frame times.
const PORT = Number(process.env.E2E_PORT ?? 4179);
const SUB = '/classes/order-up/';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // Most checks take seconds; the long ones (fuzzing, long runs, big imports) set their own.
  timeout: 180_000,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}${SUB}`,
    viewport: { width: 1280, height: 720 },
    // As playwright-core's defaults: a wait that never ends fails after 30 s, not at the test's timeout.
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `node e2e/serve.mjs --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}${SUB}`,
    // Never test whatever else listens there (another worktree's build, say): a busy port fails.
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});
