import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Scheduler } from '../kernel/scheduler.ts';
import { stationActivity, stationMachine, timeStation, type StationEmitted, type StationJob } from './stationMachine.ts';

/** A station timed on its own clock; `queue` feeds `next` when given. `said` logs emitted events and state changes. */
function station(queue?: StationJob[]) {
  const clock = new Scheduler();
  const actor = createActor(stationMachine, { clock: clock.clock, input: { id: 'grill-1', kind: 'grill' } });
  const said: string[] = [];
  for (const t of ['dishCooked', 'cookingAborted', 'ticketRefused'] as const) {
    actor.on(t, (e: StationEmitted) => said.push(`${clock.now}:${e.type}#${e.ticketId}`));
  }
  let events = 0;
  let last = '';
  actor.subscribe((snap) => {
    events++;
    const now = `${snap.value}#${snap.context.ticketId}`;
    if (now !== last) said.push(`${clock.now}:${now}`);
    last = now;
  });
  timeStation(actor, clock, undefined, queue && (() => (queue.length > 0 && queue[0]!.cookSeconds > 0 ? queue.shift()! : null)));
  actor.start();
  const at = (t: number) => {
    clock.runUntil(t);
    return actor.getSnapshot();
  };
  return { clock, actor, said, at, events: () => events };
}

describe('station machine', () => {
  it('cooks, plates, sends the dish to the pass and is free', () => {
    const { actor, said, at } = station();
    actor.send({ type: 'COOK', ticketId: 4, cookSeconds: 600, plateSeconds: 30 });
    expect(at(599).value).toBe('cooking');
    expect(at(600).value).toBe('plating');
    expect(at(630).value).toBe('idle');
    expect(said).toEqual(['0:idle#null', '0:cooking#4', '600:plating#4', '630:dishCooked#4', '630:idle#4']);
  });

  it('skips plating when it takes no time', () => {
    const { actor, said, at } = station();
    actor.send({ type: 'COOK', ticketId: 1, cookSeconds: 60, plateSeconds: 0 });
    expect(at(60).value).toBe('idle');
    expect(said).toEqual(['0:idle#null', '0:cooking#1', '60:dishCooked#1', '60:idle#1']);
  });

  it('sends a dish that takes no time straight to the pass and stays idle', () => {
    const { actor, said } = station();
    actor.send({ type: 'COOK', ticketId: 7, cookSeconds: 0, plateSeconds: 0 });
    expect(actor.getSnapshot().value).toBe('idle');
    expect(said).toEqual(['0:idle#null', '0:dishCooked#7', '0:idle#7']);
  });

  describe('in a busy period', () => {
    it('starts the next ticket in the step that sends the last dish, one event per dish', () => {
      const queue = [
        { ticketId: 2, cookSeconds: 30, plateSeconds: 0 },
        { ticketId: 3, cookSeconds: 20, plateSeconds: 0 },
      ];
      const { actor, said, at, events } = station(queue);
      actor.send({ type: 'COOK', ticketId: 1, cookSeconds: 10, plateSeconds: 0 });
      expect(at(59).value).toBe('cooking');
      expect(at(60).value).toBe('idle');
      expect(said).toEqual([
        '0:idle#null',
        '0:cooking#1',
        '10:dishCooked#1',
        '10:cooking#2',
        '40:dishCooked#2',
        '40:cooking#3',
        '60:dishCooked#3',
        '60:idle#3',
      ]);
      // start, COOK, then one DONE per dish: 3 dishes in 4 transitions, not 6.
      expect(events()).toBe(1 + 1 + 3);
    });

    it('goes from plating straight to cooking the next, and plates the next in turn', () => {
      const queue = [{ ticketId: 2, cookSeconds: 30, plateSeconds: 5 }];
      const { actor, said, at } = station(queue);
      actor.send({ type: 'COOK', ticketId: 1, cookSeconds: 10, plateSeconds: 5 });
      expect(at(100).value).toBe('idle');
      expect(said).toEqual(['0:idle#null', '0:cooking#1', '10:plating#1', '15:dishCooked#1', '15:cooking#2', '45:plating#2', '50:dishCooked#2', '50:idle#2']);
    });

    it('does not take a ticket while cooking when the dish still has plating to do', () => {
      const queue = [{ ticketId: 2, cookSeconds: 30, plateSeconds: 0 }];
      const { actor, at } = station(queue);
      actor.send({ type: 'COOK', ticketId: 1, cookSeconds: 10, plateSeconds: 5 });
      at(12);
      expect(queue).toHaveLength(1);
      expect(at(15).context.ticketId).toBe(2);
    });

    it('leaves a ticket that cannot start at once (no cook time) for the restaurant to hand over', () => {
      const queue = [{ ticketId: 2, cookSeconds: 0, plateSeconds: 5 }];
      const { actor, at } = station(queue);
      actor.send({ type: 'COOK', ticketId: 1, cookSeconds: 10, plateSeconds: 0 });
      expect(at(10).value).toBe('idle');
      expect(queue).toHaveLength(1);
    });
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
      expect(said).toEqual(['0:idle#null', '0:cooking#2', '100:cookingAborted#2', '100:down#2', '2000:ticketRefused#3', '2000:idle#2']);
    });
  });

  describe('a ticket it cannot take', () => {
    it('is handed straight back while cooking or down, and the station carries on', () => {
      const { actor, said, at } = station();
      actor.send({ type: 'COOK', ticketId: 1, cookSeconds: 60, plateSeconds: 0 });
      actor.send({ type: 'COOK', ticketId: 2, cookSeconds: 60, plateSeconds: 0 });
      expect(actor.getSnapshot().context.ticketId).toBe(1);
      actor.send({ type: 'FAULT' });
      actor.send({ type: 'COOK', ticketId: 3, cookSeconds: 60, plateSeconds: 0 });
      actor.send({ type: 'REPAIR' });
      expect(at(100).value).toBe('idle');
      expect(said).toEqual(['0:idle#null', '0:cooking#1', '0:ticketRefused#2', '0:cookingAborted#1', '0:down#1', '0:ticketRefused#3', '0:idle#1']);
    });

    it('is handed back when it rides on a DONE the station cannot start it from', () => {
      const { actor, said } = station();
      actor.send({ type: 'DONE', next: { ticketId: 8, cookSeconds: 30, plateSeconds: 0 } });
      actor.send({ type: 'COOK', ticketId: 1, cookSeconds: 60, plateSeconds: 0 });
      // A next ticket with no cook time cannot start at once: the dish still goes to the pass.
      actor.send({ type: 'DONE', next: { ticketId: 9, cookSeconds: 0, plateSeconds: 5 } });
      expect(actor.getSnapshot().value).toBe('idle');
      expect(said).toEqual(['0:idle#null', '0:ticketRefused#8', '0:cooking#1', '0:dishCooked#1', '0:ticketRefused#9', '0:idle#1']);
    });
  });

  it('counts cooking and plating as working, down and idle as idle', () => {
    expect(stationActivity('cooking')).toBe('working');
    expect(stationActivity('plating')).toBe('working');
    expect(stationActivity('down')).toBe('idle');
    expect(stationActivity('idle')).toBe('idle');
  });
});
