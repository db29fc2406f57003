import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Scheduler } from '../kernel/scheduler.ts';
import { stationActivity, stationMachine, timeStation, type StationEmitted } from './stationMachine.ts';

function station() {
  const clock = new Scheduler();
  const actor = createActor(stationMachine, { clock: clock.clock, input: { id: 'grill-1', kind: 'grill' } });
  const said: string[] = [];
  for (const t of ['cookingStarted', 'dishCooked', 'cookingAborted', 'free'] as const) {
    actor.on(t, (e: StationEmitted) => said.push(`${clock.now}:${e.type}${'ticketId' in e ? `#${e.ticketId}` : ''}`));
  }
  timeStation(actor, clock);
  actor.start();
  const at = (t: number) => {
    clock.runUntil(t);
    return actor.getSnapshot();
  };
  return { clock, actor, said, at };
}

describe('station machine', () => {
  it('cooks, plates, sends the dish to the pass and is free', () => {
    const { actor, said, at } = station();
    actor.send({ type: 'COOK', ticketId: 4, cookSeconds: 600, plateSeconds: 30 });
    expect(at(599).value).toBe('cooking');
    expect(at(600).value).toBe('plating');
    expect(at(630).value).toBe('idle');
    expect(said).toEqual(['0:free', '0:cookingStarted#4', '630:dishCooked#4', '630:free']);
  });

  it('skips plating when it takes no time', () => {
    const { actor, said, at } = station();
    actor.send({ type: 'COOK', ticketId: 1, cookSeconds: 60, plateSeconds: 0 });
    expect(at(60).value).toBe('idle');
    expect(said).toEqual(['0:free', '0:cookingStarted#1', '60:dishCooked#1', '60:free']);
  });

  describe('when the station goes down', () => {
    it('hands the ticket back mid-cook, never finishes it, and is free again after repair', () => {
      const { actor, said, at } = station();
      actor.send({ type: 'COOK', ticketId: 2, cookSeconds: 600, plateSeconds: 0 });
      at(100);
      actor.send({ type: 'FAULT' });
      expect(actor.getSnapshot().value).toBe('down');
      expect(at(2000).value).toBe('down');
      actor.send({ type: 'COOK', ticketId: 3, cookSeconds: 1, plateSeconds: 0 });
      expect(actor.getSnapshot().value).toBe('down');
      actor.send({ type: 'REPAIR' });
      expect(actor.getSnapshot().value).toBe('idle');
      expect(said).toEqual(['0:free', '0:cookingStarted#2', '100:cookingAborted#2', '2000:free']);
    });
  });

  it('counts cooking and plating as working, down and idle as idle', () => {
    expect(stationActivity('cooking')).toBe('working');
    expect(stationActivity('plating')).toBe('working');
    expect(stationActivity('down')).toBe('idle');
    expect(stationActivity('idle')).toBe('idle');
  });
});
