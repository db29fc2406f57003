import { describe, expect, it } from 'vitest';
import { runLogins } from './login.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('the login world (when sync is right)', () => {
  it('a synchronous login answers in a fraction of a second; an event-driven one makes users wait for an email', () => {
    const sync = runLogins({ design: 'sync' });
    const events = runLogins({ design: 'events' });
    expect(sync.waitSeconds).toHaveLength(300);
    expect(events.waitSeconds).toHaveLength(300);
    expect(median(sync.waitSeconds)).toBeLessThan(0.5);
    expect(median(events.waitSeconds)).toBeGreaterThan(30);
    // About as long as an email (45 s mean), not a queue behind one overloaded sender.
    expect(median(events.waitSeconds)).toBeLessThan(90);
    const allSync = runLogins({ design: 'all-sync' });
    expect(median(allSync.waitSeconds)).toBeGreaterThan(30);
  });

  it('mixing both: users wait only for the synchronous part, and all downstream work still gets done', () => {
    const sync = runLogins({ design: 'sync' });
    const mixed = runLogins({ design: 'mixed' });
    expect(mixed.waitSeconds).toEqual(sync.waitSeconds);
    expect(mixed.downstreamDone).toBe(2 * 300);
  });

  it('counts the welcome email the all-synchronous login waited for, and nothing downstream for the others', () => {
    expect(runLogins({ design: 'all-sync' }).downstreamDone).toBe(300);
    expect(runLogins({ design: 'sync' }).downstreamDone).toBe(0);
    expect(runLogins({ design: 'events' }).downstreamDone).toBe(0);
  });
});
