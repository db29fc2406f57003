import { describe, expect, it } from 'vitest';
import { runTransfers, TRANSFER_DEFAULTS } from './transfer.ts';

describe('the transfer world (eventual-consistency lesson)', () => {
  it('keeps checking + savings + in flight equal to the total at every sample, over many seeds, in both modes', () => {
    for (let seed = 1; seed <= 30; seed++) {
      for (const mode of ['strong', 'eventual'] as const) {
        const run = runTransfers({ seed, mode });
        for (const s of run.samples) expect(s.checking + s.savings + s.inFlight, `seed ${seed} ${mode} t=${s.t}`).toBe(run.total);
        expect(run.samples.every((s) => s.inFlight >= 0 && s.checking >= 0)).toBe(true);
      }
    }
  });

  it('eventually: a savings outage delays credits but loses nothing', () => {
    const run = runTransfers({ mode: 'eventual' });
    const debited = run.transfers.filter((t) => t.debitedAt !== null);
    expect(debited.length).toBeGreaterThan(50);
    expect(debited.every((t) => t.creditedAt !== null)).toBe(true);
    expect(run.samples.at(-1)!.inFlight).toBe(0);
    const o = TRANSFER_DEFAULTS.savingsOutage!;
    const during = run.transfers.filter((t) => t.debitedAt !== null && t.debitedAt >= o.fromSeconds && t.debitedAt < o.toSeconds);
    const calm = run.transfers.filter((t) => t.debitedAt !== null && t.debitedAt > o.toSeconds + 300);
    const lagOf = (ts: typeof during) => ts.map((t) => t.creditedAt! - t.debitedAt!);
    expect(during.length).toBeGreaterThan(5);
    // Debited during the outage, credited only after it: lags of minutes, not seconds.
    for (const t of during) expect(t.creditedAt!).toBeGreaterThanOrEqual(o.toSeconds);
    expect(Math.min(...lagOf(during))).toBeGreaterThan(Math.max(...lagOf(calm)));
    // A read during the outage is stale: money has left checking and is not in savings.
    expect(run.at((o.fromSeconds + o.toSeconds) / 2).inFlight).toBeGreaterThan(0);
  });

  it('strongly: no money is ever in flight, but transfers during the outage fail', () => {
    const run = runTransfers({ mode: 'strong' });
    expect(run.samples.every((s) => s.inFlight === 0)).toBe(true);
    const o = TRANSFER_DEFAULTS.savingsOutage!;
    const during = run.transfers.filter((t) => t.requestedAt >= o.fromSeconds && t.requestedAt < o.toSeconds);
    expect(during.length).toBeGreaterThan(5);
    expect(during.every((t) => t.failed === 'savings is down: the transfer cannot commit')).toBe(true);
    expect(run.transfers.filter((t) => t.failed === null).every((t) => t.creditedAt === t.debitedAt)).toBe(true);
  });

  it('without an outage both designs complete every transfer; only eventual has a lag', () => {
    const strong = runTransfers({ mode: 'strong', savingsOutage: null });
    const eventual = runTransfers({ mode: 'eventual', savingsOutage: null });
    expect(strong.transfers.every((t) => t.failed === null)).toBe(true);
    expect(eventual.transfers.every((t) => t.creditedAt !== null)).toBe(true);
    expect(strong.transfers.length).toBe(eventual.transfers.length);
    expect(Math.max(...strong.lags)).toBe(0);
    expect(Math.min(...eventual.lags)).toBeGreaterThan(0);
  });
});
