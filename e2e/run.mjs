// Browser tests: the built page (dist/) served by `vite preview`, driven in Debian's
// Chromium through playwright-core. Run `npm run build` first. Prints one line per check
// and ends with "N passed, N failed"; exits non-zero on any failure.
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { mkdirSync } from 'node:fs';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const shots = new URL('./screenshots/', import.meta.url);
mkdirSync(shots, { recursive: true });

const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
const address = server.httpServer.address();
const origin = `http://127.0.0.1:${address.port}`;
const browser = await chromium.launch({ executablePath, args });

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(e?.stack ?? e).split('\n').slice(0, 4).join('\n     ')}`);
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}

async function open(viewport) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  const foreign = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('request', (r) => !r.url().startsWith(origin) && !r.url().startsWith('data:') && foreign.push(r.url()));
  await page.goto(origin + '/');
  await page.getByRole('table').waitFor();
  return { page, problems, foreign };
}
const cell = (page, row, col) => page.locator(`tbody tr:has(th:text-is("${row}")) td`).nth(col).innerText();

await check('the page shows both modes of the default preset, computed in the browser', async () => {
  const { page, problems, foreign } = await open({ width: 1280, height: 720 });
  const served = [await cell(page, 'Dishes served', 0), await cell(page, 'Dishes served', 1)].map(Number);
  assert(served.every((n) => n > 50), `served ${served}`);
  const sync = parseFloat(await cell(page, 'Throughput', 0));
  const async = parseFloat(await cell(page, 'Throughput', 1));
  assert(async > sync, `async ${async} should beat sync ${sync} on friday-rush`);
  const blocked = (await cell(page, 'Waiters working / blocked / idle', 0)).split('/').map((x) => parseInt(x, 10));
  assert(blocked[1] > 30, `sync waiters blocked ${blocked[1]}%`);
  await page.screenshot({ path: new URL('main-1280x720.png', shots).pathname });
  assert(problems.length === 0, `console errors: ${problems.join('; ')}`);
  assert(foreign.length === 0, `requests outside the page: ${foreign.join(', ')}`);
  await page.close();
});

await check('picking another scenario recomputes the numbers', async () => {
  const { page, problems } = await open({ width: 1440, height: 900 });
  const before = await cell(page, 'Dishes served', 0);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('slow-steak');
  await page.locator('tbody tr:has(th:text-is("Steak latency p95"))').waitFor();
  const after = await cell(page, 'Dishes served', 0);
  assert(before !== after, 'numbers did not change');
  const saladSync = parseFloat(await cell(page, 'Salad latency p95', 0));
  const saladAsync = parseFloat(await cell(page, 'Salad latency p95', 1));
  assert(saladSync > 2 * saladAsync, `salad p95 sync ${saladSync} vs async ${saladAsync}`);
  await page.screenshot({ path: new URL('slow-steak-1440x900.png', shots).pathname });
  assert(problems.length === 0, `console errors: ${problems.join('; ')}`);
  await page.close();
});

await browser.close();
await new Promise((resolve) => server.httpServer.close(resolve));
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
