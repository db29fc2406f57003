// Long runs and sleep: memory and frame times stay flat; a frame after a pause is bounded.
import { test, assert, report, runUntil, setSpeed, stores } from './harness.ts';

const LONG_HOURS = Number(process.env.LONG_HOURS ?? 12);
/** Heap after a forced garbage collection may not exceed this, MB (about 3× what the page needs). */
const HEAP_CEILING_MB = 120;

test(`long run: a ${LONG_HOURS}-hour service at 64× keeps the heap under ${HEAP_CEILING_MB} MB after GC, the event log within its window (said in the UI), and frame times flat`, async ({ app }) => {
  // 64× is about a simulated hour a second; each hour adds a forced GC and a read of the stores.
  test.setTimeout(120_000 + LONG_HOURS * 20_000);
  const page = await app.open();
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
    const loop = (t: number) => {
      window.__work.push(performance.now() - t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await setSpeed(page, '64');
  await page.getByRole('button', { name: 'Play' }).click();
  const rows: { h: number; heap: number; p95: number; frames: number; log: number }[] = [];
  const q95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(0.95 * xs.length) - 1)] ?? 0;
  for (let h = 1; h <= LONG_HOURS; h++) {
    await runUntil(page, h * 3600 - (h === LONG_HOURS ? 60 : 0));
    const work = await page.evaluate(() => window.__work.splice(0));
    const heap = await heapMb();
    const log = await stores(page, (p) => ({ entries: p.eventLog().entries.length, dropped: p.eventLog().dropped, retained: p.restaurant().snapshot().consumers.groups.length }));
    rows.push({ h, heap, p95: q95(work), frames: work.length, log: log.entries });
    assert(log.entries <= 110_000, `${log.entries} log entries in memory`);
    if (h % Math.max(1, Math.round(LONG_HOURS / 12)) === 0 || h === LONG_HOURS) report(`hour ${h}: heap ${heap.toFixed(1)} MB after GC; script/frame p95 ${q95(work).toFixed(1)} ms over ${work.length} frames; event log ${log.entries.toLocaleString('en')} entries in memory`);
  }
  const long = await page.evaluate(() => [...window.__long]);
  assert(Math.max(...rows.map((r) => r.heap)) < HEAP_CEILING_MB, `heap over ${HEAP_CEILING_MB} MB`);
  if (rows.length >= 6) {
    // Early hours against late hours (medians of a third each: single hours are noisy).
    const third = Math.floor(rows.length / 3);
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const early = med(rows.slice(1, 1 + third).map((r) => r.p95));
    const late = med(rows.slice(-third).map((r) => r.p95));
    report(`script/frame p95, median of hours: early ${early.toFixed(1)} ms, late ${late.toFixed(1)} ms`);
    assert(late <= early * 1.5 + 3, `frame times grew: ${early.toFixed(1)} → ${late.toFixed(1)} ms`);
    const first = rows[1]?.heap ?? 0;
    const last = rows.at(-1)?.heap ?? 0;
    assert(last <= first * 1.5 + 10, `heap grew: ${first.toFixed(1)} → ${last.toFixed(1)} MB`);
  }
  assert(long.every((d) => d <= 100), `long tasks: ${long.map((d) => d.toFixed(0)).join(', ')} ms`);
  // The log says it keeps a bounded window.
  await page.getByRole('button', { name: 'Event log' }).click();
  await page.getByText(/keeps the newest 100,000/).waitFor();
});

test('a hidden tab or a sleeping machine: no frames means no simulated time; coming back moves it on by one bounded frame', async ({ app }) => {
  const page = await app.open();
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
    const steps: number[] = [];
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
  report(`after 3 s without frames at ${before.toFixed(0)} simulated s: steps ${steps.slice(0, 4).map((x) => x.toFixed(1)).join(', ')}… simulated s per frame (bound ${bound})`);
  assert(Math.max(...steps) <= bound + 1e-6, `a jump of ${Math.max(...steps)} simulated seconds`);
  assert(steps.slice(1).every((x) => x > 0 && x < 100), 'the simulation runs on at its pace after waking');
});
