// The page's console API (window.orderUp): wrong calls are refused cleanly; broken state is contained.
import type { SimState } from '../src/app/simStore.ts';
import { test, assert, figure, report, stores, TILES } from './harness.ts';

test('the console API: every method called with wrong arguments throws a clear ArgumentError, the page stays drawn and the simulation unchanged', async ({ app }) => {
  // The views that cannot draw a broken state log why (React's error boundary): those errors are expected here.
  app.allow({ problems: /could not draw|The above error|Cannot read|null/ });
  const page = await app.open();
  await page.evaluate(() => window.orderUp.session.getState().primary.getState().syncTo(1800, true));
  const result = await page.evaluate(() => {
    const session = window.orderUp.session;
    const p = () => session.getState().primary.getState();
    const print = () => {
      const s = p();
      return JSON.stringify([s.snapshot.time, s.generation, s.presetName, s.mode, s.speed, s.playing, s.running, s.edited, s.stats.summary.served, s.eventLog().entries.length, session.getState().compare, session.getState().presenter]);
    };
    const before = print();
    const wrong: unknown[] = [
      undefined,
      null,
      Number.NaN,
      'xyz',
      {},
      [],
      () => 1,
      Symbol('s'),
      10n,
      {
        toString: () => {
          throw new Error('boom');
        },
      },
    ];
    const calls: [string, unknown][] = [
      ['command', { type: 'setMode', mode: 'xyz' }],
      ['command', { type: 'admitParty', dishes: Array.from({ length: 100000 }, () => 'steak') }],
      ['command', { type: 'nope' }],
      ['command', { type: 'setArrivalRate', ratePerHour: -1 }],
      ...['setSpeed', 'setMode', 'loadPreset', 'notice', 'dismissNotice', 'tick', 'command', 'seek', 'startLesson', 'startLessonById', 'goToStep', 'syncTo', 'restart', 'onInput', 'onAction', 'setFrameBudget', 'withdrawNotice', 'importLog', 'setParam'].flatMap((m) => wrong.filter((w) => !((m === 'onInput' || m === 'onAction') && typeof w === 'function') && !(m === 'withdrawNotice' && typeof w === 'string')).map((w): [string, unknown] => [m, w])),
    ];
    const sessionCalls = ['setCompare', 'setPresenter', 'setNarrate', 'setShortcutsOpen', 'setKeyOpen', 'nudgeSpeed'].flatMap((m) => wrong.map((w): [string, unknown] => [m, w]));
    const out = { calls: 0, refused: 0, unclear: [] as string[], other: [] as string[], same: false, before: '', after: '' };
    const run = (target: object, m: string, arg: unknown) => {
      out.calls++;
      try {
        ((target as Record<string, unknown>)[m] as (a: unknown) => unknown).call(target, arg);
      } catch (e) {
        const err = e as Error | undefined;
        if (err?.name === 'ArgumentError' && err.message.startsWith(`${m}(`) && err.message.endsWith('Nothing changed.')) out.refused++;
        else if (err?.name === 'ArgumentError') out.unclear.push(err.message);
        else out.other.push(`${m}: ${String(e)}`);
        return;
      }
      out.other.push(`${m}(${typeof arg}) was accepted`);
    };
    for (const [m, a] of calls) run(p(), m, a);
    for (const [m, a] of sessionCalls) run(session.getState(), m, a);
    out.same = print() === before;
    out.before = before;
    out.after = print();
    return out;
  });
  report(`${result.calls} wrong calls, ${result.refused} refused with an ArgumentError naming the argument`);
  assert(result.other.length === 0, `not refused cleanly: ${result.other.slice(0, 5).join('; ')}`);
  assert(result.unclear.length === 0, `unclear: ${result.unclear.slice(0, 3).join('; ')}`);
  assert(result.same, `the simulation changed: ${result.before} → ${result.after}`);
  // Drawn: the floor, its tables and the figures are there.
  assert((await page.getByRole('region', { name: 'Restaurant floor' }).count()) === 1, 'the floor is gone');
  for (const name of TILES) await figure(page, name);
  assert((await page.getByRole('status').innerText()).includes('Refused'), 'the page does not say a call was refused');
  // A state no view expects (a console caller's setState): the views that cannot draw say so, the rest stays.
  await page.evaluate(() => {
    const p = window.orderUp.session.getState().primary;
    window.__good = p.getState().snapshot;
    p.setState({ snapshot: { ...window.__good, parties: null, staff: null, door: null } as unknown as SimState['snapshot'] });
  });
  await page.getByText(/Order Up could not draw/).first().waitFor();
  assert((await page.getByRole('button', { name: 'Play' }).count()) === 1, 'the top bar went with the broken view');
  await page.evaluate(() => window.orderUp.session.getState().primary.setState({ snapshot: window.__good }));
  for (let i = 0; i < 10 && (await page.getByRole('button', { name: 'Try again' }).count()) > 0; i++) await page.getByRole('button', { name: 'Try again' }).first().click();
  await page.getByRole('region', { name: 'Restaurant floor' }).waitFor();
  // Reload keeping this setup: a changed setup survives the reload.
  await stores(page, (p) => {
    p.setParam('tables', 9);
    p.reset();
  });
  await page.evaluate(() => {
    const p = window.orderUp.session.getState().primary;
    p.setState({ snapshot: { ...p.getState().snapshot, parties: null } as unknown as SimState['snapshot'] });
  });
  await page.getByRole('button', { name: 'Reload keeping this setup' }).first().click();
  await page.waitForURL(/tables=9/);
  await page.getByRole('region', { name: 'Restaurant floor' }).waitFor();
  const after = await stores(page, (p) => ({ tables: p.running.tables, preset: p.presetName, playing: p.playing }));
  assert(after.tables === 9 && after.preset === 'friday-rush' && !after.playing, `the reload lost the setup: ${JSON.stringify(after)}`);
});
