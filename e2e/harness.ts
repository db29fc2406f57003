// The browser tests' harness: the `app` fixture (pages of one test, watched for console
// errors, page errors, requests outside the page's origin and failed responses, all of which
// fail the test at its end unless it opts out) and the helpers the specs share. Every test
// gets its own browser context: no test sees another's pages or results.
import { test as base, expect, type Locator, type Page, type ViewportSize } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimState } from '../src/app/simStore.ts';

export { expect };

/** What a test lets through at its end: console or page errors matching a pattern, foreign requests, failed responses. */
export interface Allowance {
  problems?: RegExp;
  foreign?: boolean;
  missing?: boolean;
}

/** The pages of one test and what went wrong on them. */
export interface App {
  /**
   * A new page at `viewport` (default the config's), opened at the served page's URL followed
   * by `path` (`''`: the page itself, `'?compare'`: a link); waits for the restaurant floor
   * unless `floor` is false.
   */
  open(path?: string, opts?: { viewport?: ViewportSize; floor?: boolean }): Promise<Page>;
  /** A new page of this test, not navigated. */
  newPage(viewport?: ViewportSize): Promise<Page>;
  /** Console errors and uncaught exceptions on any page of the test. */
  problems: string[];
  /** Requests outside the page's origin (data: URLs excepted). */
  foreign: string[];
  /** Responses with status 400 or over. */
  missing: string[];
  /** Opt out of some of the checks at the test's end. */
  allow(what: Allowance): void;
  /** The served page's origin and its URL. */
  origin: string;
  url: string;
}

export const test = base.extend<{ app: App }>({
  app: async ({ context, baseURL }, use) => {
    const url = baseURL ?? '';
    const origin = new URL(url).origin;
    const allowed: Allowance = {};
    const app: App = {
      problems: [],
      foreign: [],
      missing: [],
      origin,
      url,
      allow: (what) => void Object.assign(allowed, what),
      async newPage(viewport) {
        const page = await context.newPage();
        if (viewport) await page.setViewportSize(viewport);
        return page;
      },
      async open(path = '', { viewport, floor = true } = {}) {
        const page = await app.newPage(viewport);
        await page.goto(url + path);
        if (floor) await page.getByRole('region', { name: 'Restaurant floor' }).waitFor();
        return page;
      },
    };
    context.on('console', (m) => void (m.type() === 'error' && app.problems.push(m.text())));
    context.on('weberror', (e) => void app.problems.push(String(e.error())));
    context.on('request', (r) => void (!r.url().startsWith(origin) && !r.url().startsWith('data:') && app.foreign.push(r.url())));
    context.on('response', (r) => void (r.status() >= 400 && app.missing.push(`${r.status()} ${r.url()}`)));
    await use(app);
    const problems = allowed.problems ? app.problems.filter((m) => !allowed.problems?.test(m)) : app.problems;
    expect(problems, `console errors: ${problems.join('; ')}`).toEqual([]);
    if (!allowed.foreign) expect(app.foreign, `requests outside the page: ${app.foreign.join(', ')}`).toEqual([]);
    if (!allowed.missing) expect(app.missing, `failed requests: ${app.missing.join(', ')}`).toEqual([]);
  },
});

/** Throw `message` unless `cond` holds. */
export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

/** Print a measured figure under the test's line, and keep it as an annotation of the test. */
export function report(text: string): void {
  console.log(`     ${text}`);
  test.info().annotations.push({ type: 'figures', description: text });
}

const shots = new URL('./screenshots/', import.meta.url);
mkdirSync(shots, { recursive: true });
/** Where a screenshot called `name` goes (e2e/screenshots/, not committed). */
export const shot = (name: string): string => new URL(name, shots).pathname;
/** A fresh scratch directory for files a test writes. */
export const scratch = (): string => mkdtempSync(join(tmpdir(), 'orderup-e2e-'));

/** The first number shown in a big figure of the Metrics region. */
export async function figure(page: Page, name: string): Promise<{ value: number; text: string }> {
  const text = await page.getByRole('region', { name: 'Metrics' }).getByRole('group', { name, exact: true }).innerText();
  const m = /(\d+(?:\.\d+)?)/.exec(text.replace(/^[^\n]*\n/, ''));
  if (!m) throw new Error(`no number in "${name}": ${text}`);
  return { value: Number(m[1]), text: text.replace(/\s+/g, ' ') };
}
/** The four big figures of the Metrics tab, by name. */
export const TILES = ['Throughput', "Customer's wait p95", 'Order → served p95', 'Floor staff blocked'];
/** Dishes served since opening, as the Throughput tile says it. */
export async function servedOf(page: Page, scope: Locator = page.getByRole('region', { name: 'Metrics' })): Promise<{ value: number; text: string }> {
  const text = await scope.getByRole('group', { name: 'Throughput', exact: true }).innerText();
  const m = /(\d+) (?:dishes )?served/.exec(text);
  if (!m) throw new Error(`no dishes served in: ${text}`);
  return { value: Number(m[1]), text: text.replace(/\s+/g, ' ') };
}
/** The simulated time the clock shows, seconds. */
export async function simSeconds(page: Page): Promise<number> {
  const [h = 0, m = 0, s = 0] = (await page.locator('[aria-label="Simulated time"] .clock-now').innerText()).trim().split(':').map(Number);
  return h * 3600 + m * 60 + s;
}
/** Wait until the clock shows at least `seconds` of simulated time (60 s of wall time at most). */
export async function runUntil(page: Page, seconds: number): Promise<void> {
  await page.waitForFunction(
    (target) => {
      const el = document.querySelector('[aria-label="Simulated time"] .clock-now');
      if (!el) return false;
      const [h = 0, m = 0, s = 0] = (el.textContent ?? '').split(':').map(Number);
      return h * 3600 + m * 60 + s >= target;
    },
    seconds,
    { timeout: 60_000, polling: 100 },
  );
}
/** Pick a speed in the Speed menu ('16', 'max'…). */
export const setSpeed = (page: Page, v: string) => page.getByRole('combobox', { name: 'Speed' }).selectOption(v);
/**
 * Call `fn` in the page on the primary store's state (and in compare mode the twin's), through
 * the page's console handle; resolves to what it returns. `fn` is sent as source: it may use
 * only its arguments and browser globals.
 */
export function stores<R, A = undefined>(page: Page, fn: (p: SimState, t: SimState | null, a: A) => R, arg?: A): Promise<R> {
  return page.evaluate(
    ([src, a]) => {
      const s = window.orderUp.session.getState();
      return new Function('p', 't', 'a', `return (${src})(p, t, a);`)(s.primary.getState(), s.twin?.getState() ?? null, a) as unknown;
    },
    [fn.toString(), arg] as const,
  ) as Promise<R>;
}
/** Frame intervals over `ms` of wall time, as a line: count, p50, p95 and max. */
export async function frameStats(page: Page, ms: number): Promise<string> {
  await page.evaluate(() => {
    window.__f = [];
    let last = performance.now();
    const loop = (t: number) => {
      window.__f.push(t - last);
      last = t;
      if (window.__f.length < 100000) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await page.waitForTimeout(ms);
  const f = (await page.evaluate(() => window.__f.splice(0))).slice(1).sort((a, b) => a - b);
  const q = (p: number) => f[Math.min(f.length - 1, Math.ceil(p * f.length) - 1)] ?? NaN;
  return `${f.length} frames, p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${(f.at(-1) ?? NaN).toFixed(1)} ms`;
}

const axeSource = readFileSync(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
/** Serious and critical accessibility violations on the page as it is now (axe-core, WCAG 2.1 AA rules). */
export async function axeProblems(page: Page, label: string): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  report(`axe (${label}): ${violations.length} violation kinds, ${bad.length} serious or critical${violations.length ? ` (${violations.map((v) => `${v.id}:${v.impact}`).join(', ')})` : ''}`);
  return bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(' | ')}`);
}
/** Close every notice on the page. */
export async function dismissNotices(page: Page): Promise<void> {
  for (const b of await page.locator('.notice button[aria-label="Dismiss"]').all()) await b.click().catch(() => {});
}
/** Wait `n` animation frames. */
export const frames = (page: Page, n = 3) =>
  page.evaluate(
    (k) =>
      new Promise<void>((r) => {
        let i = 0;
        const f = () => (++i >= k ? r() : requestAnimationFrame(f));
        requestAnimationFrame(f);
      }),
    n,
  );
