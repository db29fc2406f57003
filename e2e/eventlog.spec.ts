// The event log: bad imports refused, export and re-import byte for byte, 100,000 entries.
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test, assert, frameStats, report, runUntil, scratch, setSpeed, shot, simSeconds, stores } from './harness.ts';

const root = new URL('..', import.meta.url).pathname;

test('a malformed batch is refused with a message naming the problem, and the run keeps its state', async ({ app }) => {
  const page = await app.open();
  await setSpeed(page, '64');
  await page.getByRole('button', { name: 'Play' }).click();
  await runUntil(page, 1800);
  await page.getByRole('button', { name: 'Pause' }).click();
  const before = await stores(page, (p) => ({ t: p.snapshot.time, served: p.stats.summary.served }));
  await page.getByRole('button', { name: 'Event log' }).click();
  const bad = join(scratch(), 'bad.json');
  writeFileSync(bad, JSON.stringify([{ specversion: '1.0', id: 'a', source: '/x', type: 'DishReady', kind: 'event', topic: 'pass', offset: 0 }, { specversion: '1.0', id: 'b', source: '/x', type: '<img src=x onerror=alert(1)>', kind: 'event', topic: 'pass', offset: -4 }]));
  await page.getByLabel('Import a CloudEvents batch').setInputFiles(bad);
  const status = page.getByRole('status').filter({ hasText: 'was not imported' });
  await status.waitFor();
  const text = await status.innerText();
  assert(/bad\.json was not imported: entry 1, field "offset"/.test(text), `message: ${text}`);
  assert((await page.locator('img').count()) === 0, 'imported text must never become HTML');
  const after = await stores(page, (p) => ({ t: p.snapshot.time, served: p.stats.summary.served }));
  assert(after.t === before.t && after.served === before.served, 'the simulation changed');
  assert(!(await page.getByText('imported messages from').isVisible()), 'the bad file is not being viewed');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(500);
  assert((await simSeconds(page)) > before.t, 'the run goes on after a bad import');
});

test('an exported log re-imports and exports again byte for byte', async ({ app }) => {
  const page = await app.open();
  await page.getByRole('radio', { name: 'Asynchronous' }).check();
  await setSpeed(page, '64');
  await page.getByRole('button', { name: 'Play' }).click();
  await runUntil(page, 3600);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Event log' }).click();
  const exportText = async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export log' }).click()]);
    return readFileSync(await dl.path(), 'utf8');
  };
  const first = await exportText();
  const events = JSON.parse(first) as { specversion: string }[];
  assert(events.length > 200 && events.every((e) => e.specversion === '1.0'), `${events.length} events exported`);
  const file = join(scratch(), 'exported.json');
  writeFileSync(file, first);
  await page.getByLabel('Import a CloudEvents batch').setInputFiles(file);
  await page.locator('.imported').getByText(`Viewing ${events.length.toLocaleString('en')} imported messages`).waitFor();
  const again = await exportText();
  assert(again === first, 'the re-exported batch differs from the original');
  // Its envelope and causation chain show for a picked message.
  await page.getByRole('list', { name: 'Messages', exact: true }).getByRole('button').last().click();
  await page.getByRole('heading', { name: 'Causation chain' }).waitFor();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export series CSV' }).click()]);
  const csvText = readFileSync(await csv.path(), 'utf8');
  assert(csvText.startsWith('run,t,mode,served,throughputPerHour') && csvText.split('\n').length > 60, 'series CSV');
  await page.screenshot({ path: shot('event-log-1280x720.png') });
});

test('the event log stays responsive with 100,000 entries (figures printed)', async ({ app }) => {
  test.setTimeout(600_000);
  const big = join(scratch(), 'big.json');
  const sim = spawnSync('npx', ['tsx', 'src/cli/run.ts', '--scenario', 'friday-rush', '--mode', 'async', '--minutes', '24000', '--warmup-minutes', '30', '--events', big], { encoding: 'utf8', cwd: root });
  assert(sim.status === 0, `sim failed: ${sim.stderr}`);
  const count = (JSON.parse(readFileSync(big, 'utf8')) as unknown[]).length;
  assert(count >= 100_000, `${count} events`);
  const page = await app.open('', { viewport: { width: 1440, height: 900 } });
  await page.getByRole('button', { name: 'Event log' }).click();
  const t0 = Date.now();
  await page.getByLabel('Import a CloudEvents batch').setInputFiles(big);
  await page.locator('.imported').getByText(`Viewing ${count.toLocaleString('en')} imported messages`).waitFor({ timeout: 60_000 });
  const importMs = Date.now() - t0;
  const list = page.getByRole('list', { name: 'Messages', exact: true });
  await list.hover();
  const scrolling = (async () => {
    for (let i = 0; i < 60; i++) {
      await page.mouse.wheel(0, i % 20 < 10 ? -2400 : 2400);
      await page.waitForTimeout(40);
    }
  })();
  const scroll = await frameStats(page, 2600);
  await scrolling;
  const t1 = Date.now();
  await page.getByRole('combobox', { name: 'Filter by type' }).selectOption('DishReady');
  await page.getByText(/^[\d,]+ of [\d,]+ · keeps/).filter({ hasNotText: `${count.toLocaleString('en')} of` }).waitFor();
  const filterMs = Date.now() - t1;
  const rows = await list.getByRole('button').count();
  report(`${count.toLocaleString('en')} entries: import ${importMs} ms; scrolling: ${scroll}; filter by type ${filterMs} ms; ${rows} rows in the DOM`);
  assert(rows < 200, `${rows} rows rendered: the list is not virtualised`);
});
