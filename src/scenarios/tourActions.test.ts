import { describe, expect, it } from 'vitest';
import { loadPreset } from './index.ts';
import { LESSON_IDS, loadLesson, LessonError, parseLesson } from './lessons.ts';
import { runTourAction, TOUR_ACTION_NAMES, TOUR_ACTIONS, tourActionSchema, type TourContext } from './tourActions.ts';

/** A context that records every store action a handler calls, with its arguments. */
function fakeContext(): { ctx: TourContext; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const rec = (name: string) => (...args: unknown[]) => void calls.push([name, ...args]);
  const ctx: TourContext = {
    setMode: rec('setMode'),
    setSpeed: rec('setSpeed'),
    play: rec('play'),
    pause: rec('pause'),
    reset: rec('reset'),
    runUntil: rec('runUntil'),
    openLog: rec('openLog'),
    command: rec('command'),
  };
  return { ctx, calls };
}

/** Each action's JSON as a lesson writes it, and the store actions it must call. */
const CASES: Record<keyof typeof TOUR_ACTIONS, [unknown, unknown[][]]> = {
  mode: [{ do: 'mode', mode: 'async' }, [['setMode', 'async']]],
  speed: [{ do: 'speed', speed: 16 }, [['setSpeed', 16]]],
  play: [{ do: 'play' }, [['play']]],
  pause: [{ do: 'pause' }, [['pause']]],
  reset: [{ do: 'reset' }, [['reset']]],
  runUntil: [{ do: 'runUntil', seconds: 3600 }, [['runUntil', 3600]]],
  openLog: [{ do: 'openLog', filterType: 'DishReady' }, [['openLog', 'DishReady']]],
  stock: [{ do: 'stock', dish: 'steak', portions: 0 }, [['command', { type: 'setStock', dish: 'steak', portions: 0 }]]],
  crash: [{ do: 'crash', group: 'billing' }, [['command', { type: 'consumerDown', group: 'billing' }]]],
  restart: [{ do: 'restart', group: 'billing' }, [['command', { type: 'consumerUp', group: 'billing' }]]],
  idempotency: [{ do: 'idempotency', on: true }, [['command', { type: 'setIdempotency', on: true }]]],
  contract: [{ do: 'contract', version: 'v2' }, [['command', { type: 'setContract', version: 'v2' }]]],
  syncOverAsync: [{ do: 'syncOverAsync', on: false }, [['command', { type: 'setSyncOverAsync', on: false }]]],
  disguisedCommand: [{ do: 'disguisedCommand', times: 2 }, [['command', { type: 'publishDisguisedCommand' }], ['command', { type: 'publishDisguisedCommand' }]]],
  addSubscriber: [
    { do: 'addSubscriber', name: 'dashboard', group: 'dashboard-rebuilt', from: 'earliest' },
    [['command', { type: 'addSubscriber', name: 'dashboard', group: 'dashboard-rebuilt', from: 'earliest' }]],
  ],
};

const good = { id: 'x-lesson', title: 'T', scenario: 'friday-rush', narrative: ['n'], prediction: { question: 'q', options: ['a', 'b'], answer: 0, explanation: 'e' }, tour: [{ title: 's', text: 't' }], learning: ['l'] };

describe('the tour action table', () => {
  it('runs each action through its handler, calling exactly the store actions a learner would', () => {
    expect(Object.keys(CASES).sort()).toEqual([...TOUR_ACTION_NAMES].sort());
    for (const [name, [json, expected]] of Object.entries(CASES)) {
      const { ctx, calls } = fakeContext();
      runTourAction(ctx, tourActionSchema.parse(json));
      expect(calls, name).toEqual(expected);
    }
  });

  it('fills defaults and leaves out what a step does not say', () => {
    const { ctx, calls } = fakeContext();
    for (const a of [{ do: 'openLog' }, { do: 'disguisedCommand' }, { do: 'speed', speed: 'max' }, { do: 'addSubscriber', name: 'billing' }]) runTourAction(ctx, tourActionSchema.parse(a));
    expect(calls).toEqual([['openLog', null], ['command', { type: 'publishDisguisedCommand' }], ['setSpeed', 'max'], ['command', { type: 'addSubscriber', name: 'billing' }]]);
  });

  it('every shipped lesson’s actions are in the table', () => {
    for (const id of LESSON_IDS) for (const step of loadLesson(id, loadPreset).tour) for (const a of step.actions) expect(TOUR_ACTION_NAMES, id).toContain(a.do);
  });

  it('an unknown action is refused, naming the lesson, the step and the action', () => {
    const bad = { ...good, tour: [{ title: 's', text: 't' }, { title: 'Boom', text: 't', actions: [{ do: 'play' }, { do: 'explode' }] }] };
    expect(() => parseLesson(bad, loadPreset)).toThrow(LessonError);
    expect(() => parseLesson(bad, loadPreset)).toThrow(/^tour\.1\.actions\.1\.do: lesson "x-lesson", step 2 \("Boom"\): unknown tour action "explode" \(known: mode, speed, /);
    // A known action with a bad field is named by the schema as before.
    expect(() => parseLesson({ ...good, tour: [{ title: 's', text: 't', actions: [{ do: 'mode', mode: 'fast' }] }] }, loadPreset)).toThrow(/^tour\.0\.actions\.0\.mode: /);
  });
});
