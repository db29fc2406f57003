// The offline file: one HTML file that runs from disk.
import { readFileSync } from 'node:fs';
import { test, assert, runUntil } from './harness.ts';

test('the offline file dist/order-up.html runs from file:// with no request beyond itself', async ({ app }) => {
  // Every request is to a file:// address, outside the served origin: this test checks them itself (none beyond the file).
  app.allow({ foreign: true });
  const page = await app.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const file = new URL('../dist/order-up.html', import.meta.url);
  assert(readFileSync(file, 'utf8').length > 100_000, 'dist/order-up.html is missing; run npm run build');
  await page.goto(`${file.href}?compare&speed=32`);
  await page.getByRole('region', { name: 'Restaurant floor (Asynchronous)' }).waitFor();
  await runUntil(page, 1800);
  await page.getByRole('figure').first().locator('canvas').waitFor(); // the chart library is inlined too
  const others = requests.filter((u) => u.split('?')[0] !== file.href);
  assert(others.length === 0, `requests: ${others.join(', ')}`);
});
