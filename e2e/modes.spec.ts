// Synchronous and asynchronous service on the same customers, and switching while running.
import type { Page } from '@playwright/test';
import { test, assert, figure, report, runUntil, servedOf, setSpeed, shot, simSeconds, type App } from './harness.ts';

type Mode = 'Synchronous' | 'Asynchronous';

/** friday-rush at 64× in `mode` for two simulated hours, paused: its figures (the page stays open). */
async function rush(app: App, mode: Mode): Promise<{ page: Page; throughput: Awaited<ReturnType<typeof figure>>; blocked: Awaited<ReturnType<typeof figure>>; served: Awaited<ReturnType<typeof servedOf>>; wait: Awaited<ReturnType<typeof figure>> }> {
  const page = await app.open();
  await page.getByRole('radio', { name: mode, exact: true }).check();
  await setSpeed(page, '64');
  await page.getByRole('button', { name: 'Play' }).click();
  await runUntil(page, 2 * 3600);
  await page.getByRole('button', { name: 'Pause' }).click();
  return { page, throughput: await figure(page, 'Throughput'), blocked: await figure(page, 'Floor staff blocked'), served: await servedOf(page), wait: await figure(page, "Customer's wait p95") };
}

for (const mode of ['Synchronous', 'Asynchronous'] as const) {
  test(`friday-rush at 64× in ${mode} mode runs and is drawn`, async ({ app }) => {
    const r = await rush(app, mode);
    await r.page.screenshot({ path: shot(`friday-rush-${mode.toLowerCase()}-1280x720.png`) });
    assert(r.served.value > 100, `served ${r.served.text}`);
  });
}

test("async shows a higher Throughput, lower Floor staff blocked and a shorter customer's wait than sync on the same customers", async ({ app }) => {
  // Both runs, here: this test depends on no other's results.
  const s = await rush(app, 'Synchronous');
  const a = await rush(app, 'Asynchronous');
  report(`sync:  ${s.throughput.text} | ${s.blocked.text}`);
  report(`async: ${a.throughput.text} | ${a.blocked.text}`);
  assert(a.throughput.value > s.throughput.value, `throughput async ${a.throughput.value} vs sync ${s.throughput.value}`);
  assert(a.blocked.value < s.blocked.value, `blocked async ${a.blocked.value} vs sync ${s.blocked.value}`);
  assert(s.blocked.value > 30, `sync floor staff blocked ${s.blocked.value}%`);
  assert(a.wait.value < s.wait.value, `customer's wait p95 async ${a.wait.text} vs sync ${s.wait.text}`);
});

test('the mode switch works while running, and the floor shows it', async ({ app }) => {
  const page = await app.open('', { viewport: { width: 1440, height: 900 } });
  await setSpeed(page, '32');
  await page.getByRole('button', { name: 'Play' }).click();
  await runUntil(page, 3600);
  const floor = page.getByRole('region', { name: 'Restaurant floor' });
  await page.screenshot({ path: shot('sync-running-1440x900.png') });
  const blockedBefore = (await figure(page, 'Floor staff blocked')).value;
  await page.getByRole('radio', { name: 'Asynchronous' }).check();
  const switchedAt = await simSeconds(page);
  assert(await page.getByRole('button', { name: 'Pause' }).isVisible(), 'still playing after the switch');
  // Orders taken just before the switch finish the sync way: give them time to clear the 15-minute window.
  await runUntil(page, switchedAt + 60 * 60);
  const blockedAfter = (await figure(page, 'Floor staff blocked')).value;
  assert(blockedBefore > 30 && blockedAfter < 3, `floor staff blocked ${blockedBefore}% → ${blockedAfter}%`);
  // Since opening now spans both modes: the page says so, and the split is one tap away.
  const metrics = page.getByRole('region', { name: 'Metrics' });
  assert((await metrics.getByRole('group', { name: 'Throughput', exact: true }).innerText()).includes('both modes'), 'throughput tile says it spans both modes');
  await metrics.getByText('Since opening spans both modes').click();
  const split = await metrics.locator('.by-mode table').innerText();
  assert(/Synchronous/.test(split) && /Asynchronous/.test(split) && /dishes\/h/.test(split), `by-mode table: ${split}`);
  assert((await floor.getByRole('img', { name: /^Waiter \d+: blocked at pass/ }).count()) === 0, 'no waiter blocked in async');
  await setSpeed(page, '1');
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('switched-to-async-1440x900.png') });
});
