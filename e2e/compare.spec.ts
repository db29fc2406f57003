// Compare mode: two restaurants on the same customers, side by side, in lockstep.
import { readFileSync, writeFileSync } from 'node:fs';
import { test, assert, axeProblems, dismissNotices, report, runUntil, servedOf, setSpeed, shot, stores } from './harness.ts';

test('compare mode: two floors serve identical arrivals in lockstep, and async beats sync as theory says', async ({ app }) => {
  const page = await app.open('?compare&speed=64&paused', { floor: false });
  const syncFloor = page.getByRole('region', { name: 'Restaurant floor (Synchronous)' });
  const asyncFloor = page.getByRole('region', { name: 'Restaurant floor (Asynchronous)' });
  await syncFloor.waitFor();
  await asyncFloor.waitFor();
  // Record every party each floor's restaurant shows, with its arrival time, as the run goes.
  await page.evaluate(() => {
    const s = window.orderUp.session.getState();
    window.__seen = { sync: {}, async: {}, times: [] };
    const watch = (store: typeof s.primary, side: 'sync' | 'async') =>
      store.subscribe((st) => {
        for (const p of st.snapshot.parties) window.__seen[side][p.id] = p.arrivedAt;
      });
    const twin = s.twin;
    if (!twin) throw new Error('no twin in compare mode');
    watch(s.primary, 'sync');
    watch(twin, 'async');
    twin.subscribe((st) => window.__seen.times.push(st.snapshot.time - s.primary.getState().snapshot.time));
  });
  await page.getByRole('button', { name: 'Play' }).click();
  await runUntil(page, 2 * 3600);
  await page.getByRole('button', { name: 'Pause' }).click();
  const seen = await page.evaluate(() => window.__seen);
  const common = Object.keys(seen.async).filter((id) => id in seen.sync);
  const differing = common.filter((id) => seen.sync[id] !== seen.async[id]);
  const arrived = await stores(page, (p, t) => [p.snapshot.partiesArrived, t?.snapshot.partiesArrived, p.snapshot.time, t?.snapshot.time]);
  report(`${common.length} parties seen on both floors, ${differing.length} with different arrival times; arrived ${arrived[0]} / ${arrived[1]}; clocks ${arrived[2]} / ${arrived[3]}`);
  assert(common.length > 60 && differing.length === 0, `arrivals differ for parties ${differing.slice(0, 5)}`);
  assert(arrived[0] === arrived[1] && arrived[2] === arrived[3], 'the two restaurants are out of step');
  assert(Math.max(...seen.times.map(Math.abs)) === 0, 'the twin lagged behind the primary after an update');
  const fig = async (side: string, name: string) => {
    const text = await page.getByRole('region', { name: `Figures (${side})` }).getByRole('group', { name, exact: true }).innerText();
    return Number(/(\d+(?:\.\d+)?)/.exec(text.replace(/^[^\n]*\n/, ''))?.[1]);
  };
  const side = (name: string) => page.getByRole('region', { name: `Figures (${name})` });
  // The blocked tile says how many are blocked now, as many as the floor draws with red rings.
  const sync = { tp: await fig('Synchronous', 'Throughput'), blocked: await fig('Synchronous', 'Floor staff blocked'), served: (await servedOf(page, side('Synchronous'))).value, wait: await fig('Synchronous', "Customer's wait p95") };
  const asy = { tp: await fig('Asynchronous', 'Throughput'), blocked: await fig('Asynchronous', 'Floor staff blocked'), served: (await servedOf(page, side('Asynchronous'))).value, wait: await fig('Asynchronous', "Customer's wait p95") };
  const strip = await page.getByRole('region', { name: 'Comparison' }).locator('.difference').innerText();
  report(`sync ${JSON.stringify(sync)}  async ${JSON.stringify(asy)}`);
  report(strip);
  assert(asy.tp > sync.tp && asy.served > sync.served, 'async should serve more');
  assert(sync.blocked > 30 && asy.blocked < 3, `blocked sync ${sync.blocked}% async ${asy.blocked}%`);
  assert(strip.includes(`Async has served ${asy.served - sync.served} more dishes (${asy.served} vs ${sync.served})`), `difference strip: ${strip}`);
  assert(asy.wait < sync.wait && strip.includes(`Customers wait less in async: p95 ${asy.wait.toFixed(1)} min from door to last dish`), `customer's wait ${asy.wait} vs ${sync.wait}: ${strip}`);
  // Exports: the charts as a PNG, the metrics of both runs as CSV.
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save charts (PNG)' }).click()]);
  const pngBytes = readFileSync(await png.path());
  assert(pngBytes.subarray(1, 4).toString() === 'PNG' && pngBytes.length > 10_000, `PNG of ${pngBytes.length} bytes`);
  writeFileSync(shot('compare-charts.png'), pngBytes);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save metrics (CSV)' }).click()]);
  const rows = readFileSync(await csv.path(), 'utf8').trim().split('\n');
  const header = rows[0] ?? '';
  assert(header.startsWith('run,t,mode,served,throughputPerHour') && header.endsWith('customerWaitP95,doorWaitP95'), `CSV header ${header}`);
  assert(rows.some((r) => r.startsWith('sync,')) && rows.some((r) => r.startsWith('async,')), 'CSV holds both runs');
  await dismissNotices(page);
  await setSpeed(page, '1');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: shot('compare-1280x720.png') });
  const bad = await axeProblems(page, 'compare mode');
  assert(bad.length === 0, bad.join('\n'));
});
