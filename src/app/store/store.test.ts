import { describe, expect, it } from 'vitest';
import { createSimStore, type StoreAction } from './index.ts';
import { loadPreset, PRESET_NAMES } from '../../scenarios/index.ts';
import { frozenWall } from '../../test/clock.ts';

const make = (preset = 'friday-rush') => createSimStore({ presetNames: PRESET_NAMES, loadPreset, initialPreset: preset, now: frozenWall });

describe('derived values', () => {
  it('are computed from the slices and cannot be set from outside', () => {
    const store = make();
    const s = store.getState;
    expect(s().mode).toBe(s().snapshot.mode);
    store.setState({ mode: s().mode === 'sync' ? 'async' : 'sync', finished: true, pending: ['tables'], generation: 99 } as never);
    expect(s().mode).toBe(s().restaurant().mode);
    expect(s().finished).toBe(false);
    expect(s().pending).toEqual([]);
    expect(s().generation).toBe(0);
    expect(s().scenario).toBe(s().run.scenario);
  });

  it('pending follows the edited values, and stays the same array while they do (selectors compare by identity)', () => {
    const store = make();
    const s = store.getState;
    s().setParam('tables', 7);
    const first = s().pending;
    expect(first).toEqual(['tables']);
    s().setSpeed(4);
    expect(s().pending).toBe(first);
    s().setParam('waiters', s().running.waiters + 1);
    expect(s().pending).toEqual(['tables', 'waiters']);
    s().setParam('tables', s().running.tables);
    s().setParam('waiters', s().running.waiters);
    expect(s().pending).toEqual([]);
  });

  it('finished and mode follow the engine: the end of the service, a mode switch', () => {
    const store = make('quiet-lunch');
    const s = store.getState;
    s().setMode(s().mode === 'sync' ? 'async' : 'sync');
    expect(s().mode).toBe(s().restaurant().mode);
    s().syncTo(s().scenario.durationSeconds, true);
    expect(s().finished).toBe(true);
    s().reset();
    expect(s().finished).toBe(false);
    expect(s().generation).toBe(1);
  });
});

describe('notices', () => {
  it('a notice with the key of another replaces it, last; without a key the text is the key', () => {
    const s = make().getState;
    s().notice('info', 'first', 'k');
    s().notice('warning', 'other');
    s().notice('info', 'second', 'k');
    expect(s().notices.map((n) => [n.key, n.text])).toEqual([
      ['other', 'other'],
      ['k', 'second'],
    ]);
    s().notice('warning', 'other');
    expect(s().notices.filter((n) => n.text === 'other')).toHaveLength(1);
    s().withdrawNotice('k');
    expect(s().notices.map((n) => n.key)).toEqual(['other']);
    s().dismissNotice(s().notices[0]!.id);
    expect(s().notices).toEqual([]);
  });

  it('a clamped parameter says so once, in its latest words', () => {
    const s = make().getState;
    s().setParam('tables', 500);
    s().setParam('tables', 900);
    const about = s().notices.filter((n) => /^Tables:/.test(n.text));
    expect(about.map((n) => n.text)).toEqual(['Tables: 900 is above the maximum 40; using 40.']);
  });
});

describe('actions told to listeners (what compare mode follows)', () => {
  it('play, speed, commands, the clock, a rebuild and a seek, each as it is done', () => {
    const store = make();
    const s = store.getState;
    const seen: StoreAction['type'][] = [];
    const off = s().onAction((a) => seen.push(a.type));
    s().setSpeed(16);
    s().play();
    s().tick(0.1);
    s().setParam('ratePerHour', 80);
    s().pause();
    s().seek(10);
    s().reset();
    off();
    s().play();
    expect(seen).toEqual(['speed', 'play', 'advanced', 'command', 'pause', 'advanced', 'seek', 'rebuilt']);
  });

  it('seek starts a new run that replays the journal: the same history up to that time', () => {
    const store = make();
    const s = store.getState;
    s().setSpeed(64);
    s().play();
    for (let i = 0; i < 10; i++) s().tick(0.1);
    s().setParam('ratePerHour', 150);
    for (let i = 0; i < 10; i++) s().tick(0.1);
    const t = s().snapshot.time;
    const arrived = s().snapshot.partiesArrived;
    const before = s().run;
    s().seek(0);
    expect(s().run).not.toBe(before);
    expect(s().generation).toBe(before.generation + 1);
    s().syncTo(t, true);
    expect(s().snapshot.partiesArrived).toBe(arrived);
    expect(s().snapshot.arrivalRatePerHour).toBe(150);
  });
});
