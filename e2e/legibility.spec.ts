// The picture (docs/visual-language.md), from rendered geometry: at 1280×720 (a projector) and
// 1440×900 (a laptop), normal and presenter mode, every moment of every lesson's tour shows the
// parts its step names fully in view; text on the stage is at least 12 px (16 px in presenter
// mode); no two stage labels overlap, nor a label and a person or a dish badge. The same on
// compare mode at 16× after one simulated hour, and on the largest restaurant the page allows;
// the top bar never wraps or moves. One screenshot per moment goes to e2e/screenshots/.
import type { Page, ViewportSize } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { test, frames, shot, type App } from './harness.ts';
import { measure, problemsOf, type Measured } from './geometry.ts';
import { readWords } from './words.ts';

const VIEWPORTS: ViewportSize[] = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
];
interface LessonFile {
  id: string;
  introParts?: string[];
  summaryParts?: string[];
  tour: { parts?: string[] }[];
}
const lessonDir = new URL('../src/scenarios/lessons/', import.meta.url);
const LESSONS = readdirSync(lessonDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, lessonDir), 'utf8')) as LessonFile);

/** Go to tour step `i` as the learner would, and finish the step's run at once (no waiting at the set speed). */
async function goTo(page: Page, i: number) {
  await page.evaluate((step) => {
    const primary = window.orderUp.session.getState().primary;
    primary.getState().goToStep(step);
    const st = primary.getState();
    if (st.pauseAt !== null) {
      st.syncTo(st.pauseAt, true);
      primary.setState({ playing: false, pauseAt: null });
    }
  }, i);
  // Charts and figures refresh a few times a second; the layout settles in a frame or two.
  await frames(page, 4);
  await page.waitForTimeout(350);
}

/** Every problem of the picture now, plus the named parts that are not fully in view. */
async function judge(page: Page, minPx: number, parts: string[] = []) {
  const m = await page.evaluate(measure);
  const problems = problemsOf(m, minPx);
  // The words: every glossary term defined where it is shown, durations with units, the blocked tile true to the floor.
  problems.push(...(await page.evaluate(readWords)));
  for (const id of parts) {
    const p = m.parts.find((x) => x.id === id);
    if (!p) problems.push(`part "${id}" is not shown`);
    else if (!p.inView) problems.push(`part "${id}" is not fully in view (top ${p.box.y.toFixed(0)}, bottom ${(p.box.y + p.box.h).toFixed(0)}, visible ${p.clip.y.toFixed(0)}–${(p.clip.y + p.clip.h).toFixed(0)})`);
  }
  return { m, problems };
}

const tag = (vp: ViewportSize, presenter: boolean) => `${vp.width}x${vp.height}${presenter ? '-presenter' : ''}`;

for (const lesson of LESSONS) {
  for (const vp of VIEWPORTS) {
    for (const presenter of [false, true]) {
      test(`lesson ${lesson.id} at ${tag(vp, presenter)}: every moment shows its parts in view, legible, with no overlapping labels`, async ({ app }) => {
        const page = await app.open(`?lesson=${lesson.id}${presenter ? '&presenter' : ''}`, { viewport: vp, floor: false });
        await page.getByRole('region', { name: 'Lesson' }).waitFor();
        const n = lesson.tour.length;
        const bad: string[] = [];
        for (let i = -1; i <= n; i++) {
          if (i >= 0) await goTo(page, i);
          else await frames(page, 4);
          const parts = i < 0 ? (lesson.introParts ?? []) : i >= n ? (lesson.summaryParts ?? []) : (lesson.tour[i]?.parts ?? []);
          const { problems } = await judge(page, presenter ? 16 : 12, parts);
          // The tour's button is always in view: the class walks the tour from it.
          const nav = await page.locator('.tour-nav').boundingBox();
          if (!nav || nav.y < 0 || nav.y + nav.height > vp.height + 1) problems.push('the tour buttons are out of view');
          // The introduction's prediction, with its Check button, is in view and uncovered (presenter's large type may scroll it).
          if (i < 0 && !presenter) {
            const check = await page.getByRole('button', { name: 'Check my prediction' }).boundingBox();
            const covered = check && (await page.evaluate(({ x, y }) => !document.elementFromPoint(x, y)?.closest('.prediction'), { x: check.x + check.width / 2, y: check.y + check.height / 2 }));
            if (!check || check.y + check.height > vp.height || covered) problems.push("the prediction's Check button is out of view or covered");
          }
          const moment = i < 0 ? 'intro' : i >= n ? 'summary' : `step${i + 1}`;
          await page.screenshot({ path: shot(`lesson-${lesson.id}-${moment}-${tag(vp, presenter)}.png`) });
          for (const p of problems) bad.push(`${moment}: ${p}`);
        }
        await page.close();
        // Page errors: the app fixture fails the test with them at its end.
        if (bad.length) throw new Error(`${bad.length} problems:\n${bad.slice(0, 25).join('\n')}`);
      });
    }
  }
}

/** Open `query`, play at 16× for one simulated hour, pause, and judge the stage. */
async function afterAnHour(app: App, vp: ViewportSize, presenter: boolean, query: string, name: string): Promise<{ m: Measured; problems: string[] }> {
  const page = await app.open(`${query}&speed=16${presenter ? '&presenter' : ''}`, { viewport: vp, floor: false });
  await page.waitForFunction(() => window.orderUp.session.getState().primary.getState().snapshot.time >= 3600, null, { timeout: 60_000, polling: 100 });
  await page.evaluate(() => window.orderUp.session.getState().primary.getState().pause());
  await frames(page, 4);
  await page.waitForTimeout(300);
  const { m, problems } = await judge(page, presenter ? 16 : 12);
  await page.screenshot({ path: shot(`${name}-${tag(vp, presenter)}.png`) });
  await page.close();
  return { m, problems };
}

const BIGGEST = '?tables=40&waiters=12&runners=12&rate=240&stations=cold:8,stove:8,grill:8';
for (const vp of VIEWPORTS) {
  for (const presenter of [false, true]) {
    test(`compare mode at 16× after an hour, ${tag(vp, presenter)}: legible, no overlapping labels`, async ({ app }) => {
      const { m, problems } = await afterAnHour(app, vp, presenter, '?compare', 'compare-1h');
      const people = m.people.length;
      if (people < 10) problems.push(`${people} people drawn on two floors of 5 staff`);
      if (problems.length) throw new Error(problems.slice(0, 25).join('\n'));
    });
    test(`the largest restaurant allowed, single and compare, ${tag(vp, presenter)}: legible, no overlapping labels`, async ({ app }) => {
      const all: string[] = [];
      for (const [query, name] of [
        [`${BIGGEST}&scenario=friday-rush`, 'biggest'],
        [`${BIGGEST}&compare`, 'biggest-compare'],
      ] as const) {
        const { m, problems } = await afterAnHour(app, vp, presenter, query, name);
        if (m.texts.length === 0) problems.push('no text drawn at all');
        all.push(...problems.map((p) => `${name}: ${p}`));
      }
      if (all.length) throw new Error(all.slice(0, 25).join('\n'));
    });
  }
}

test('free play, both modes, normal and presenter, both sizes: legible, no overlapping labels', async ({ app }) => {
  test.setTimeout(300_000);
  const bad: string[] = [];
  for (const vp of VIEWPORTS) {
    for (const presenter of [false, true]) {
      for (const mode of ['sync', 'async']) {
        const { problems } = await afterAnHour(app, vp, presenter, `?scenario=friday-rush&mode=${mode}`, `free-${mode}`);
        bad.push(...problems.map((p) => `${mode} ${tag(vp, presenter)}: ${p}`));
      }
    }
  }
  if (bad.length) throw new Error(bad.slice(0, 25).join('\n'));
});

test('free play: the Metrics panel beside the floor fits without scrolling, at both sizes, normal and presenter', async ({ app }) => {
  const bad: string[] = [];
  for (const vp of VIEWPORTS) {
    for (const presenter of [false, true]) {
      const page = await app.open(`?paused${presenter ? '&presenter' : ''}`, { viewport: vp, floor: false });
      await page.getByRole('region', { name: 'Metrics' }).waitFor();
      await frames(page, 4);
      const over = await page.evaluate(() => {
        const b = document.querySelector('.dock-body')!;
        return b.scrollHeight - b.clientHeight;
      });
      if (over > 1) bad.push(`${tag(vp, presenter)}: ${over} px below the fold`);
      await page.close();
    }
  }
  if (bad.length) throw new Error(bad.join('\n'));
});

test('free play, every panel of the dock, sync and after a switch: every term defined, every duration with its unit', async ({ app }) => {
  const page = await app.open('?speed=64', { viewport: { width: 1440, height: 900 }, floor: false });
  await page.waitForFunction(() => window.orderUp.session.getState().primary.getState().snapshot.time >= 1800, null, { timeout: 60_000, polling: 100 });
  await page.evaluate(() => window.orderUp.session.getState().primary.getState().setMode('async'));
  await page.waitForFunction(() => window.orderUp.session.getState().primary.getState().snapshot.time >= 3600, null, { timeout: 60_000, polling: 100 });
  await page.evaluate(() => window.orderUp.session.getState().primary.getState().pause());
  const bad: string[] = [];
  for (const tab of ['Metrics', 'More', 'Event log', 'About']) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await frames(page, 4);
    await page.waitForTimeout(300);
    for (const d of await page.locator('.dock details:not([open]) > summary').all()) await d.click();
    await frames(page, 2);
    for (const p of await page.evaluate(readWords)) bad.push(`${tab}: ${p}`);
    await page.screenshot({ path: shot(`words-${tab.replace(/\W+/g, '-').toLowerCase()}.png`) });
  }
  // The glossary page lists every term.
  await page.locator('.more > button').click();
  await page.locator('#more-panel').getByRole('button', { name: /^Glossary/ }).click();
  const listed = await page.locator('dl.glossary dt').count();
  const terms = await page.evaluate(() => new Set(Object.values(window.orderUp.glossary.forms)).size);
  if (listed !== terms) bad.push(`the glossary lists ${listed} terms of ${terms}`);
  await page.close();
  if (bad.length) throw new Error(`${bad.length} problems:\n${bad.slice(0, 40).join('\n')}`);
});

test('the top bar stays one row and nothing moves when the clock says the machine runs behind, or a notice arrives', async ({ app }) => {
  for (const vp of VIEWPORTS) {
    const page = await app.open('?paused', { viewport: vp });
    const geometry = () =>
      page.evaluate(() => {
        const bar = document.querySelector('.topbar')!.getBoundingClientRect();
        const tops = [...document.querySelectorAll('.topbar > *')].filter((e) => e.getBoundingClientRect().width > 0).map((e) => e.getBoundingClientRect());
        const floor = document.querySelector('.floor-canvas')!.getBoundingClientRect();
        return { barH: bar.height, inside: tops.every((r) => r.top >= bar.top - 0.5 && r.bottom <= bar.bottom + 0.5), right: Math.max(...tops.map((r) => r.right)), floorTop: floor.top, clock: document.querySelector('.clock')!.getBoundingClientRect().left };
      });
    const before = await geometry();
    await page.evaluate(() => window.orderUp.session.getState().primary.setState({ effectiveSpeed: 46.3 }));
    await frames(page, 2);
    const behind = await geometry();
    if (!before.inside || !behind.inside || behind.barH !== before.barH || behind.floorTop !== before.floorTop || behind.clock !== before.clock || behind.right > vp.width)
      throw new Error(`${vp.width}: before ${JSON.stringify(before)}, with "at 46.3×" ${JSON.stringify(behind)}`);
    // A notice has its own row: it pushes the stage down but never covers it.
    await page.evaluate(() => window.orderUp.session.getState().primary.getState().notice('info', 'A notice, to see where it goes.'));
    await frames(page, 2);
    const cover = await page.evaluate(() => {
      const n = document.querySelector('.notice')!.getBoundingClientRect();
      const f = document.querySelector('.floor-canvas')!.getBoundingClientRect();
      return n.bottom > f.top && n.top < f.bottom && n.right > f.left && n.left < f.right;
    });
    if (cover) throw new Error('the notice covers the floor');
    await page.close();
    // Play and Pause, normal, presenter and compare: nothing moves, nothing leaves the bar.
    for (const query of ['?paused', '?paused&presenter', '?paused&compare', '?paused&compare&presenter', '?paused&lesson=sync-vs-async&presenter']) {
      const p2 = await app.open(query, { viewport: vp, floor: false });
      await p2.locator('.topbar').waitFor();
      await frames(p2, 3);
      const bar = () =>
        p2.evaluate(() => {
          const items = [...document.querySelectorAll('.topbar > *, .topbar .transport > *')].filter((e) => e.getBoundingClientRect().width > 0).map((e) => e.getBoundingClientRect());
          return { right: Math.max(...items.map((r) => r.right)), clock: document.querySelector('.clock')?.getBoundingClientRect().left ?? 0, h: document.querySelector('.topbar')!.getBoundingClientRect().height };
        });
      const paused = await bar();
      await p2.evaluate(() => window.orderUp.session.getState().primary.setState({ playing: true, speed: 0.25 }));
      await frames(p2, 3);
      const playing = await bar();
      await p2.close();
      if (paused.right > vp.width || playing.right > vp.width || paused.clock !== playing.clock || paused.h !== playing.h)
        throw new Error(`${vp.width} ${query}: paused ${JSON.stringify(paused)}, playing ${JSON.stringify(playing)}`);
    }
  }
});
