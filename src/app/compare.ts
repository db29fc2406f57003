import type { LiveStats } from './simStore.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * What differs right now between the synchronous and the asynchronous restaurant of compare
 * mode, in words, from the figures both show: dishes served since opening, the share of the
 * last 15 minutes the waiters spent blocked, p95 latency since opening, and walk-outs.
 * Returns one sentence per difference, the most telling first.
 */
export function differences(sync: LiveStats, async: LiveStats): string[] {
  const out: string[] = [];
  const servedGap = async.summary.served - sync.summary.served;
  if (servedGap === 0) out.push(`Both have served ${plural(sync.summary.served, 'dish', 'dishes')}.`);
  else
    out.push(
      servedGap > 0
        ? `Async has served ${plural(servedGap, 'more dish', 'more dishes')} (${async.summary.served} vs ${sync.summary.served}).`
        : `Sync has served ${plural(-servedGap, 'more dish', 'more dishes')} (${sync.summary.served} vs ${async.summary.served}).`,
    );
  const sb = sync.rolling.utilisation.waiters.blocked;
  const ab = async.rolling.utilisation.waiters.blocked;
  const span = sync.rolling.windowSeconds < 60 ? 'so far' : `of the last ${Math.ceil(sync.rolling.windowSeconds / 60)} min`;
  if (sync.rolling.windowSeconds > 0)
    out.push(
      ab < 0.005
        ? `Sync waiters have been blocked ${pct(sb)} ${span}; async ones never wait at the pass.`
        : `Waiters blocked: sync ${pct(sb)}, async ${pct(ab)} ${span}.`,
    );
  const sp = sync.summary.latencySeconds.p95 / 60;
  const ap = async.summary.latencySeconds.p95 / 60;
  if (sync.summary.served > 0 && async.summary.served > 0)
    out.push(`p95 latency since opening: sync ${sp.toFixed(1)} min, async ${ap.toFixed(1)} min.`);
  const walked = sync.summary.walkedOut - async.summary.walkedOut;
  if (walked !== 0) out.push(`${plural(Math.abs(walked), 'more party', 'more parties')} walked out in ${walked > 0 ? 'sync' : 'async'}.`);
  return out;
}
