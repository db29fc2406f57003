import { describe, expect, it } from 'vitest';
import { createRestaurant, type Envelope } from '../sim/index.ts';
import { loadPreset, PRESET_NAMES } from './index.ts';
import { LESSON_IDS, loadLesson, parseLesson, LessonError } from './lessons.ts';
import { createSimStore } from '../app/simStore.ts';
import { askTable, entryOfEnvelope, type LogEntry } from '../app/eventLog.ts';
import { lintMessages } from '../app/linter.ts';
import { frozenWall } from '../test/clock.ts';

const lesson = (id: string) => loadLesson(id, loadPreset);

describe('lessons as data', () => {
  it('every shipped lesson validates, with a tour, a prediction and what it teaches', () => {
    for (const id of LESSON_IDS) {
      const l = lesson(id);
      expect(l.id).toBe(id);
      expect(l.tour.length).toBeGreaterThan(0);
      expect(l.prediction.answer).toBeLessThan(l.prediction.options.length);
    }
  });

  it('every file in src/scenarios/lessons is a lesson, listed in the menu by its `order`', () => {
    expect(LESSON_IDS).toEqual(['sync-vs-async', 'events-vs-commands', 'fan-out', 'when-sync', 'eventual-consistency', 'event-sourcing', 'cqrs', 'anti-patterns', 'contracts']);
  });

  it('a bad lesson is refused with the field named', () => {
    const good = { id: 'x-lesson', title: 'T', scenario: 'friday-rush', narrative: ['n'], prediction: { question: 'q', options: ['a', 'b'], answer: 0, explanation: 'e' }, tour: [{ title: 's', text: 't' }], learning: ['l'] };
    expect(parseLesson(good, loadPreset).tour[0]!.actions).toEqual([]);
    expect(() => parseLesson({ ...good, prediction: { ...good.prediction, answer: 5 } }, loadPreset)).toThrow('prediction.answer: must index one of the 2 options');
    expect(() => parseLesson({ ...good, tour: [{ title: 's', text: 't', actions: [{ do: 'explode' }] }] }, loadPreset)).toThrow(LessonError);
    expect(() => parseLesson({ ...good, scenario: 'no-such-preset' }, loadPreset)).toThrow(/^scenario: unknown scenario "no-such-preset"/);
    expect(() => parseLesson({ ...good, scenario: { name: 'x', tables: -1 } }, loadPreset)).toThrow(/^scenario: .*tables/);
    // Widget and stage names come from the page's tables (src/ui/lesson/parts.tsx, stages.tsx; checked against
    // them in src/ui/lesson/lessonTables.test.tsx); here, from a given set.
    const names = { widgets: new Set(['tiles', 'log']), stages: new Set(['floor', 'fanout']) };
    expect(() => parseLesson({ ...good, tour: [{ title: 's', text: 't', parts: ['the-whole-page'] }] }, loadPreset, names)).toThrow(
      'tour.0.parts.0: lesson "x-lesson", step 1 ("s"): unknown widget "the-whole-page" (known: tiles, log)',
    );
    expect(() => parseLesson({ ...good, summaryParts: ['log', 'moon'] }, loadPreset, names)).toThrow('summaryParts.1: lesson "x-lesson", the summary: unknown widget "moon"');
    expect(() => parseLesson({ ...good, stage: 'moon' }, loadPreset, names)).toThrow('stage: lesson "x-lesson": unknown stage "moon" (known: floor, fanout)');
    expect(() => parseLesson({ ...good, stage: 'Moon!' }, loadPreset)).toThrow(/^stage: /);
    expect(() => parseLesson({ ...good, introParts: ['<script>'] }, loadPreset)).toThrow(/^introParts\.0: /);
    expect(parseLesson({ ...good, stage: 'fanout', introParts: ['log'] }, loadPreset, names).stage).toBe('fanout');
    expect(parseLesson(good, loadPreset).stage).toBe('floor');
  });

  it('every step names what it talks about: a step that opens the log shows it, and the worlds’ lessons show their own world', () => {
    for (const id of LESSON_IDS) {
      const l = lesson(id);
      for (const step of l.tour) {
        if (step.actions.some((a) => a.do === 'openLog')) expect(step.parts.some((p) => ['log', 'consumer-groups', 'dead-letters', 'linter'].includes(p)), `${id}: "${step.title}" opens the log`).toBe(true);
        if (/scrubber/i.test(step.text)) expect(step.parts, `${id}: "${step.title}"`).toContain('scrubber');
        if (/\bquiz\b/i.test(step.text)) expect(step.parts, `${id}: "${step.title}"`).toContain('quiz');
        if (/linter/i.test(step.text)) expect(step.parts, `${id}: "${step.title}"`).toContain('linter');
      }
      if (l.quiz.length > 0) expect(l.tour.some((s) => s.parts.includes('quiz')) || l.summaryParts.includes('quiz'), `${id} has a quiz that no moment shows`).toBe(true);
    }
    expect(['fan-out', 'when-sync', 'eventual-consistency'].map((id) => lesson(id).stage)).toEqual(['fanout', 'login', 'transfer']);
  });
});

describe('the lessons’ claims hold in the engine', () => {
  it('sync vs async: waiters blocked most of the time in sync, never after the switch; throughput rises', () => {
    const l = lesson('sync-vs-async');
    const r = createRestaurant({ ...l.scenario, warmupSeconds: 0 });
    const syncOnly = createRestaurant({ ...l.scenario, warmupSeconds: 0 });
    r.runUntil(3600);
    expect(r.rolling(900).utilisation.waiters.blocked).toBeGreaterThan(0.5);
    r.send({ type: 'setMode', mode: 'async' });
    r.runUntil(7200);
    expect(r.rolling(900).utilisation.waiters.blocked).toBe(0);
    r.runUntil(10_800);
    syncOnly.runUntil(10_800);
    const servedSince = (x: typeof r) => x.series.served.at(-1)! - x.series.served[x.series.t.indexOf(3600)]!;
    expect(servedSince(r)).toBeGreaterThan(servedSince(syncOnly) * 1.1);
    expect(r.summary().walkedOut).toBeLessThan(syncOnly.summary().walkedOut);
  });

  it('events vs commands: rejected PlaceOrders publish nothing, their parties reorder, and every DishReady is delivered', () => {
    const l = lesson('events-vs-commands');
    const r = createRestaurant({ ...l.scenario, warmupSeconds: 0 });
    const log: Envelope[] = [];
    r.subscribe((m) => log.push(m));
    r.runUntil(2400);
    r.send({ type: 'setStock', dish: 'steak', portions: 0 });
    r.runUntil(4800);
    r.send({ type: 'setStock', dish: 'steak', portions: null });
    r.runUntil(l.scenario.durationSeconds + 3600);
    const rejected = log.filter((m) => m.kind === 'command' && r.rejectionOf(m.id) !== null);
    expect(rejected.length).toBeGreaterThan(3);
    for (const c of rejected) {
      const effects = log.filter((m) => m.causationid === c.id);
      expect(effects.every((m) => m.kind === 'command' && m.type === 'PlaceOrder')).toBe(true);
      expect(effects).toHaveLength(1);
    }
    const ready = new Set(log.filter((m) => m.type === 'DishReady').map((m) => m.subject));
    const delivered = new Set(log.filter((m) => m.type === 'DishDelivered').map((m) => m.subject));
    expect([...ready].every((s) => delivered.has(s))).toBe(true);
    // The quiz's answers follow the naming rule the lesson teaches.
    for (const q of l.quiz) expect(q.answer === 'event').toBe(/(ed|Ready|Arrived)$/.test(q.message));
  });

  it('event sourcing: a replay to any moment equals the run that got there, and the log answers for a table', () => {
    const a = createSimStore({ presetNames: PRESET_NAMES, loadPreset, initialPreset: 'friday-rush', loadLesson: lesson, now: frozenWall });
    const st = () => a.getState();
    st().startLessonById('event-sourcing');
    st().setSpeed(16);
    const runTo = (t: number) => {
      st().play();
      while (st().restaurant().now < t && st().playing) st().tick(0.05);
      st().pause();
    };
    // The user switches mode twice on the way: a replay must re-apply both, at their times.
    runTo(1800);
    st().setMode('sync');
    runTo(3000);
    st().setMode('async');
    runTo(6000);
    const switches = st().restaurant().modeSpans.slice(1);
    expect(switches.map((m) => m.mode)).toEqual(['sync', 'async']);
    const finalArrived = st().restaurant().snapshot().partiesArrived;

    /** The same run done directly on the engine, to `t`. */
    const direct = (t: number) => {
      const b = createRestaurant({ ...lesson('event-sourcing').scenario, warmupSeconds: 0 });
      for (const s of switches) {
        if (s.t > t) break;
        b.runUntil(s.t);
        b.send({ type: 'setMode', mode: s.mode });
      }
      b.runUntil(t);
      return b.snapshot();
    };
    for (const t of [1000, 2500, 4321]) {
      st().seek(t);
      expect(JSON.stringify(st().restaurant().snapshot())).toBe(JSON.stringify(direct(t)));
    }
    // Forward again from a replay: the same future, the user's later switch included.
    st().seek(2500);
    runTo(6000);
    expect(st().restaurant().snapshot().partiesArrived).toBe(finalArrived);
    expect(st().restaurant().modeSpans.map((m) => m.mode)).toEqual(['async', 'sync', 'async']);

    // Ask the log: table 7's order at 1:30:00, folded from the log, matches the engine then.
    st().seek(5400);
    const r = st().restaurant();
    const answer = askTable(st().eventLog().entries, 7, 5400, (id) => r.rejectionOf(id) !== null);
    expect(answer.order).toMatch(/^order-\d+$/);
    const party = r.snapshot().parties.find((p) => `order-${p.id}` === answer.order);
    if (party) {
      const tickets = r.snapshot().tickets.filter((t) => t.partyId === party.id && t.orderedAt !== null);
      expect(answer.dishes.map((d) => d.dish).sort()).toEqual(tickets.map((t) => t.dish).sort());
      const served = tickets.filter((t) => t.state === 'served').length;
      expect(answer.dishes.filter((d) => d.status === 'served')).toHaveLength(served);
    }
  });

  it('cqrs: a projection added mid-shift from offset 0 reaches the same state as the live one; the write side never notices', () => {
    const l = lesson('cqrs');
    const r = createRestaurant({ ...l.scenario, warmupSeconds: 0 }, { retainMessages: 20_000 });
    const plain = createRestaurant({ ...l.scenario, warmupSeconds: 0 });
    for (const name of ['kitchen-display', 'tracker', 'dashboard'] as const) r.send({ type: 'addSubscriber', name, from: 'earliest' });
    r.runUntil(5400);
    const step = l.tour[1]!.actions[0]!;
    if (step.do !== 'addSubscriber') throw new Error('the tour adds the rebuilt dashboard in step 2');
    r.send({ type: 'addSubscriber', name: 'dashboard', group: 'dashboard-rebuilt', from: 'earliest', processingSeconds: step.processingSeconds! });
    const lagAtStart = r.snapshot().consumers.groups.find((g) => g.group === 'dashboard-rebuilt')!.lag;
    expect(lagAtStart).toBeGreaterThan(50);
    r.runUntil(9000);
    const groups = Object.fromEntries(r.snapshot().consumers.groups.map((g) => [g.group, g]));
    // Each read model has its own lag; the slow dashboard lags more than the display.
    expect(groups['dashboard']!.lag).toBeGreaterThanOrEqual(groups['kitchen-display']!.lag);
    expect(groups['dashboard-rebuilt']!.lag).toBeLessThan(10);
    // Same events, same table, once both have handled the same offsets.
    r.send({ type: 'setArrivalRate', ratePerHour: 0 });
    r.runUntil(9000 + 3 * 3600);
    expect(r.projection('dashboard-rebuilt')).toEqual(r.projection('dashboard'));
    expect(Object.values(r.projection('dashboard')!).reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
    // The write side is untouched by its readers.
    plain.runUntil(5400);
    r.runUntil(r.now);
    const fresh = createRestaurant({ ...l.scenario, warmupSeconds: 0 });
    fresh.runUntil(9000);
    const withReaders = createRestaurant({ ...l.scenario, warmupSeconds: 0 }, { retainMessages: 20_000 });
    for (const name of ['kitchen-display', 'tracker', 'dashboard'] as const) withReaders.send({ type: 'addSubscriber', name, from: 'earliest' });
    withReaders.runUntil(9000);
    expect(withReaders.summary().served).toBe(fresh.summary().served);
    expect(withReaders.summary().latencySeconds).toEqual(fresh.summary().latencySeconds);
  });

  it('contracts: v2 dead-letters only in the strict consumer; an added optional field breaks no one', () => {
    const l = lesson('contracts');
    const r = createRestaurant({ ...l.scenario, warmupSeconds: 0 });
    const dead = () => Object.fromEntries(r.snapshot().consumers.groups.map((g) => [g.group, g.deadLettered]));
    const handled = () => Object.fromEntries(r.snapshot().consumers.groups.map((g) => [g.group, g.handledTotal]));
    r.runUntil(3600);
    expect(Object.values(dead()).every((n) => n === 0)).toBe(true);
    const before = handled();
    r.send({ type: 'setContract', version: 'v2' });
    r.runUntil(5400);
    const afterV2 = dead();
    expect(afterV2.billing).toBeGreaterThan(5);
    for (const g of ['notifications', 'analytics', 'runners', 'loyalty']) expect(afterV2[g], g).toBe(0);
    expect(handled().notifications).toBeGreaterThan(before.notifications!);
    expect(r.snapshot().ticketCounts.atPass).toBeLessThan(10); // runners keep delivering
    r.send({ type: 'setContract', version: 'v1-extra' });
    r.runUntil(5400 + 600); // let billing's last retries finish
    const settled = dead();
    r.runUntil(7200);
    expect(dead()).toEqual(settled);
  });

  it('anti-patterns, walked as the page does: step 1 shows the floor staff blocked at the pass, step 2 says blocked falls to zero and throughput recovers, and it does', () => {
    const store = createSimStore({ presetNames: PRESET_NAMES, loadPreset, initialPreset: 'friday-rush', now: frozenWall });
    const at = (step: number) => {
      store.getState().goToStep(step);
      const st = store.getState();
      if (st.pauseAt !== null) st.syncTo(st.pauseAt, true);
      return store.getState().stats;
    };
    store.getState().startLesson(lesson('anti-patterns'));
    const one = at(0);
    const blockedOnFloor = store.getState().snapshot.staff.filter((p) => p.activity === 'blocked').length;
    // "stand at the pass with red rings ... Floor staff blocked climb back up"
    expect(one.rolling.floorStaff.blocked).toBeGreaterThan(0.3);
    expect(one.rolling.floorStaff.blockedNow).toBe(blockedOnFloor);
    const two = at(1);
    // "Floor staff blocked falls to zero and throughput recovers"
    expect(two.rolling.floorStaff.blocked).toBe(0);
    expect(two.rolling.throughputPerHour).toBeGreaterThan(one.rolling.throughputPerHour * 1.1);
  });

  it('anti-patterns: sync-over-async throughput is within 10% of sync; the linter flags only the disguised command', () => {
    const l = lesson('anti-patterns');
    const run = (mode: 'sync' | 'async', syncOverAsync: boolean) => {
      const r = createRestaurant({ ...l.scenario, mode });
      r.send({ type: 'setSyncOverAsync', on: syncOverAsync });
      r.runUntil(l.scenario.durationSeconds);
      return r;
    };
    const sync = run('sync', false).summary();
    const soa = run('async', true).summary();
    const async = run('async', false).summary();
    expect(Math.abs(soa.throughputPerHour - sync.throughputPerHour) / sync.throughputPerHour).toBeLessThan(0.1);
    expect(async.throughputPerHour).toBeGreaterThan(soa.throughputPerHour * 1.1);
    expect(soa.utilisation.waiters.blocked).toBeGreaterThan(0.4);

    const r = createRestaurant({ ...l.scenario, warmupSeconds: 0 });
    const log: LogEntry[] = [];
    r.subscribe((m) => log.push(entryOfEnvelope(m)));
    r.runUntil(3600);
    const consumers = r.readersOf;
    expect(lintMessages(log, consumers)).toEqual([]);
    r.send({ type: 'publishDisguisedCommand' });
    expect(lintMessages(log, consumers).map((f) => `${f.type}:${f.rule}`)).toEqual(['SendEmailToCustomer:event-named-as-command', 'SendEmailToCustomer:event-without-consumer']);
  });
});
