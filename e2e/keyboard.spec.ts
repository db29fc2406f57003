// Keyboard only: every control reachable by Tab with a visible focus ring, and every shortcut.
import { test, assert, report, setSpeed, stores } from './harness.ts';

test('keyboard only: Tab reaches every control, with a visible focus ring, and every shortcut works', async ({ app }) => {
  const page = await app.open();
  const describe = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return { key: `${el.tagName}|${el.getAttribute('aria-label') ?? ''}|${(el.textContent ?? '').trim().slice(0, 30)}|${el.getAttribute('name') ?? ''}|${el.getAttribute('value') ?? ''}`, ring };
    });
  const controls = await page.evaluate(() =>
    // Tabs follow the roving-tabindex pattern: one Tab stop, arrow keys between them (checked below).
    [...document.querySelectorAll<HTMLElement>('button:not([tabindex="-1"]), select, input, a[href], textarea, [tabindex]:not([tabindex="-1"])')]
      .filter((el) => el.offsetParent !== null && !el.closest('[hidden]') && !(el as HTMLButtonElement).disabled && !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked))
      .map((el) => `${el.tagName}|${el.getAttribute('aria-label') ?? ''}|${(el.textContent ?? '').trim().slice(0, 30)}|${el.getAttribute('name') ?? ''}|${el.getAttribute('value') ?? ''}`),
  );
  const reached = new Set<string>();
  const noRing: string[] = [];
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const d = await describe();
    if (!d) continue;
    if (reached.has(d.key) && reached.size >= controls.length) break;
    reached.add(d.key);
    if (!d.ring) noRing.push(d.key);
  }
  const missed = controls.filter((c) => !reached.has(c));
  report(`${controls.length} controls on the page, ${reached.size} reached by Tab${missed.length ? `; missed ${missed.join(', ')}` : ''}`);
  assert(missed.length === 0, `not reachable by Tab: ${missed.join(', ')}`);
  assert(noRing.length === 0, `no visible focus on: ${noRing.slice(0, 5).join(', ')}`);
  // The panel tabs beside the floor: one Tab stop, then arrow keys reach every tab.
  await page.getByRole('tab', { selected: true }).focus();
  const tabNames = await page.getByRole('tab').allInnerTexts();
  const seen = new Set<string>();
  for (let i = 0; i < tabNames.length; i++) {
    seen.add(await page.evaluate(() => document.activeElement?.textContent ?? ''));
    await page.keyboard.press('ArrowRight');
  }
  assert(
    tabNames.every((n) => seen.has(n)),
    `arrow keys reached ${[...seen]} of ${tabNames}`,
  );
  // Every shortcut, from the page (focus on nothing in particular).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const state = () =>
    stores(page, (p) => ({ playing: p.playing, speed: p.speed, mode: p.mode, time: p.snapshot.time, events: p.restaurant().eventsFired, compare: window.orderUp.session.getState().compare, presenter: window.orderUp.session.getState().presenter, narrate: window.orderUp.session.getState().narrate }));
  await page.keyboard.press('Space');
  assert((await state()).playing, 'Space plays');
  await page.keyboard.press('Space');
  assert(!(await state()).playing, 'Space pauses');
  let before = (await state()).events;
  await page.keyboard.press('.');
  assert((await state()).events === before + 1, '. steps one event');
  before = (await state()).events;
  await page.keyboard.press('ArrowRight');
  assert((await state()).events === before + 1, '→ steps one event');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  assert((await state()).speed === 4, '+ speeds up');
  await page.keyboard.press('-');
  assert((await state()).speed === 2, '- slows down');
  await page.keyboard.press('m');
  assert((await state()).mode === 'async' && (await page.getByRole('radio', { name: 'Asynchronous' }).isChecked()), 'M switches mode');
  await page.keyboard.press('r');
  assert((await state()).time === 0, 'R resets');
  await page.keyboard.press('d');
  await page.getByRole('status').filter({ hasText: /At 0:00:00, asynchronous service/ }).waitFor();
  await page.keyboard.press('n');
  assert(!(await state()).narrate, 'N turns narration off');
  await page.keyboard.press('n');
  await page.keyboard.press('c');
  await page.getByRole('region', { name: 'Restaurant floor (Asynchronous)' }).waitFor();
  await page.keyboard.press('p');
  assert((await state()).presenter, 'P presenter');
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  assert(await page.evaluate(() => document.activeElement?.textContent === 'Close'), 'focus moves into the dialog');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await page.keyboard.press('p');
  await page.keyboard.press('c');
  const s = await state();
  assert(!s.compare && !s.presenter, 'C and P toggle back');
  await page.getByRole('region', { name: 'Restaurant floor' }).waitFor();
  // The narration speaks in plain words while the restaurant runs.
  await setSpeed(page, '8');
  await page.getByRole('radio', { name: 'Synchronous', exact: true }).check();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await page.waitForFunction(() => /blocked at the pass|dishes served|walked out/.test(document.querySelector('[data-testid="narration"]')?.textContent ?? ''), null, { timeout: 30_000 });
  report(`narration: "${await page.getByTestId('narration').innerText()}"`);
});
