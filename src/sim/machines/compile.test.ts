import { describe, expect, it } from 'vitest';
import { assign, createActor, emit, setup, type AnyStateMachine } from 'xstate';
import { compileMachine } from './compile.ts';
import { createMachineActor } from './actors.ts';
import { floorStaffMachine, NO_LEGS, type FloorStaffEvent } from './floorStaffMachine.ts';
import { stationMachine, type StationEvent } from './stationMachine.ts';

const base = setup({ actions: { custom: () => {}, ok: assign({ n: 1 }) }, guards: { yes: () => true }, delays: { soon: 5 } });

describe('compileMachine refuses what it does not run', () => {
  const cases: [string, AnyStateMachine, RegExp][] = [
    ['after', base.createMachine({ initial: 'a', states: { a: { after: { 1000: 'b' } }, b: {} } }), /delayed \(`after`\) transition at state "a"/],
    ['always', base.createMachine({ initial: 'a', states: { a: { always: 'b' }, b: {} } }), /eventless \(`always`\) transition at state "a"/],
    ['invoke', setup({ actors: { child: setup({}).createMachine({}) } }).createMachine({ initial: 'a', states: { a: { invoke: { src: 'child' } } } }), /`invoke` at state "a"/],
    ['nested', base.createMachine({ initial: 'a', states: { a: { initial: 'x', states: { x: {} } } } }), /nested \(compound\) state at state "a"/],
    ['parallel', base.createMachine({ type: 'parallel', states: { a: {}, b: {} } }), /parallel state at the root/],
    ['history', base.createMachine({ initial: 'a', states: { a: {}, h: { type: 'history' } } }), /history state at state "h"/],
    ['final', base.createMachine({ initial: 'a', states: { a: { on: { GO: 'b' } }, b: { type: 'final' } } }), /final state at state "b"/],
    ['wildcard', base.createMachine({ initial: 'a', states: { a: { on: { '*': 'a' } } } }), /event descriptor "\*"/],
    ['custom action', base.createMachine({ initial: 'a', states: { a: { on: { GO: { actions: 'custom' } } } } }), /action "custom" \(only the builtin assign and emit are\)/],
    ['inline action', base.createMachine({ initial: 'a', states: { a: { entry: () => {} } } }), /action "inline function"/],
    ['params', base.createMachine({ initial: 'a', states: { a: { on: { GO: { actions: { type: 'ok', params: {} } } } } } }), /action with params at state "a" on GO/],
    ['guard params', base.createMachine({ initial: 'a', states: { a: { on: { GO: { guard: { type: 'yes', params: {} }, target: 'a' } } } } }), /guard with params/],
  ];
  it.each(cases)('%s', (_, machine, message) => {
    expect(() => compileMachine(machine)).toThrow(message);
  });

  it('runs a machine it supports: assign then emit sees the new context', () => {
    const m = setup({
      types: { context: {} as { n: number }, emitted: {} as { type: 'said'; n: number } },
      actions: { bump: assign(({ context }) => ({ n: context.n + 1 })), say: emit(({ context }) => ({ type: 'said', n: context.n })) },
    }).createMachine({ context: { n: 0 }, initial: 'a', states: { a: { on: { GO: { target: 'b', actions: ['bump', 'say'] } } }, b: {} } });
    const heard: number[] = [];
    const a = createMachineActor(m, { input: undefined }, 'compiled');
    a.on('said', (e) => heard.push(e.n));
    a.start();
    a.send({ type: 'GO' });
    expect(a.getSnapshot().value).toBe('b');
    expect(heard).toEqual([1]);
  });
});

/** Deterministic numbers in [0, 1) (mulberry32). */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Drive an XState actor and a compiled one with the same events; return what each did. */
function trace(machine: AnyStateMachine, input: unknown, events: { type: string }[], emitted: string[], interpreter: 'xstate' | 'compiled') {
  const actor = interpreter === 'xstate' ? createActor(machine, { input }) : createMachineActor(machine, { input }, 'compiled');
  const out: string[] = [];
  for (const type of emitted) actor.on(type, (e: unknown) => out.push(`emit ${JSON.stringify(e)}`));
  actor.subscribe({ next: (s) => out.push(`snap ${JSON.stringify([s.value, s.context])}`), error: (e) => out.push(`error ${String(e)}`) });
  actor.start();
  for (const e of events) actor.send(e);
  return out;
}

describe('compiled and XState actors give the same snapshots for random events', () => {
  const legs = (r: () => number) => ({ ...NO_LEGS, toTable: r() < 0.5 ? 0 : 3, take: r() < 0.5 ? 0 : 2, next: r() < 0.5 ? 0 : 1, toPass: r() < 0.5 ? 0 : 4, carry: r() < 0.5 ? 0 : 5 });
  it.each(Array.from({ length: 30 }, (_, i) => i + 1))('floor staff, seed %i', (seed) => {
    const r = random(seed);
    const events: FloorStaffEvent[] = Array.from({ length: 60 }, (_, i) => {
      const k = r();
      if (k < 0.2) return { type: 'TAKE_ORDER', partyId: i, protocol: r() < 0.5 ? 'sync' : 'async', legs: legs(r) };
      if (k < 0.35) return { type: 'DELIVER', ticketId: i, legs: legs(r) };
      if (k < 0.5) return { type: 'DISHES_READY', legs: legs(r) };
      return { type: 'DONE' };
    });
    const emitted = ['atTable', 'orderTaken', 'ticketsHandedIn', 'pickedUp', 'delivered', 'free'];
    const input = { id: 'waiter-1', role: 'waiter' };
    expect(trace(floorStaffMachine, input, events, emitted, 'compiled')).toEqual(trace(floorStaffMachine, input, events, emitted, 'xstate'));
  });

  it.each(Array.from({ length: 30 }, (_, i) => i + 1))('station, seed %i', (seed) => {
    const r = random(seed);
    const job = (i: number) => ({ ticketId: i, cookSeconds: r() < 0.3 ? 0 : 4, plateSeconds: r() < 0.5 ? 0 : 1 });
    const events: StationEvent[] = Array.from({ length: 60 }, (_, i) => {
      const k = r();
      if (k < 0.3) return { type: 'COOK', ...job(i) };
      if (k < 0.4) return { type: 'FAULT' };
      if (k < 0.5) return { type: 'REPAIR' };
      return r() < 0.5 ? { type: 'DONE' } : { type: 'DONE', next: r() < 0.3 ? null : job(i) };
    });
    const emitted = ['dishCooked', 'cookingAborted', 'ticketRefused'];
    const input = { id: 'grill-1', kind: 'grill' };
    expect(trace(stationMachine, input, events, emitted, 'compiled')).toEqual(trace(stationMachine, input, events, emitted, 'xstate'));
  });

  it('an emitted event sent back to the actor waits for the step, as in XState', () => {
    const run = (interpreter: 'xstate' | 'compiled') => {
      const actor = interpreter === 'xstate' ? createActor(floorStaffMachine, { input: { id: 'w', role: 'waiter' } }) : createMachineActor(floorStaffMachine, { input: { id: 'w', role: 'waiter' } }, 'compiled');
      const out: string[] = [];
      let first = true;
      actor.on('free', () => {
        out.push('free');
        if (first) actor.send({ type: 'TAKE_ORDER', partyId: 1, protocol: 'async', legs: NO_LEGS });
        first = false;
      });
      actor.on('orderTaken', () => out.push('orderTaken'));
      actor.subscribe({ next: (s) => out.push(String(s.value)), error: (e) => out.push(`error ${(e as Error).message}`) });
      actor.start();
      actor.send({ type: 'DELIVER', ticketId: 2, legs: NO_LEGS });
      out.push(actor.getSnapshot().status);
      return out;
    };
    expect(run('compiled')).toEqual(run('xstate'));
  });
});

describe('an error inside a step', () => {
  it('stops the actor and reaches the error observers, as in XState', () => {
    const m = setup({ guards: { broken: () => { throw new Error('bad guard'); } } }).createMachine({ initial: 'a', states: { a: { on: { GO: { guard: 'broken', target: 'b' } } }, b: {} } });
    const run = (interpreter: 'xstate' | 'compiled') => {
      const actor = interpreter === 'xstate' ? createActor(m) : createMachineActor(m, { input: undefined }, 'compiled');
      const out: string[] = [];
      actor.subscribe({ next: (s) => out.push(String(s.value)), error: (e) => out.push(`error ${(e as Error).message}`) });
      actor.start();
      actor.send({ type: 'GO' });
      actor.send({ type: 'GO' });
      out.push(actor.getSnapshot().status, String(actor.getSnapshot().value));
      return out;
    };
    expect(run('compiled')).toEqual(run('xstate'));
  });
});
