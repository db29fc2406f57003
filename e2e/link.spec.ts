// Links: a copied link restores the setup; a hostile one is named and ignored.
import type { Page } from '@playwright/test';
import { test, assert, figure, report, setSpeed, simSeconds, stores, TILES } from './harness.ts';

test('a copied link restores the same setup in a fresh page, and the same numbers after the same simulated time', async ({ app }) => {
  const a = await app.open('', { viewport: { width: 1440, height: 900 } });
  await a.getByRole('combobox', { name: 'Scenario' }).selectOption('understaffed');
  await a.getByRole('button', { name: 'Setup' }).click();
  const setup = a.getByRole('region', { name: 'Setup' });
  const field = (name: string) => setup.getByRole('textbox', { name }).or(setup.getByRole('spinbutton', { name }));
  await field('Seed').fill('42');
  await field('Seed').press('Enter');
  await field('Tables').fill('10');
  await field('Tables').press('Enter');
  await a.getByRole('button', { name: 'Reset', exact: true }).click();
  await field('Arrival rate').fill('33');
  await field('Arrival rate').press('Enter');
  // Setup shares the panel beside the floor with the figures: close it to see them again.
  await a.getByRole('button', { name: 'Setup', exact: true }).click();
  await a.getByRole('radio', { name: 'Asynchronous' }).check();
  await setSpeed(a, '16');
  await a.getByRole('button', { name: 'More' }).click();
  await a.getByRole('button', { name: /^Copy link/ }).click();
  const link = await a.getByRole('textbox', { name: 'Link to this setup' }).inputValue();
  report(link.replace(app.origin, ''));
  assert(/scenario=understaffed/.test(link) && /seed=42/.test(link) && /tables=10/.test(link) && /rate=33/.test(link) && /mode=async/.test(link) && /speed=16/.test(link) && /paused/.test(link), `link ${link}`);
  assert(a.url() === link, 'the address bar shows the same setup');
  const b = await app.newPage({ width: 1440, height: 900 });
  await b.goto(link);
  await b.getByRole('region', { name: 'Restaurant floor' }).waitFor();
  const setupOf = async (page: Page) => ({
    scenario: await page.getByRole('combobox', { name: 'Scenario' }).inputValue(),
    speed: await page.getByRole('combobox', { name: 'Speed' }).inputValue(),
    async: await page.getByRole('radio', { name: 'Asynchronous' }).isChecked(),
    params: await stores(page, (p) => p.running),
  });
  const [sa, sb] = [await setupOf(a), await setupOf(b)];
  assert(JSON.stringify(sa) === JSON.stringify(sb), `setups differ: ${JSON.stringify(sa)} vs ${JSON.stringify(sb)}`);
  assert(sb.params.seed === 42 && sb.params.tables === 10 && sb.params.ratePerHour === 33 && sb.async, 'restored values');
  // Run both for the same simulated time from opening (page A restarts: it switched mode mid-way).
  await stores(a, (p) => p.restart(p.base, p.running, p.presetName, 'async'));
  for (const page of [a, b]) await stores(page, (p) => p.syncTo(3 * 3600, true));
  const figures = async (page: Page) => Promise.all(TILES.map(async (n) => (await figure(page, n)).text));
  const [fa, fb] = [await figures(a), await figures(b)];
  report(`after 3 simulated hours: ${fa.join(' | ')}`);
  assert(JSON.stringify(fa) === JSON.stringify(fb), `numbers differ:\n${fa}\n${fb}`);
});

test('a hostile link (huge and negative numbers, script text, junk) shows a notice naming what was ignored and runs the defaults', async ({ app }) => {
  const page = await app.newPage();
  let alerted = false;
  page.on('dialog', (d) => {
    alerted = true;
    void d.dismiss();
  });
  const hostile = '?tables=-5&waiters=99999999999999999999&seed=%3Cscript%3Ealert(1)%3C%2Fscript%3E&scenario=..%2F..%2Fetc%2Fpasswd&speed=1e308&compare=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&rate=NaN&stations=grill:999&zzz=%00%E0%A4%A&mode=javascript:alert(1)';
  await page.goto(`${app.url}${hostile}`);
  const notice = page.getByRole('status').filter({ hasText: 'ignored and the defaults run' });
  await notice.waitFor();
  const text = await notice.innerText();
  for (const named of ['tables=-5', 'waiters=9999', 'seed=<script>', 'scenario=../../etc/passwd', 'speed=1e308', 'compare=<img', 'rate=NaN', 'stations=grill:999'])
    assert(text.includes(named), `the notice does not name ${named}: ${text}`);
  assert((await page.locator('img').count()) === 0 && !alerted, 'link text became HTML or ran');
  const running = await stores(page, (p) => ({ ...p.running, preset: p.presetName, speed: p.speed, mode: p.mode }));
  assert(running.preset === 'friday-rush' && running.tables === 24 && running.waiters === 3 && running.seed === 5 && running.speed === 1 && running.mode === 'sync', `not the defaults: ${JSON.stringify(running)}`);
  await page.waitForTimeout(1200);
  assert((await simSeconds(page)) > 0, 'the page runs (a link plays unless it says paused)');
});
