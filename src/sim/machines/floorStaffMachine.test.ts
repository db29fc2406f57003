import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Scheduler } from '../kernel/scheduler.ts';
import { floorStaffMachine, legSecondsOf, NO_LEGS, staffActivity, timeFloorStaff, type FloorStaffEmitted } from './floorStaffMachine.ts';

function staff(role: 'waiter' | 'runner' = 'waiter') {
  const clock = new Scheduler();
  const actor = createActor(floorStaffMachine, { clock: clock.clock, input: { id: 'waiter-1', role } });
  const said: string[] = [];
  for (const t of ['atTable', 'orderTaken', 'ticketsHandedIn', 'pickedUp', 'delivered', 'free'] as const) {
    actor.on(t, (e: FloorStaffEmitted) => said.push(`${clock.now}:${e.type}`));
  }
  timeFloorStaff(actor, clock);
  actor.start();
  const at = (t: number) => {
    clock.runUntil(t);
    return actor.getSnapshot();
  };
  return { clock, actor, said, at };
}

describe('floor staff machine', () => {
  describe('when taking an order in sync mode', () => {
    it('walks, takes the order, walks to the kitchen and stays blocked until the dishes are ready', () => {
      const { actor, said, at } = staff();
      actor.send({ type: 'TAKE_ORDER', partyId: 7, protocol: 'sync', legs: { ...NO_LEGS, toTable: 10, take: 60, next: 15 } });
      expect(at(9).value).toBe('walkingToTable');
      expect(at(10).value).toBe('takingOrder');
      expect(at(69).value).toBe('takingOrder');
      expect(at(70).value).toBe('walkingToKitchen');
      expect(at(85).value).toBe('blockedAtPass');
      // Nothing moves it but the kitchen: an hour later it is still blocked.
      expect(at(3685).value).toBe('blockedAtPass');
      actor.send({ type: 'DISHES_READY', legs: { ...NO_LEGS, carry: 20 } });
      expect(at(3700).value).toBe('carryingDish');
      expect(at(3705).value).toBe('idle');
      expect(said).toEqual(['0:free', '10:atTable', '70:orderTaken', '85:ticketsHandedIn', '3705:delivered', '3705:free']);
    });
  });

  describe('when taking an order in async mode', () => {
    it('submits the ticket and is free again without waiting for the kitchen', () => {
      const { actor, said, at } = staff();
      actor.send({ type: 'TAKE_ORDER', partyId: 3, protocol: 'async', legs: { ...NO_LEGS, toTable: 10, take: 60, next: 5 } });
      expect(at(70).value).toBe('submittingTicket');
      expect(at(75).value).toBe('idle');
      expect(said).toEqual(['0:free', '10:atTable', '70:orderTaken', '75:ticketsHandedIn', '75:free']);
    });

    it('skips zero-length legs without timers and still announces every step in order', () => {
      const { clock, actor, said } = staff();
      actor.send({ type: 'TAKE_ORDER', partyId: 3, protocol: 'async', legs: NO_LEGS });
      expect(actor.getSnapshot().value).toBe('idle');
      expect(clock.pending).toBe(0);
      expect(said).toEqual(['0:free', '0:atTable', '0:orderTaken', '0:ticketsHandedIn', '0:free']);
    });

    it('goes straight to takingOrder when the walk is zero', () => {
      const { actor } = staff();
      actor.send({ type: 'TAKE_ORDER', partyId: 3, protocol: 'sync', legs: { ...NO_LEGS, take: 30 } });
      expect(actor.getSnapshot().value).toBe('takingOrder');
      expect(legSecondsOf('takingOrder', actor.getSnapshot().context.legs)).toBe(30);
    });
  });

  describe('when delivering a dish', () => {
    it('walks to the pass, picks the dish up, carries it and is free', () => {
      const { actor, said, at } = staff('runner');
      actor.send({ type: 'DELIVER', ticketId: 9, legs: { ...NO_LEGS, toPass: 12, carry: 18 } });
      expect(at(11).value).toBe('walkingToPass');
      expect(at(12).value).toBe('carryingDish');
      expect(at(30).value).toBe('idle');
      expect(said).toEqual(['0:free', '12:pickedUp', '30:delivered', '30:free']);
    });

    it('ignores a second job while busy', () => {
      const { actor, at } = staff('runner');
      actor.send({ type: 'DELIVER', ticketId: 9, legs: { ...NO_LEGS, toPass: 12, carry: 18 } });
      actor.send({ type: 'DELIVER', ticketId: 10, legs: { ...NO_LEGS, toPass: 1, carry: 1 } });
      expect(actor.getSnapshot().context.ticketId).toBe(9);
      expect(at(30).value).toBe('idle');
    });
  });

  it('classifies states as working, blocked or idle', () => {
    expect(staffActivity('idle')).toBe('idle');
    expect(staffActivity('blockedAtPass')).toBe('blocked');
    for (const s of ['walkingToTable', 'takingOrder', 'submittingTicket', 'walkingToKitchen', 'walkingToPass', 'carryingDish']) {
      expect(staffActivity(s)).toBe('working');
    }
  });
});
