// ?fuzz: the page presses random controls and shortcuts and checks its invariants.
import { test, assert, report, shot } from './harness.ts';

const FUZZ_ACTIONS = Number(process.env.FUZZ_ACTIONS ?? 20_000);

test(`?fuzz: ${FUZZ_ACTIONS.toLocaleString('en')}+ random actions over 4 seeds, no console error, no exception, no broken invariant`, async ({ app }) => {
  test.setTimeout(4 * 330_000);
  let total = 0;
  for (const seed of [1, 2, 3, 4]) {
    const page = await app.newPage();
    const errorsBefore = app.problems.length;
    page.on('dialog', (d) => void d.dismiss());
    await page.goto(`${app.url}?fuzz=${seed}`);
    const t0 = Date.now();
    const target = Math.ceil(FUZZ_ACTIONS / 4);
    await page.waitForFunction((n) => (window.orderUp?.fuzzer?.actions ?? 0) >= n || (window.orderUp?.fuzzer?.broken.length ?? 0) > 0, target, { timeout: 300_000, polling: 250 });
    const { actions, broken } = await page.evaluate(() => ({ actions: window.orderUp.fuzzer?.actions ?? 0, broken: [...(window.orderUp.fuzzer?.broken ?? [])] }));
    total += actions;
    const problems = app.problems.slice(errorsBefore);
    report(`seed ${seed}: ${actions.toLocaleString('en')} actions in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${broken.length} broken; ${problems.length} console errors`);
    if (seed === 1) await page.screenshot({ path: shot('fuzz-1280x720.png') });
    assert(broken.length === 0, `broken invariants: ${broken.slice(0, 5).join('\n')}`);
    assert(problems.length === 0, `console errors: ${problems.slice(0, 5).join('\n')}`);
    await page.close();
  }
  assert(total >= FUZZ_ACTIONS, `${total} actions`);
});
