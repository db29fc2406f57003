import { describe, expect, it } from 'vitest';
import { EventLog, MAX_LOG_ENTRIES, type LogEntry } from './eventLog.ts';

const entry = (i: number): LogEntry => ({
  id: `m${i}`, kind: 'event', type: 'DishReady', topic: 'pass', offset: i, subject: `dish-${i}`, time: i, correlationid: `order-${i}`,
  causationid: null, source: '/kitchen', dataschema: 'orderup:DishReady/v1', table: 1, data: null, imported: null,
});

describe('the event log keeps a bounded window', () => {
  it(`holds at most 10% over ${MAX_LOG_ENTRIES.toLocaleString('en')} entries, drops the oldest, and counts them`, () => {
    const log = new EventLog();
    const n = 2.5 * MAX_LOG_ENTRIES;
    let most = 0;
    for (let i = 0; i < n; i++) {
      log.push(entry(i));
      most = Math.max(most, log.entries.length);
    }
    expect(most).toBeLessThanOrEqual(MAX_LOG_ENTRIES * 1.1);
    expect(log.entries.length + log.dropped).toBe(n);
    expect(log.entries.at(-1)!.id).toBe(`m${n - 1}`);
    expect(log.get('m0')).toBeUndefined(); // the index forgets dropped entries too
    expect(log.get(`m${n - 1}`)).toBeDefined();
  });
});
