// Presenter mode: for a projector in a classroom.
import { test, assert, axeProblems, dismissNotices, runUntil, setSpeed, shot } from './harness.ts';

test('presenter mode: large type, editing panels hidden, play/step/speed/mode kept; no serious accessibility violation', async ({ app }) => {
  const page = await app.open('?presenter&speed=32');
  await runUntil(page, 1800);
  for (const name of ['Pause', 'Step', 'Reset']) assert(await page.getByRole('button', { name, exact: true }).isVisible(), `${name} visible`);
  assert(await page.getByRole('radiogroup', { name: 'Mode' }).isVisible(), 'mode kept');
  assert(await page.getByRole('combobox', { name: 'Speed' }).isVisible(), 'speed kept');
  for (const hidden of ['Setup', 'Event log']) assert((await page.getByRole('button', { name: hidden, exact: true }).count()) === 0, `${hidden} hidden`);
  const size = await page.locator('.big-value').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const bodySize = await page.locator('.app').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert(size >= 40 && bodySize >= 18, `big numbers ${size}px, text ${bodySize}px`);
  await setSpeed(page, '1');
  await dismissNotices(page);
  await page.waitForTimeout(800);
  await page.screenshot({ path: shot('presenter-1280x720.png') });
  const bad = await axeProblems(page, 'presenter mode');
  assert(bad.length === 0, bad.join('\n'));
  await page.goto(`${app.url}?presenter&compare&speed=32`);
  await runUntil(page, 1800);
  await setSpeed(page, '1');
  await dismissNotices(page);
  await page.waitForTimeout(800);
  await page.screenshot({ path: shot('presenter-compare-1280x720.png') });
});
