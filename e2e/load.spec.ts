// The page loads from a sub-path and runs, with and without motion.
import { test, assert, figure, TILES, setSpeed, simSeconds } from './harness.ts';

test('the page loads from a sub-path with no console error and no request outside its origin', async ({ app }) => {
  const page = await app.open();
  for (const name of TILES) await figure(page, name);
  const modes = page.getByRole('radiogroup', { name: 'Mode' });
  assert((await modes.getByRole('radio').count()) === 2, 'two mode radios');
  await modes.getByRole('radio', { name: 'Synchronous', exact: true }).waitFor();
  const speedOptions = await page.getByRole('combobox', { name: 'Speed' }).locator('option').allInnerTexts();
  assert(speedOptions.includes('16×') && speedOptions.includes('¼×') && speedOptions.includes('64×') && speedOptions.includes('As fast as possible'), `speeds: ${speedOptions}`);
  const presets = await page.getByRole('combobox', { name: 'Scenario' }).locator('option').allInnerTexts();
  assert(presets.includes('friday-rush') && presets.length >= 5, `presets: ${presets}`);
  await page.getByRole('button', { name: 'Play' }).click();
  await setSpeed(page, '16');
  await page.waitForTimeout(1500);
  assert((await simSeconds(page)) > 60, 'time advanced');
  const waiters = await page.getByRole('region', { name: 'Restaurant floor' }).getByRole('img', { name: /^Waiter \d+: / }).count();
  assert(waiters === 3, `${waiters} waiters named on the floor`);
  // No console error, no request outside the origin, no failed request: the app fixture asserts these at the end.
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('reduced motion: the page runs and people stand at their places', async ({ app }) => {
    const page = await app.open('', { floor: false });
    await setSpeed(page, '16');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(2000);
    assert((await simSeconds(page)) > 600, 'time advanced');
  });
});
