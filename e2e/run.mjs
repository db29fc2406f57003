/* global window, document, performance, PerformanceObserver, requestAnimationFrame, getComputedStyle, crypto, TextEncoder -- page.evaluate callbacks run in the browser */
// Browser tests: the built page (dist/) served by a plain static server under a sub-path
// (as any static host would), driven in Debian's Chromium through playwright-core. Run
// `npm run build` first. Prints one line per check, the measured frame times, and ends with
// "N passed, N failed"; exits non-zero on any failure. Screenshots go to e2e/screenshots/.
import { SUB, checks, launch, serveDist } from './serve.mjs';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const shots = new URL('./screenshots/', import.meta.url);
mkdirSync(shots, { recursive: true });
const { origin, close: closeServer } = await serveDist();
const browser = await launch();

const { check, assert, finish } = checks();

async function open(viewport = { width: 1280, height: 720 }) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  const foreign = [];
  const missing = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('request', (r) => !r.url().startsWith(origin) && !r.url().startsWith('data:') && foreign.push(r.url()));
  page.on('response', (r) => r.status() >= 400 && missing.push(`${r.status()} ${r.url()}`));
  await page.goto(origin + SUB);
  await page.getByRole('region', { name: 'Restaurant floor' }).waitFor();
  return { page, problems, foreign, missing };
}

/** The first number shown in a big figure of the Metrics region. */
async function figure(page, name) {
  const text = await page.getByRole('region', { name: 'Metrics' }).getByRole('group', { name, exact: true }).innerText();
  const m = /(\d+(?:\.\d+)?)/.exec(text.replace(/^[^\n]*\n/, ''));
  if (!m) throw new Error(`no number in "${name}": ${text}`);
  return { value: Number(m[1]), text: text.replace(/\s+/g, ' ') };
}
/** The four big figures of the Metrics tab, by name. */
const TILES = ['Throughput', "Customer's wait p95", 'Order → served p95', 'Floor staff blocked'];
/** Dishes served since opening, as the Throughput tile says it. */
async function servedOf(page, scope = page.getByRole('region', { name: 'Metrics' })) {
  const text = await scope.getByRole('group', { name: 'Throughput', exact: true }).innerText();
  const m = /(\d+) (?:dishes )?served/.exec(text);
  if (!m) throw new Error(`no dishes served in: ${text}`);
  return { value: Number(m[1]), text: text.replace(/\s+/g, ' ') };
}
const simSeconds = async (page) => {
  const [h, m, s] = (await page.locator('[aria-label="Simulated time"] .clock-now').innerText()).trim().split(':').map(Number);
  return h * 3600 + m * 60 + s;
};
async function runUntil(page, seconds) {
  await page.waitForFunction(
    (target) => {
      const el = document.querySelector('[aria-label="Simulated time"] .clock-now');
      if (!el) return false;
      const [h, m, s] = el.textContent.split(':').map(Number);
      return h * 3600 + m * 60 + s >= target;
    },
    seconds,
    { timeout: 60_000, polling: 100 },
  );
}
const setSpeed = (page, v) => page.getByRole('combobox', { name: 'Speed' }).selectOption(v);
/** Read the primary (and in compare mode the twin) store through the page's console handle. */
const stores = (page, fn, arg) => page.evaluate(([src, a]) => {
  const s = window.orderUp.session.getState();
  return new Function('p', 't', 'a', `return (${src})(p, t, a);`)(s.primary.getState(), s.twin?.getState() ?? null, a);
}, [fn.toString(), arg]);

await check('the page loads from a sub-path with no console error and no request outside its origin', async () => {
  const { page, problems, foreign, missing } = await open();
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
  assert(problems.length === 0, `console errors: ${problems.join('; ')}`);
  assert(foreign.length === 0, `requests outside the page: ${foreign.join(', ')}`);
  assert(missing.length === 0, `failed requests: ${missing.join(', ')}`);
  await page.close();
});

const results = {};
for (const mode of ['Synchronous', 'Asynchronous']) {
  await check(`friday-rush at 64× in ${mode} mode runs and is drawn`, async () => {
    const { page, problems } = await open();
    await page.getByRole('radio', { name: mode, exact: true }).check();
    await setSpeed(page, '64');
    await page.getByRole('button', { name: 'Play' }).click();
    await runUntil(page, 2 * 3600);
    await page.getByRole('button', { name: 'Pause' }).click();
    results[mode] = { throughput: await figure(page, 'Throughput'), blocked: await figure(page, 'Floor staff blocked'), served: await servedOf(page), wait: await figure(page, "Customer's wait p95") };
    await page.screenshot({ path: new URL(`friday-rush-${mode.toLowerCase()}-1280x720.png`, shots).pathname });
    assert(results[mode].served.value > 100, `served ${results[mode].served.text}`);
    assert(problems.length === 0, `console errors: ${problems.join('; ')}`);
    await page.close();
  });
}
await check("async shows a higher Throughput, lower Floor staff blocked and a shorter customer's wait than sync on the same customers", async () => {
  const s = results.Synchronous;
  const a = results.Asynchronous;
  assert(s && a, 'both runs finished');
  console.log(`     sync:  ${s.throughput.text} | ${s.blocked.text}\n     async: ${a.throughput.text} | ${a.blocked.text}`);
  assert(a.throughput.value > s.throughput.value, `throughput async ${a.throughput.value} vs sync ${s.throughput.value}`);
  assert(a.blocked.value < s.blocked.value, `blocked async ${a.blocked.value} vs sync ${s.blocked.value}`);
  assert(s.blocked.value > 30, `sync floor staff blocked ${s.blocked.value}%`);
  assert(a.wait.value < s.wait.value, `customer's wait p95 async ${a.wait.text} vs sync ${s.wait.text}`);
});

await check('the mode switch works while running, and the floor shows it', async () => {
  const { page, problems } = await open({ width: 1440, height: 900 });
  await setSpeed(page, '32');
  await page.getByRole('button', { name: 'Play' }).click();
  await runUntil(page, 3600);
  const floor = page.getByRole('region', { name: 'Restaurant floor' });
  await page.screenshot({ path: new URL('sync-running-1440x900.png', shots).pathname });
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
  await page.screenshot({ path: new URL('switched-to-async-1440x900.png', shots).pathname });
  assert(problems.length === 0, `console errors: ${problems.join('; ')}`);
  await page.close();
});

await check('reduced motion: the page runs and people stand at their places', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(origin + SUB);
  await setSpeed(page, '16');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(2000);
  assert((await simSeconds(page)) > 600, 'time advanced');
  assert(problems.length === 0, `errors: ${problems.join('; ')}`);
  await context.close();
});

// ---- the event log -------------------------------------------------------------------
const tmp = mkdtempSync(join(tmpdir(), 'orderup-e2e-'));
const frameStats = async (page, ms) => {
  await page.evaluate(() => {
    window.__f = [];
    let last = performance.now();
    const loop = (t) => {
      window.__f.push(t - last);
      last = t;
      if (window.__f.length < 100000) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await page.waitForTimeout(ms);
  const f = (await page.evaluate(() => window.__f.splice(0))).slice(1).sort((a, b) => a - b);
  const q = (p) => f[Math.min(f.length - 1, Math.ceil(p * f.length) - 1)];
  return `${f.length} frames, p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${f.at(-1).toFixed(1)} ms`;
};

await check('a malformed batch is refused with a message naming the problem, and the run keeps its state', async () => {
  const { page, problems } = await open();
  await setSpeed(page, '64');
  await page.getByRole('button', { name: 'Play' }).click();
  await runUntil(page, 1800);
  await page.getByRole('button', { name: 'Pause' }).click();
  const before = await stores(page, (p) => ({ t: p.snapshot.time, served: p.stats.summary.served }));
  await page.getByRole('button', { name: 'Event log' }).click();
  const bad = join(tmp, 'bad.json');
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
  assert(problems.length === 0, `console errors: ${problems.join('; ')}`);
  await page.close();
});

await check('an exported log re-imports and exports again byte for byte', async () => {
  const { page, problems } = await open();
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
  const events = JSON.parse(first);
  assert(events.length > 200 && events.every((e) => e.specversion === '1.0'), `${events.length} events exported`);
  const file = join(tmp, 'exported.json');
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
  await page.screenshot({ path: new URL('event-log-1280x720.png', shots).pathname });
  assert(problems.length === 0, `console errors: ${problems.join('; ')}`);
  await page.close();
});

await check('the event log stays responsive with 100,000 entries (figures printed)', async () => {
  const big = join(tmp, 'big.json');
  const sim = spawnSync('npx', ['tsx', 'src/cli/run.ts', '--scenario', 'friday-rush', '--mode', 'async', '--minutes', '24000', '--warmup-minutes', '30', '--events', big], { encoding: 'utf8' });
  assert(sim.status === 0, `sim failed: ${sim.stderr}`);
  const count = JSON.parse(readFileSync(big, 'utf8')).length;
  assert(count >= 100_000, `${count} events`);
  const { page, problems } = await open({ width: 1440, height: 900 });
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
  console.log(`     ${count.toLocaleString('en')} entries: import ${importMs} ms; scrolling: ${scroll}; filter by type ${filterMs} ms; ${rows} rows in the DOM`);
  assert(rows < 200, `${rows} rows rendered: the list is not virtualised`);
  assert(problems.length === 0, `console errors: ${problems.join('; ')}`);
  await page.close();
});

// ---- lessons ----------------------------------------------------------------------------
const LESSONS = ['sync-vs-async', 'events-vs-commands', 'fan-out', 'when-sync', 'eventual-consistency', 'event-sourcing', 'cqrs', 'anti-patterns', 'contracts'];
for (const id of LESSONS) {
  await check(`lesson ${id}: opens by URL and its tour is walked to the end with the keyboard only`, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(`${origin}${SUB}?lesson=${id}`);
    const region = page.getByRole('region', { name: 'Lesson' });
    await region.waitFor();
    const title = await region.getByRole('heading').first().innerText();
    assert(title.length > 3, `lesson title "${title}"`);
    assert((await page.getByRole('combobox', { name: 'Lesson' }).inputValue()) === id, 'the menu shows the lesson');
    await page.screenshot({ path: new URL(`lesson-${id}-intro-1280x720.png`, shots).pathname });
    // Keyboard only: Tab to the tour button, then Enter through every step.
    let found = false;
    for (let i = 0; i < 80 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.textContent === 'Start the tour');
    }
    assert(found, 'Tab never reached "Start the tour"');
    let steps = 0;
    for (; steps < 12; steps++) {
      await page.keyboard.press('Enter');
      await page.waitForTimeout(700);
      if (await region.getByRole('heading', { name: 'What you’re learning' }).isVisible()) break;
      const label = await page.evaluate(() => document.activeElement?.textContent ?? '');
      assert(/Next step|Finish/.test(label), `focus left the tour button (on "${label}")`);
    }
    assert(await region.getByRole('heading', { name: 'What you’re learning' }).isVisible(), 'the summary was never reached');
    if (id === 'anti-patterns') {
      await page.getByRole('region', { name: 'Message linter' }).getByText(/SendEmailToCustomer is published as an event/).waitFor();
      assert((await simSeconds(page)) > 0, 'the tour ran the simulation');
    } else if (id === 'when-sync') {
      const table = await page.getByRole('table', { name: 'Time until the user can use the app' }).innerText();
      assert(/Event-driven login/.test(table) && /600/.test(table), `login table: ${table}`);
    } else if (id === 'fan-out') {
      const table = await page.getByRole('table', { name: 'Median delay after a task is created' }).innerText();
      assert(/Notification/.test(table), `fan-out table: ${table}`);
    } else if (id === 'eventual-consistency') {
      // This lesson's world runs in its panel: the books must add up at the moment shown.
      const books = await page.getByRole('table', { name: 'The books' }).innerText();
      assert(/nothing lost/.test(books), `books: ${books}`);
      await page.getByRole('button', { name: 'Read your savings balance now' }).press('Enter');
      await page.getByRole('status').filter({ hasText: 'The savings app shows' }).waitFor();
    } else {
      assert((await simSeconds(page)) > 0, 'the tour ran the simulation');
    }
    await page.screenshot({ path: new URL(`lesson-${id}-end-1280x720.png`, shots).pathname });
    assert(problems.length === 0, `console errors: ${problems.join('; ')}`);
    await page.close();
  });
}

await check('an unknown lesson in the URL shows a notice and the page runs', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(`${origin}${SUB}?lesson=%3Cscript%3Ealert(1)%3C%2Fscript%3E`);
  await page.getByRole('status').filter({ hasText: /lesson=<script>alert\(1\)<\/script.{0,2} \(no such lesson\)/ }).waitFor();
  assert((await page.getByRole('region', { name: 'Lesson' }).count()) === 0, 'no lesson shown');
  // A link plays unless it says paused: the defaults run.
  await page.waitForTimeout(800);
  assert((await simSeconds(page)) > 0, 'the page runs');
  assert(problems.length === 0, `errors: ${problems.join('; ')}`);
  await page.close();
});

await check('determinism: every preset replayed with the same recorded actions gives the same event log hash in Node and in the browser', async () => {
  const node = spawnSync('npx', ['tsx', 'e2e/loghashes.ts'], { encoding: 'utf8', cwd: new URL('..', import.meta.url).pathname });
  assert(node.status === 0, `Node side failed: ${node.stderr}`);
  const expected = JSON.parse(node.stdout);
  const page = await browser.newPage();
  await page.goto(origin + SUB);
  await page.getByRole('region', { name: 'Restaurant floor' }).waitFor();
  const got = await page.evaluate(async (presets) => {
    const out = {};
    for (const p of presets) {
      const text = window.orderUp.scriptedLog(p);
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
      out[p] = { sha: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''), messages: JSON.parse(text).length };
    }
    return out;
  }, Object.keys(expected));
  for (const [preset, e] of Object.entries(expected)) {
    console.log(`     ${preset.padEnd(13)} ${e.messages} messages  node ${e.sha.slice(0, 16)}…  browser ${got[preset].sha.slice(0, 16)}…`);
    assert(got[preset].sha === e.sha, `${preset}: the browser's log differs from Node's`);
  }
  await page.close();
});

const FUZZ_ACTIONS = Number(process.env.FUZZ_ACTIONS ?? 20_000);
await check(`?fuzz: ${FUZZ_ACTIONS.toLocaleString('en')}+ random actions over 4 seeds, no console error, no exception, no broken invariant`, async () => {
  let total = 0;
  for (const seed of [1, 2, 3, 4]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('dialog', (d) => void d.dismiss());
    await page.goto(`${origin}${SUB}?fuzz=${seed}`);
    const t0 = Date.now();
    const target = Math.ceil(FUZZ_ACTIONS / 4);
    await page.waitForFunction((n) => (window.orderUp?.fuzzer?.actions ?? 0) >= n || (window.orderUp?.fuzzer?.broken.length ?? 0) > 0, target, { timeout: 300_000, polling: 250 });
    const { actions, broken } = await page.evaluate(() => ({ actions: window.orderUp.fuzzer.actions, broken: [...window.orderUp.fuzzer.broken] }));
    total += actions;
    console.log(`     seed ${seed}: ${actions.toLocaleString('en')} actions in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${broken.length} broken; ${problems.length} console errors`);
    if (seed === 1) await page.screenshot({ path: new URL('fuzz-1280x720.png', shots).pathname });
    assert(broken.length === 0, `broken invariants: ${broken.slice(0, 5).join('\n')}`);
    assert(problems.length === 0, `console errors: ${problems.slice(0, 5).join('\n')}`);
    await page.close();
  }
  assert(total >= FUZZ_ACTIONS, `${total} actions`);
});

// ---- long runs and sleep --------------------------------------------------------------------
const LONG_HOURS = Number(process.env.LONG_HOURS ?? 12);
/** Heap after a forced garbage collection may not exceed this, MB (about 3× what the page needs). */
const HEAP_CEILING_MB = 120;
await check(`long run: a ${LONG_HOURS}-hour service at 64× keeps the heap under ${HEAP_CEILING_MB} MB after GC, the event log within its window (said in the UI), and frame times flat`, async () => {
  const { page, problems } = await open();
  const cdp = await page.context().newCDPSession(page);
  const heapMb = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6;
  };
  await stores(page, (p, _t, hours) => p.restart({ ...p.base, durationSeconds: hours * 3600 }, p.running, p.presetName, 'async'), LONG_HOURS);
  await page.evaluate(() => {
    window.__work = [];
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: false });
    const loop = (t) => {
      window.__work.push(performance.now() - t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await setSpeed(page, '64');
  await page.getByRole('button', { name: 'Play' }).click();
  const rows = [];
  const q95 = (xs) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(0.95 * xs.length) - 1)] ?? 0;
  for (let h = 1; h <= LONG_HOURS; h++) {
    await runUntil(page, h * 3600 - (h === LONG_HOURS ? 60 : 0));
    const work = await page.evaluate(() => window.__work.splice(0));
    const heap = await heapMb();
    const log = await stores(page, (p) => ({ entries: p.eventLog().entries.length, dropped: p.eventLog().dropped, retained: p.restaurant().snapshot().consumers.groups.length }));
    rows.push({ h, heap, p95: q95(work), frames: work.length, log: log.entries });
    assert(log.entries <= 110_000, `${log.entries} log entries in memory`);
    if (h % Math.max(1, Math.round(LONG_HOURS / 12)) === 0 || h === LONG_HOURS) console.log(`     hour ${h}: heap ${heap.toFixed(1)} MB after GC; script/frame p95 ${q95(work).toFixed(1)} ms over ${work.length} frames; event log ${log.entries.toLocaleString('en')} entries in memory`);
  }
  const long = await page.evaluate(() => [...window.__long]);
  assert(Math.max(...rows.map((r) => r.heap)) < HEAP_CEILING_MB, `heap over ${HEAP_CEILING_MB} MB`);
  if (rows.length >= 6) {
    // Early hours against late hours (medians of a third each: single hours are noisy).
    const third = Math.floor(rows.length / 3);
    const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const early = med(rows.slice(1, 1 + third).map((r) => r.p95));
    const late = med(rows.slice(-third).map((r) => r.p95));
    console.log(`     script/frame p95, median of hours: early ${early.toFixed(1)} ms, late ${late.toFixed(1)} ms`);
    assert(late <= early * 1.5 + 3, `frame times grew: ${early.toFixed(1)} → ${late.toFixed(1)} ms`);
    assert(rows.at(-1).heap <= rows[1].heap * 1.5 + 10, `heap grew: ${rows[1].heap.toFixed(1)} → ${rows.at(-1).heap.toFixed(1)} MB`);
  }
  assert(long.every((d) => d <= 100), `long tasks: ${long.map((d) => d.toFixed(0)).join(', ')} ms`);
  // The log says it keeps a bounded window.
  await page.getByRole('button', { name: 'Event log' }).click();
  await page.getByText(/keeps the newest 100,000/).waitFor();
  assert(problems.length === 0, `console errors: ${problems.join('; ')}`);
  await page.close();
});

await check('a hidden tab or a sleeping machine: no frames means no simulated time; coming back moves it on by one bounded frame', async () => {
  const { page, problems } = await open();
  await setSpeed(page, '16');
  await page.getByRole('button', { name: 'Play' }).click();
  await runUntil(page, 600);
  // No frame for 3 wall seconds (a hidden tab gets no animation frames; a sleeping machine runs
  // nothing): then the frames after waking, and how far the clock moves in each.
  const { before, steps } = await page.evaluate(async () => {
    const time = () => window.orderUp.session.getState().primary.getState().snapshot.time;
    await new Promise((r) => requestAnimationFrame(r));
    const before = time();
    const end = performance.now() + 3000;
    while (performance.now() < end) {
      // asleep
    }
    const steps = [];
    let last = before;
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => requestAnimationFrame(r));
      steps.push(time() - last);
      last = time();
    }
    return { before, steps };
  });
  // 16× is 960 simulated seconds per wall second; a frame carries at most 0.1 s of wall time.
  const bound = 0.1 * 60 * 16;
  console.log(`     after 3 s without frames at ${before.toFixed(0)} simulated s: steps ${steps.slice(0, 4).map((x) => x.toFixed(1)).join(', ')}… simulated s per frame (bound ${bound})`);
  assert(Math.max(...steps) <= bound + 1e-6, `a jump of ${Math.max(...steps)} simulated seconds`);
  assert(steps.slice(1).every((x) => x > 0 && x < 100), 'the simulation runs on at its pace after waking');
  assert(problems.length === 0, `console errors: ${problems.join('; ')}`);
  await page.close();
});

// ---- classroom: compare, links, keyboard, accessibility, the offline file -------------------
const axeSource = readFileSync(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
/** Serious and critical accessibility violations on the page as it is now (axe-core, WCAG 2.1 AA rules). */
async function axeProblems(page, label) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  console.log(`     axe (${label}): ${violations.length} violation kinds, ${bad.length} serious or critical${violations.length ? ` (${violations.map((v) => `${v.id}:${v.impact}`).join(', ')})` : ''}`);
  return bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(' | ')}`);
}
const dismissNotices = async (page) => {
  for (const b of await page.locator('.notice button[aria-label="Dismiss"]').all()) await b.click().catch(() => {});
};


await check('compare mode: two floors serve identical arrivals in lockstep, and async beats sync as theory says', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`${origin}${SUB}?compare&speed=64&paused`);
  const syncFloor = page.getByRole('region', { name: 'Restaurant floor (Synchronous)' });
  const asyncFloor = page.getByRole('region', { name: 'Restaurant floor (Asynchronous)' });
  await syncFloor.waitFor();
  await asyncFloor.waitFor();
  // Record every party each floor's restaurant shows, with its arrival time, as the run goes.
  await page.evaluate(() => {
    const s = window.orderUp.session.getState();
    window.__seen = { sync: {}, async: {}, times: [] };
    const watch = (store, side) => store.subscribe((st) => {
      for (const p of st.snapshot.parties) window.__seen[side][p.id] = p.arrivedAt;
    });
    watch(s.primary, 'sync');
    watch(s.twin, 'async');
    s.twin.subscribe((st) => window.__seen.times.push(st.snapshot.time - s.primary.getState().snapshot.time));
  });
  await page.getByRole('button', { name: 'Play' }).click();
  await runUntil(page, 2 * 3600);
  await page.getByRole('button', { name: 'Pause' }).click();
  const seen = await page.evaluate(() => window.__seen);
  const common = Object.keys(seen.async).filter((id) => id in seen.sync);
  const differing = common.filter((id) => seen.sync[id] !== seen.async[id]);
  const arrived = await stores(page, (p, t) => [p.snapshot.partiesArrived, t.snapshot.partiesArrived, p.snapshot.time, t.snapshot.time]);
  console.log(`     ${common.length} parties seen on both floors, ${differing.length} with different arrival times; arrived ${arrived[0]} / ${arrived[1]}; clocks ${arrived[2]} / ${arrived[3]}`);
  assert(common.length > 60 && differing.length === 0, `arrivals differ for parties ${differing.slice(0, 5)}`);
  assert(arrived[0] === arrived[1] && arrived[2] === arrived[3], 'the two restaurants are out of step');
  assert(Math.max(...seen.times.map(Math.abs)) === 0, 'the twin lagged behind the primary after an update');
  const fig = async (side, name) => {
    const text = await page.getByRole('region', { name: `Figures (${side})` }).getByRole('group', { name, exact: true }).innerText();
    return Number(/(\d+(?:\.\d+)?)/.exec(text.replace(/^[^\n]*\n/, ''))[1]);
  };
  const side = (name) => page.getByRole('region', { name: `Figures (${name})` });
  // The blocked tile says how many are blocked now, as many as the floor draws with red rings.
  const sync = { tp: await fig('Synchronous', 'Throughput'), blocked: await fig('Synchronous', 'Floor staff blocked'), served: (await servedOf(page, side('Synchronous'))).value, wait: await fig('Synchronous', "Customer's wait p95") };
  const asy = { tp: await fig('Asynchronous', 'Throughput'), blocked: await fig('Asynchronous', 'Floor staff blocked'), served: (await servedOf(page, side('Asynchronous'))).value, wait: await fig('Asynchronous', "Customer's wait p95") };
  const strip = await page.getByRole('region', { name: 'Comparison' }).locator('.difference').innerText();
  console.log(`     sync ${JSON.stringify(sync)}  async ${JSON.stringify(asy)}\n     ${strip}`);
  assert(asy.tp > sync.tp && asy.served > sync.served, 'async should serve more');
  assert(sync.blocked > 30 && asy.blocked < 3, `blocked sync ${sync.blocked}% async ${asy.blocked}%`);
  assert(strip.includes(`Async has served ${asy.served - sync.served} more dishes (${asy.served} vs ${sync.served})`), `difference strip: ${strip}`);
  assert(asy.wait < sync.wait && strip.includes(`Customers wait less in async: p95 ${asy.wait.toFixed(1)} min from door to last dish`), `customer's wait ${asy.wait} vs ${sync.wait}: ${strip}`);
  // Exports: the charts as a PNG, the metrics of both runs as CSV.
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save charts (PNG)' }).click()]);
  const pngBytes = readFileSync(await png.path());
  assert(pngBytes.subarray(1, 4).toString() === 'PNG' && pngBytes.length > 10_000, `PNG of ${pngBytes.length} bytes`);
  writeFileSync(new URL('compare-charts.png', shots), pngBytes);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save metrics (CSV)' }).click()]);
  const rows = readFileSync(await csv.path(), 'utf8').trim().split('\n');
  assert(rows[0].startsWith('run,t,mode,served,throughputPerHour') && rows[0].endsWith('customerWaitP95,doorWaitP95'), `CSV header ${rows[0]}`);
  assert(rows.some((r) => r.startsWith('sync,')) && rows.some((r) => r.startsWith('async,')), 'CSV holds both runs');
  await dismissNotices(page);
  await setSpeed(page, '1');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: new URL('compare-1280x720.png', shots).pathname });
  const bad = await axeProblems(page, 'compare mode');
  assert(bad.length === 0, bad.join('\n'));
  assert(problems.length === 0, `console errors: ${problems.join('; ')}`);
  await page.close();
});

await check('presenter mode: large type, editing panels hidden, play/step/speed/mode kept; no serious accessibility violation', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(`${origin}${SUB}?presenter&speed=32`);
  await page.getByRole('region', { name: 'Restaurant floor' }).waitFor();
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
  await page.screenshot({ path: new URL('presenter-1280x720.png', shots).pathname });
  const bad = await axeProblems(page, 'presenter mode');
  assert(bad.length === 0, bad.join('\n'));
  await page.goto(`${origin}${SUB}?presenter&compare&speed=32`);
  await runUntil(page, 1800);
  await setSpeed(page, '1');
  await dismissNotices(page);
  await page.waitForTimeout(800);
  await page.screenshot({ path: new URL('presenter-compare-1280x720.png', shots).pathname });
  assert(problems.length === 0, `errors: ${problems.join('; ')}`);
  await page.close();
});

await check('the main view and the shortcuts dialog have no serious or critical accessibility violation', async () => {
  const { page, problems } = await open();
  await setSpeed(page, '16');
  await page.getByRole('button', { name: 'Play' }).click();
  await runUntil(page, 1200);
  let bad = await axeProblems(page, 'main view');
  await page.getByRole('button', { name: 'Event log' }).click();
  bad = bad.concat(await axeProblems(page, 'main view with the event log'));
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  bad = bad.concat(await axeProblems(page, 'shortcuts dialog'));
  await page.screenshot({ path: new URL('shortcuts-1280x720.png', shots).pathname });
  assert(bad.length === 0, bad.join('\n'));
  assert(problems.length === 0, `console errors: ${problems.join('; ')}`);
  await page.close();
});

await check('a copied link restores the same setup in a fresh page, and the same numbers after the same simulated time', async () => {
  const { page: a, problems } = await open({ width: 1440, height: 900 });
  await a.getByRole('combobox', { name: 'Scenario' }).selectOption('understaffed');
  await a.getByRole('button', { name: 'Setup' }).click();
  const setup = a.getByRole('region', { name: 'Setup' });
  const field = (name) => setup.getByRole('textbox', { name }).or(setup.getByRole('spinbutton', { name }));
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
  console.log(`     ${link.replace(origin, '')}`);
  assert(/scenario=understaffed/.test(link) && /seed=42/.test(link) && /tables=10/.test(link) && /rate=33/.test(link) && /mode=async/.test(link) && /speed=16/.test(link) && /paused/.test(link), `link ${link}`);
  assert(a.url() === link, 'the address bar shows the same setup');
  const b = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await b.goto(link);
  await b.getByRole('region', { name: 'Restaurant floor' }).waitFor();
  const setupOf = async (page) => ({
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
  const figures = async (page) => Promise.all(TILES.map(async (n) => (await figure(page, n)).text));
  const [fa, fb] = [await figures(a), await figures(b)];
  console.log(`     after 3 simulated hours: ${fa.join(' | ')}`);
  assert(JSON.stringify(fa) === JSON.stringify(fb), `numbers differ:\n${fa}\n${fb}`);
  assert(problems.length === 0, `console errors: ${problems.join('; ')}`);
  await a.close();
  await b.close();
});

await check('a hostile link (huge and negative numbers, script text, junk) shows a notice naming what was ignored and runs the defaults', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const problems = [];
  let alerted = false;
  page.on('dialog', (d) => {
    alerted = true;
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  const hostile = '?tables=-5&waiters=99999999999999999999&seed=%3Cscript%3Ealert(1)%3C%2Fscript%3E&scenario=..%2F..%2Fetc%2Fpasswd&speed=1e308&compare=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&rate=NaN&stations=grill:999&zzz=%00%E0%A4%A&mode=javascript:alert(1)';
  await page.goto(`${origin}${SUB}${hostile}`);
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
  assert(problems.length === 0, `errors: ${problems.join('; ')}`);
  await page.close();
});

await check('the console API: every method called with wrong arguments throws a clear ArgumentError, the page stays drawn and the simulation unchanged', async () => {
  const { page, problems } = await open();
  await page.evaluate(() => window.orderUp.session.getState().primary.getState().syncTo(1800, true));
  const result = await page.evaluate(() => {
    const session = window.orderUp.session;
    const p = () => session.getState().primary.getState();
    const print = () => {
      const s = p();
      return JSON.stringify([s.snapshot.time, s.generation, s.presetName, s.mode, s.speed, s.playing, s.running, s.edited, s.stats.summary.served, s.eventLog().entries.length, session.getState().compare, session.getState().presenter]);
    };
    const before = print();
    const wrong = [undefined, null, Number.NaN, 'xyz', {}, [], () => 1, Symbol('s'), 10n, { toString: () => { throw new Error('boom'); } }];
    const calls = [
      ['command', { type: 'setMode', mode: 'xyz' }], ['command', { type: 'admitParty', dishes: Array.from({ length: 100000 }, () => 'steak') }], ['command', { type: 'nope' }],
      ['command', { type: 'setArrivalRate', ratePerHour: -1 }],
      ...['setSpeed', 'setMode', 'loadPreset', 'notice', 'dismissNotice', 'tick', 'command', 'seek', 'startLesson', 'startLessonById', 'goToStep', 'syncTo', 'restart', 'onInput', 'importLog', 'setParam'].flatMap((m) => wrong.filter((w) => !(m === 'onInput' && typeof w === 'function')).map((w) => [m, w])),
    ];
    const sessionCalls = ['setCompare', 'setPresenter', 'setNarrate', 'setShortcutsOpen', 'setKeyOpen', 'nudgeSpeed'].flatMap((m) => wrong.map((w) => [m, w]));
    const out = { calls: 0, refused: 0, unclear: [], other: [] };
    const run = (target, m, arg) => {
      out.calls++;
      try {
        target[m](arg);
      } catch (e) {
        if (e?.name === 'ArgumentError' && e.message.startsWith(`${m}(`) && e.message.endsWith('Nothing changed.')) out.refused++;
        else if (e?.name === 'ArgumentError') out.unclear.push(e.message);
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
  console.log(`     ${result.calls} wrong calls, ${result.refused} refused with an ArgumentError naming the argument`);
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
    p.setState({ snapshot: { ...window.__good, parties: null, staff: null, door: null } });
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
    p.setState({ snapshot: { ...p.getState().snapshot, parties: null } });
  });
  await page.getByRole('button', { name: 'Reload keeping this setup' }).first().click();
  await page.waitForURL(/tables=9/);
  await page.getByRole('region', { name: 'Restaurant floor' }).waitFor();
  const after = await stores(page, (p) => ({ tables: p.running.tables, preset: p.presetName, playing: p.playing }));
  assert(after.tables === 9 && after.preset === 'friday-rush' && !after.playing, `the reload lost the setup: ${JSON.stringify(after)}`);
  assert(problems.filter((m) => !/could not draw|The above error|Cannot read|null/.test(m)).length === 0, `errors: ${problems.join('; ')}`);
  await page.close();
});

await check('keyboard only: Tab reaches every control, with a visible focus ring, and every shortcut works', async () => {
  const { page, problems } = await open();
  const describe = () => page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    return { key: `${el.tagName}|${el.getAttribute('aria-label') ?? ''}|${(el.textContent ?? '').trim().slice(0, 30)}|${el.getAttribute('name') ?? ''}|${el.getAttribute('value') ?? ''}`, ring };
  });
  const controls = await page.evaluate(() =>
    // Tabs follow the roving-tabindex pattern: one Tab stop, arrow keys between them (checked below).
    [...document.querySelectorAll('button:not([tabindex="-1"]), select, input, a[href], textarea, [tabindex]:not([tabindex="-1"])')]
      .filter((el) => el.offsetParent !== null && !el.closest('[hidden]') && !el.disabled && !(el.type === 'radio' && !el.checked))
      .map((el) => `${el.tagName}|${el.getAttribute('aria-label') ?? ''}|${(el.textContent ?? '').trim().slice(0, 30)}|${el.getAttribute('name') ?? ''}|${el.getAttribute('value') ?? ''}`),
  );
  const reached = new Set();
  let noRing = [];
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const d = await describe();
    if (!d) continue;
    if (reached.has(d.key) && reached.size >= controls.length) break;
    reached.add(d.key);
    if (!d.ring) noRing.push(d.key);
  }
  const missed = controls.filter((c) => !reached.has(c));
  console.log(`     ${controls.length} controls on the page, ${reached.size} reached by Tab${missed.length ? `; missed ${missed.join(', ')}` : ''}`);
  assert(missed.length === 0, `not reachable by Tab: ${missed.join(', ')}`);
  assert(noRing.length === 0, `no visible focus on: ${noRing.slice(0, 5).join(', ')}`);
  // The panel tabs beside the floor: one Tab stop, then arrow keys reach every tab.
  await page.getByRole('tab', { selected: true }).focus();
  const tabNames = await page.getByRole('tab').allInnerTexts();
  const seen = new Set();
  for (let i = 0; i < tabNames.length; i++) {
    seen.add(await page.evaluate(() => document.activeElement?.textContent ?? ''));
    await page.keyboard.press('ArrowRight');
  }
  assert(tabNames.every((n) => seen.has(n)), `arrow keys reached ${[...seen]} of ${tabNames}`);
  // Every shortcut, from the page (focus on nothing in particular).
  await page.evaluate(() => document.activeElement?.blur());
  const state = () => stores(page, (p, _t) => ({ playing: p.playing, speed: p.speed, mode: p.mode, time: p.snapshot.time, events: p.restaurant().eventsFired, compare: window.orderUp.session.getState().compare, presenter: window.orderUp.session.getState().presenter, narrate: window.orderUp.session.getState().narrate }));
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
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Space');
  await page.waitForFunction(() => /blocked at the pass|dishes served|walked out/.test(document.querySelector('[data-testid="narration"]')?.textContent ?? ''), null, { timeout: 30_000 });
  console.log(`     narration: "${await page.getByTestId('narration').innerText()}"`);
  assert(problems.length === 0, `console errors: ${problems.join('; ')}`);
  await page.close();
});

await check('the offline file dist/order-up.html runs from file:// with no request beyond itself', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const problems = [];
  const requests = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('request', (r) => requests.push(r.url()));
  const file = new URL('../dist/order-up.html', import.meta.url);
  assert(readFileSync(file, 'utf8').length > 100_000, 'dist/order-up.html is missing; run npm run build');
  await page.goto(`${file.href}?compare&speed=32`);
  await page.getByRole('region', { name: 'Restaurant floor (Asynchronous)' }).waitFor();
  await runUntil(page, 1800);
  await page.getByRole('figure').first().locator('canvas').waitFor(); // the chart library is inlined too
  const others = requests.filter((u) => u.split('?')[0] !== file.href);
  assert(others.length === 0, `requests: ${others.join(', ')}`);
  assert(problems.length === 0, `errors: ${problems.join('; ')}`);
  await page.close();
});

await browser.close();
await closeServer();
finish();
