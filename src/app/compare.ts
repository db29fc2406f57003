import type { LiveStats } from './simStore.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const min = (seconds: number) => (seconds / 60).toFixed(1);

/**
 * What differs right now between the synchronous and the asynchronous restaurant of compare
 * mode, in words, from the figures both show (docs/metrics.md): the customer's wait (p95,
 * arrival → last dish) and, where order → served latency points the other way, why; dishes
 * served since opening; the share of the last 15 minutes the floor staff spent blocked; and
 * walk-outs. Returns one sentence per difference, the most telling first. Every relation
 * (less, more, longer) is decided from the figures, compared at the precision shown.
 */
export function differences(sync: LiveStats, async: LiveStats): string[] {
  const out: string[] = [];
  const sw = sync.summary.customerSeconds.lastDish;
  const aw = async.summary.customerSeconds.lastDish;
  if (sw.parties > 0 && aw.parties > 0) {
    const [s, a] = [min(sw.p95), min(aw.p95)];
    if (s === a) out.push(`Customers wait about as long in both: p95 ${s} min from door to last dish.`);
    else {
      const asyncLess = Number(a) < Number(s);
      out.push(
        asyncLess
          ? `Customers wait less in async: p95 ${a} min from door to last dish, against ${s} min in sync.`
          : `Customers wait less in sync: p95 ${s} min from door to last dish, against ${a} min in async.`,
      );
      const [sl, al] = [min(sync.summary.latencySeconds.p95), min(async.summary.latencySeconds.p95)];
      // The figure that points the other way, and why it can.
      if (asyncLess && Number(al) > Number(sl))
        out.push(
          `Order → served is longer in async (${al} vs ${sl} min): it starts only once the order is taken, so sync's wait for a waiter is not in it.`,
        );
      else if (!asyncLess && Number(sl) > Number(al))
        out.push(`Order → served is longer in sync (${sl} vs ${al} min): it starts only once the order is taken, so async's wait at the door is not in it.`);
    }
  }
  const servedGap = async.summary.served - sync.summary.served;
  if (servedGap === 0) out.push(`Both have served ${plural(sync.summary.served, 'dish', 'dishes')}.`);
  else
    out.push(
      servedGap > 0
        ? `Async has served ${plural(servedGap, 'more dish', 'more dishes')} (${async.summary.served} vs ${sync.summary.served}).`
        : `Sync has served ${plural(-servedGap, 'more dish', 'more dishes')} (${sync.summary.served} vs ${async.summary.served}).`,
    );
  const sb = sync.rolling.floorStaff.blocked;
  const ab = async.rolling.floorStaff.blocked;
  const span = sync.rolling.windowSeconds < 60 ? 'so far' : `of the last ${Math.ceil(sync.rolling.windowSeconds / 60)} min`;
  if (sync.rolling.windowSeconds > 0)
    out.push(
      ab < 0.005
        ? `Sync's floor staff were blocked ${pct(sb)} ${span}; async's never.`
        : `Floor staff blocked: sync ${pct(sb)}, async ${pct(ab)} ${span}.`,
    );
  const walked = sync.summary.walkedOut - async.summary.walkedOut;
  if (walked !== 0) out.push(`${plural(Math.abs(walked), 'more party', 'more parties')} walked out in ${walked > 0 ? 'sync' : 'async'}.`);
  return out;
}
