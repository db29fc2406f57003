import { describe, expect, it } from 'vitest';
import { Bus, type Envelope } from './bus.ts';

const meta = { source: '/test', subject: 'table-1', correlationid: 'order-1' };

describe('bus', () => {
  it('a command goes to its one handler, whose reply comes back; a second handler is an error', () => {
    const bus = new Bus(() => 12);
    bus.handle<{ dish: string }>('PlaceOrder', (m) => (m.data.dish === 'steak' ? { accepted: false, reason: 'out of steak' } : { accepted: true }));
    expect(bus.send('kitchen', 'PlaceOrder', { dish: 'salad' }, meta).reply).toEqual({ accepted: true });
    const { message, reply } = bus.send('kitchen', 'PlaceOrder', { dish: 'steak' }, meta);
    expect(reply).toEqual({ accepted: false, reason: 'out of steak' });
    expect(bus.rejectionOf(message.id)).toBe('out of steak');
    expect(bus.rejectionOf('m1')).toBeNull();
    expect(message).toMatchObject({ kind: 'command', topic: 'kitchen', offset: 1, time: 12, type: 'PlaceOrder', causationid: null });
    expect(() => bus.handle('PlaceOrder', () => ({ accepted: true }))).toThrow(/already has a handler/);
    expect(() => bus.send('kitchen', 'CookDish', {}, meta)).toThrow(/no handler for command CookDish/);
  });

  it('an event reaches every subscriber of its topic, in order, with per-topic offsets', () => {
    const bus = new Bus(() => 0);
    const a: string[] = [];
    const b: string[] = [];
    bus.subscribe('pass', (m) => a.push(`${m.type}@${m.offset}`));
    const stop = bus.subscribe('pass', (m) => b.push(`${m.type}@${m.offset}`));
    bus.publish('pass', 'DishReady', {}, meta);
    bus.publish('orders', 'DishDelivered', {}, meta);
    stop();
    bus.publish('pass', 'DishReady', {}, meta);
    expect(a).toEqual(['DishReady@0', 'DishReady@1']);
    expect(b).toEqual(['DishReady@0']);
    expect([bus.endOffset('pass'), bus.endOffset('orders'), bus.endOffset('billing')]).toEqual([2, 1, 0]);
  });

  it('gives every message a unique id and CloudEvents attributes, and keeps a bounded window when asked', () => {
    const bus = new Bus(() => 5, { retain: 3 });
    const seen: Envelope[] = [];
    bus.observe((m) => seen.push(m));
    for (let i = 0; i < 1000; i++) bus.publish('pass', 'DishReady', { i }, { ...meta, causationid: `m${i}` });
    expect(new Set(seen.map((m) => m.id)).size).toBe(1000);
    expect(seen[9]).toMatchObject({ specversion: '1.0', datacontenttype: 'application/json', dataschema: 'orderup:DishReady/v1', causationid: 'm9', data: { i: 9 } });
    expect(bus.messageAt('pass', 999)!.data).toEqual({ i: 999 });
    expect(bus.messageAt('pass', 997)!.offset).toBe(997);
    // Trimmed in batches: at most about twice the window plus a batch stays.
    expect(bus.firstOffset('pass')).toBeGreaterThan(1000 - 3 - 200);
    expect(bus.messageAt('pass', 0)).toBeUndefined();
  });
});
