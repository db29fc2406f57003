/* global window, document, performance, PerformanceObserver, requestAnimationFrame -- page.evaluate callbacks run in the browser */
// The browser benchmark (`npm run bench`, after `npm run build`): prints figures, asserts
// nothing. In Debian's Chromium (headless, no GPU) on the built page:
// - time from navigation to the first rendered floor (median of 5 loads);
// - friday-rush (a 48-hour service) at 1×, 16× and 64×, then a big restaurant (40 tables, 8 waiters + 4 runners,
//   6 stations), each for a fixed wall time: frame interval and script time per frame
//   (p50 / p95 / max), long tasks over 50 ms, and React commits per second.
// Targets: script time per frame p95 under 16.7 ms at 16×, no long task over 100 ms.
import { SUB, launch, serveDist } from './serve.mjs';
import { cpus } from 'node:os';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const { origin, close } = await serveDist();
const browser = await launch();

// Counts React commits through the hook React DevTools uses (React calls it in production too).
const countCommits = () => {
  window.__commits = 0;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    onCommitFiberRoot: () => void window.__commits++,
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    checkDCE: () => {},
  };
  // Navigation start → the first painted floor, ms.
  const seen = () => {
    if (document.querySelector('section[aria-label^="Restaurant floor"] svg g[role="img"]')) window.__firstFloor = performance.now();
    else requestAnimationFrame(seen);
  };
  requestAnimationFrame(seen);
};

const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] : NaN;
};
const fmt = (xs) => `p50 ${q(xs, 0.5).toFixed(1)}  p95 ${q(xs, 0.95).toFixed(1)}  max ${Math.max(...xs).toFixed(1)} ms`;

/** A 48-hour service, so that no run reaches closing time while it is measured. */
const longService = (page) =>
  page.evaluate(() => {
    const p = window.orderUp.session.getState().primary.getState();
    p.restart({ ...p.base, durationSeconds: 48 * 3600 }, p.running, p.presetName, p.mode);
    window.orderUp.session.getState().primary.getState().play();
  });

async function measure(page, label) {
  await page.evaluate(() => {
    window.__frames = [];
    window.__work = [];
    window.__long = [];
    window.__commits = 0;
    if (!window.__observing) {
      window.__observing = true;
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: false });
      let last = performance.now();
      // Registered after the page's own frame loop: now − frame start = the page's script time that frame.
      const loop = (t) => {
        window.__work.push(performance.now() - t);
        window.__frames.push(t - last);
        last = t;
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    }
  });
  await page.waitForTimeout(SECONDS * 1000);
  const r = await page.evaluate(() => ({ frames: window.__frames.slice(1), work: window.__work.slice(1), long: [...window.__long], commits: window.__commits }));
  const longMax = r.long.length ? Math.max(...r.long) : 0;
  console.log(
    `${label.padEnd(30)} ${String(r.frames.length).padStart(4)} frames | interval ${fmt(r.frames)} | script/frame ${fmt(r.work)} | long tasks ${r.long.length}${r.long.length ? ` (max ${longMax.toFixed(0)} ms)` : ''} | ${(r.commits / SECONDS).toFixed(0)} React commits/s`,
  );
  return { p95: q(r.work, 0.95), longMax };
}

console.log(`Order Up browser benchmark — Chromium headless (no GPU), ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${SECONDS} s per run\n`);

// Time to the first floor, median of 5 fresh loads.
const loads = [];
for (let i = 0; i < 5; i++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(countCommits);
  await page.goto(origin + SUB);
  await page.waitForFunction(() => window.__firstFloor !== undefined);
  loads.push(await page.evaluate(() => window.__firstFloor));
  await page.close();
}
console.log(`time from navigation to the first rendered floor: median ${q(loads, 0.5).toFixed(0)} ms (of ${loads.map((x) => x.toFixed(0)).join(', ')})\n`);

const results = {};
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
await page.addInitScript(countCommits);
await page.goto(origin + SUB + '?speed=1');
await page.getByRole('region', { name: 'Restaurant floor' }).waitFor();
await longService(page);
for (const speed of ['1', '16', '64']) {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption(speed);
  await page.waitForTimeout(500);
  results[speed] = await measure(page, `friday-rush ${speed}×`);
}
await page.close();

const big = await browser.newPage({ viewport: { width: 1280, height: 720 } });
await big.addInitScript(countCommits);
await big.goto(origin + SUB + '?tables=40&waiters=8&runners=4&stations=cold:2,stove:2,grill:2&rate=100&speed=16');
await big.getByRole('region', { name: 'Restaurant floor' }).waitFor();
await longService(big);
await big.waitForTimeout(500);
results.big = await measure(big, 'big (40 tables, 12 staff) 16×');
await big.getByRole('combobox', { name: 'Speed' }).selectOption('64');
await big.waitForTimeout(500);
await measure(big, 'big (40 tables, 12 staff) 64×');
await big.close();

const ok16 = results['16'].p95 < 16.7 && results.big.p95 < 16.7;
const longOk = Object.values(results).every((r) => r.longMax <= 100);
console.log(`\ntarget: script per frame p95 < 16.7 ms at 16× — ${ok16 ? 'met' : 'MISSED'}; no long task over 100 ms — ${longOk ? 'met' : 'MISSED'}`);
await browser.close();
await close();
