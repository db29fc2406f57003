// Accessibility of the main view, with the event log, and of the shortcuts dialog (axe-core).
import { test, assert, axeProblems, runUntil, setSpeed, shot } from './harness.ts';

test('the main view and the shortcuts dialog have no serious or critical accessibility violation', async ({ app }) => {
  const page = await app.open();
  await setSpeed(page, '16');
  await page.getByRole('button', { name: 'Play' }).click();
  await runUntil(page, 1200);
  let bad = await axeProblems(page, 'main view');
  await page.getByRole('button', { name: 'Event log' }).click();
  bad = bad.concat(await axeProblems(page, 'main view with the event log'));
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  bad = bad.concat(await axeProblems(page, 'shortcuts dialog'));
  await page.screenshot({ path: shot('shortcuts-1280x720.png') });
  assert(bad.length === 0, bad.join('\n'));
});
