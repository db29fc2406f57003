import { describe, expect, it } from 'vitest';
import { importInSlices, runInSlices, collectInSlices, type ImportOutcome } from './importJob.ts';
import { batchJson, MAX_ATTRIBUTE_DEPTH, MAX_EVENT_CHARS, type CloudEvent } from '../scenarios/cloudevents.ts';
import { BatchReader, parseBatch } from '../scenarios/batchReader.ts';
import { chainSummary, cappedFacet, EventLog, entryOfCloudEvent } from './eventLog.ts';

const event = (i: number, extra: Partial<CloudEvent> & Record<string, unknown> = {}): CloudEvent => ({
  specversion: '1.0', id: `e-${i}`, source: '/test', type: `Type${i % 7}`, kind: 'event', topic: `topic-${i % 3}`, offset: i, ...extra,
});
const chainOf = (n: number) => Array.from({ length: n }, (_, i) => event(i, i > 0 ? { causationid: `e-${i - 1}` } : {}));

/** A fake clock: each reading moves it on by `step` ms; slices are counted by the yields. */
function fakeClock(step: number) {
  let t = 0;
  const pending: (() => void)[] = [];
  return {
    now: () => (t += step),
    yieldToPage: (resume: () => void) => void pending.push(resume),
    /** Run the queued slices to the end; returns how many there were after the first. */
    drain() {
      let n = 0;
      while (pending.length > 0) {
        pending.shift()!();
        n++;
      }
      return n;
    },
  };
}

describe('an import is read in slices', () => {
  it('gives the page back after each slice of the clock, and ends with the same events as reading all at once', () => {
    const events = chainOf(1000);
    const text = batchJson(events);
    const clock = fakeClock(1); // every event read costs one clock reading: 1 ms
    const progress: number[] = [];
    let outcome: ImportOutcome | null = null;
    importInSlices(text, (f) => progress.push(f), (o) => (outcome = o), { now: clock.now, yieldToPage: clock.yieldToPage, sliceMs: 20 });
    expect(outcome).toBeNull(); // not done in the first slice
    const slices = clock.drain() + 1;
    expect(slices).toBeGreaterThanOrEqual(1000 / 20);
    expect(slices).toBeLessThanOrEqual(1000 / 20 + 5);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const o = outcome as ImportOutcome | null;
    expect(o?.ok).toBe(true);
    if (!o?.ok) return;
    expect(o.log.entries.map((e) => e.id)).toEqual(parseBatch(text).map((e) => e.id));
    expect(o.log.typeCounts.get('Type0')).toBe(Math.ceil(1000 / 7));
  });

  it('a small batch is done in the first slice, before the call returns', () => {
    let outcome: ImportOutcome | null = null;
    importInSlices(batchJson(chainOf(5)), () => {}, (o) => (outcome = o), { now: () => 0, yieldToPage: () => expect.unreachable() });
    expect((outcome as ImportOutcome | null)?.ok).toBe(true);
  });

  it('a cancelled import reports cancelled and reads no further', () => {
    const clock = fakeClock(1);
    const outcomes: ImportOutcome[] = [];
    const job = importInSlices(batchJson(chainOf(500)), () => {}, (o) => outcomes.push(o), { now: clock.now, yieldToPage: clock.yieldToPage, sliceMs: 10 });
    job.cancel();
    clock.drain();
    expect(outcomes).toEqual([{ ok: false, cancelled: true }]);
  });

  it('a bad event late in the file fails the import with its entry and line, and yields no log', () => {
    const events: unknown[] = chainOf(300);
    events[250] = { ...(events[250] as object), offset: -1 };
    const clock = fakeClock(1);
    const outcomes: ImportOutcome[] = [];
    importInSlices(batchJson(events as CloudEvent[]), () => {}, (o) => outcomes.push(o), { now: clock.now, yieldToPage: clock.yieldToPage, sliceMs: 10 });
    clock.drain();
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ ok: false, cancelled: false });
    expect((outcomes[0] as { reason: string }).reason).toMatch(/^entry 250, field "offset": .* \(line 2\d\d\d\)$/);
  });

  it('runInSlices reports an error thrown by the work instead of throwing', () => {
    const results: unknown[] = [];
    expect(() => runInSlices(() => { throw new Error('boom'); }, (r) => results.push(r), { now: () => 0 })).not.toThrow();
    expect(results).toEqual([{ error: new Error('boom') }]);
  });

  it('the export is collected in slices, whole', () => {
    const clock = fakeClock(1);
    let parts: string[] = [];
    collectInSlices(['a', 'b', 'c', 'd', 'e'].values(), (r) => (parts = r && 'parts' in r ? r.parts : []), { now: clock.now, yieldToPage: clock.yieldToPage, sliceMs: 2 });
    expect(clock.drain()).toBeGreaterThan(1);
    expect(parts.join('')).toBe('abcde');
  });
});

describe('the limits hold for every attribute of an imported event', () => {
  const one = (extra: Record<string, unknown>) => batchJson([event(0, extra)]);
  const nested = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
  it(`an unknown attribute may nest ${MAX_ATTRIBUTE_DEPTH} deep, not one more; the message names it and the line`, () => {
    const at = (n: number) => one({}).replace('"specversion"', `"extra": ${nested(n)},\n    "specversion"`);
    expect(parseBatch(at(MAX_ATTRIBUTE_DEPTH))).toHaveLength(1);
    expect(() => parseBatch(at(MAX_ATTRIBUTE_DEPTH + 1))).toThrow(`entry 0, field "extra": nested deeper than ${MAX_ATTRIBUTE_DEPTH} levels (line 2)`);
    expect(() => parseBatch(at(100_000))).toThrow(`entry 0, field "extra": nested deeper than ${MAX_ATTRIBUTE_DEPTH} levels`);
  });
  it('arrays count as levels too, and so do known attributes such as subject', () => {
    const deepArray = '['.repeat(40) + ']'.repeat(40);
    expect(() => parseBatch(`[{"subject": ${deepArray}}]`)).toThrow('entry 0, field "subject": nested deeper than 32 levels (line 1)');
  });
  it(`an event longer than ${MAX_EVENT_CHARS / 1024} K characters is refused, naming the attribute that made it so`, () => {
    expect(parseBatch(one({ note: 'x'.repeat(MAX_EVENT_CHARS - 500) }))).toHaveLength(1);
    expect(() => parseBatch(one({ note: 'x'.repeat(MAX_EVENT_CHARS) }))).toThrow(/^entry 0, field "note": the event is longer than 256 K characters of JSON \(line 2\)$/);
  });
  it('the depth is checked before anything parses the event (no stack is needed for a million levels)', () => {
    expect(() => parseBatch(`[${'['.repeat(1_000_000)}]`)).toThrow('entry 0: nested deeper than 32 levels (line 1)');
  });
});

describe('a batch read in parts reads as the same text', () => {
  const text = batchJson([event(0, { data: { note: 'a "quoted" \\ word', list: [1, 2, { x: 'y' }] } }), event(1, { causationid: 'e-0', subject: 'esc\\"aped' }), event(2)]);
  it('wherever the text is cut, into two or three parts', () => {
    const whole = parseBatch(text);
    for (let a = 0; a <= text.length; a += 7)
      for (const b of [a, Math.min(text.length, a + 1), Math.min(text.length, a + 30)]) {
        const reader = new BatchReader([text.slice(0, a), text.slice(a, b), text.slice(b)]);
        reader.read();
        expect(reader.events, `cut at ${a} and ${b}`).toEqual(whole);
      }
  });
  it('a bad part still names the entry and line', () => {
    const bad = text.replace('"offset": 2', '"offset": -2');
    const cut = bad.length - 40;
    expect(() => new BatchReader([bad.slice(0, cut), bad.slice(cut)]).read()).toThrow(/^entry 2, field "offset": .*\(line \d+\)$/);
  });
});

describe('a causation chain shows its ends and counts what lies between', () => {
  const logOf = (events: CloudEvent[]) => {
    const log = new EventLog(events.length);
    for (const e of events) log.push(entryOfCloudEvent(e));
    log.resolveCauses();
    return log;
  };
  it('a 10,000-link chain: the first 3 and the last 3, and 9,994 between', () => {
    const log = logOf(chainOf(10_000));
    const c = chainSummary(log, 'e-9999')!;
    expect(c.first.map((e) => e.id)).toEqual(['e-0', 'e-1', 'e-2']);
    expect(c.last.map((e) => e.id)).toEqual(['e-9997', 'e-9998', 'e-9999']);
    expect(c).toMatchObject({ between: 9_994, length: 10_000, loops: false, earlierMissing: false });
  });
  it('a short chain shows every link, first cause first', () => {
    const log = logOf(chainOf(5));
    const c = chainSummary(log, 'e-4')!;
    expect([...c.first, ...c.last].map((e) => e.id)).toEqual(['e-0', 'e-1', 'e-2', 'e-3', 'e-4']);
    expect(c.between).toBe(0);
  });
  it('causes listed after their effects are found once the import resolves them', () => {
    const log = logOf(chainOf(50).reverse());
    expect(chainSummary(log, 'e-49')).toMatchObject({ length: 50, between: 44 });
  });
  it('a loop of causes ends the walk after every entry once, and says so', () => {
    const events = chainOf(4);
    events[0] = { ...events[0]!, causationid: 'e-3' };
    const c = chainSummary(logOf(events), 'e-3')!;
    expect(c.loops).toBe(true);
    expect(c.length).toBeLessThanOrEqual(5);
  });
  it('a cause that is not in the log is said to be missing', () => {
    const c = chainSummary(logOf([event(7, { causationid: 'gone' })]), 'e-7')!;
    expect(c).toMatchObject({ earlierMissing: true, length: 1 });
  });
});

describe('a filter menu with many values is capped and searchable', () => {
  const counts = new Map<string, number>(Array.from({ length: 1000 }, (_, i) => [`Type${i}`, i % 10 === 0 ? 100 + i : 1]));
  it('lists every value, sorted, when there are few', () => {
    expect(cappedFacet(new Map([['b', 1], ['a', 5]]), '', 50)).toEqual({ shown: ['a', 'b'], matching: 2, more: 0 });
  });
  it('otherwise the 50 with the most messages, and how many more', () => {
    const f = cappedFacet(counts, '', 50);
    expect(f.shown).toHaveLength(50);
    expect(f.shown[0]).toBe('Type990');
    expect(f.shown.every((t) => Number(t.slice(4)) % 10 === 0)).toBe(true);
    expect(f).toMatchObject({ matching: 1000, more: 950 });
  });
  it('a search finds values outside the top 50 (ignoring case)', () => {
    const f = cappedFacet(counts, 'type99', 50);
    expect(f.shown).toContain('Type999');
    expect(f.matching).toBe(11); // Type99 and Type990…Type999
    expect(f.more).toBe(0);
  });
});
