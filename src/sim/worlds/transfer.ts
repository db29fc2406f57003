import { Scheduler } from '../kernel/scheduler.ts';
import { createStreams } from '../kernel/rng.ts';
import { sampler, type Distribution } from '../kernel/distributions.ts';
import { Bus, type Envelope } from '../bus/bus.ts';

/**
 * A small world for the eventual-consistency lesson: transfers of a fixed amount from a
 * checking account to a savings account, done either with strong consistency (both
 * accounts change together, or the transfer fails when savings is down) or eventually
 * (checking is debited, `MoneyDebited` is published, and the savings service credits it
 * when it gets to it). Deterministic from its seed. Money in dollars, times in simulated
 * seconds.
 */
export interface TransferOptions {
  seed: number;
  mode: 'strong' | 'eventual';
  durationSeconds: number;
  transfersPerHour: number;
  amount: number;
  openingChecking: number;
  /** The savings service's time to handle one MoneyDebited. */
  creditSeconds: Distribution;
  /** Savings is down over this window (null: never). */
  savingsOutage: { fromSeconds: number; toSeconds: number } | null;
  sampleEverySeconds: number;
}

export const TRANSFER_DEFAULTS: TransferOptions = {
  seed: 11,
  mode: 'eventual',
  durationSeconds: 3600,
  transfersPerHour: 90,
  amount: 100,
  openingChecking: 20_000,
  creditSeconds: { dist: 'lognormal', mean: 12, sd: 6 },
  savingsOutage: { fromSeconds: 1200, toSeconds: 1800 },
  sampleEverySeconds: 10,
};

export interface Transfer {
  id: number;
  requestedAt: number;
  /** When checking was debited, or null if the transfer failed. */
  debitedAt: number | null;
  /** When savings was credited, or null (failed, or still in flight at the end). */
  creditedAt: number | null;
  failed: string | null;
}

/** The books at one moment: checking + savings + inFlight always equals the opening total. */
export interface TransferSample {
  t: number;
  checking: number;
  savings: number;
  inFlight: number;
}

export interface TransferRun {
  options: TransferOptions;
  transfers: Transfer[];
  samples: TransferSample[];
  /** Credit time − debit time of every credited transfer (the consistency lag), seconds. */
  lags: number[];
  /** The total the books must always add up to. */
  total: number;
  /** The books at time `t` (from the samples, at or before `t`). */
  at(t: number): TransferSample;
}

/**
 * Run the transfer world to its end.
 * @throws RangeError for a non-positive duration, rate or amount.
 */
export function runTransfers(options: Partial<TransferOptions> = {}): TransferRun {
  const o: TransferOptions = { ...TRANSFER_DEFAULTS, ...options };
  if (!(o.durationSeconds > 0 && o.transfersPerHour > 0 && o.amount > 0)) throw new RangeError('duration, rate and amount must be positive');
  const scheduler = new Scheduler();
  const streams = createStreams(o.seed);
  const bus = new Bus(() => scheduler.now, {
    schedule: (d, fn) => {
      const timer = scheduler.schedule(d, fn);
      return () => scheduler.cancel(timer);
    },
  });
  let checking = o.openingChecking;
  let savings = 0;
  let inFlight = 0;
  let savingsUp = true;
  const transfers: Transfer[] = [];
  const byId = new Map<number, Transfer>();
  const gap = sampler({ dist: 'exponential', mean: 3600 / o.transfersPerHour }, streams.arrivals);

  const savingsService = bus.group({
    group: 'savings',
    topic: 'transfers',
    types: ['MoneyDebited'],
    deliverySeconds: 0.5,
    commitIntervalSeconds: 0,
    handler: (m: Envelope) => {
      const { transferId, amount } = m.data as { transferId: number; amount: number };
      const t = byId.get(transferId)!;
      // Idempotent by transfer: a redelivered MoneyDebited credits nothing twice.
      if (t.creditedAt !== null) return;
      savings += amount;
      inFlight -= amount;
      t.creditedAt = scheduler.now;
    },
  });
  savingsService.addMember({ name: 'savings-1', processingSeconds: sampler(o.creditSeconds, streams.consumers) });

  const request = () => {
    const t: Transfer = { id: transfers.length + 1, requestedAt: scheduler.now, debitedAt: null, creditedAt: null, failed: null };
    transfers.push(t);
    byId.set(t.id, t);
    if (checking < o.amount) t.failed = 'not enough money in checking';
    else if (o.mode === 'strong') {
      // Both accounts in one transaction: impossible while savings is down.
      if (!savingsUp) t.failed = 'savings is down: the transfer cannot commit';
      else {
        checking -= o.amount;
        savings += o.amount;
        t.debitedAt = t.creditedAt = scheduler.now;
      }
    } else {
      checking -= o.amount;
      inFlight += o.amount;
      t.debitedAt = scheduler.now;
      bus.publish('transfers', 'MoneyDebited', { transferId: t.id, amount: o.amount }, { source: '/checking', subject: `transfer-${t.id}`, correlationid: `transfer-${t.id}` });
    }
    const next = gap();
    if (scheduler.now + next < o.durationSeconds) scheduler.schedule(next, request);
  };
  scheduler.schedule(gap(), request);
  if (o.savingsOutage) {
    scheduler.scheduleAt(o.savingsOutage.fromSeconds, () => {
      savingsUp = false;
      savingsService.crash();
    });
    scheduler.scheduleAt(o.savingsOutage.toSeconds, () => {
      savingsUp = true;
      savingsService.recover();
    });
  }
  const samples: TransferSample[] = [];
  const sample = () => {
    samples.push({ t: scheduler.now, checking, savings, inFlight });
    if (scheduler.now + o.sampleEverySeconds <= o.durationSeconds * 1.5) scheduler.schedule(o.sampleEverySeconds, sample);
  };
  scheduler.scheduleAt(0, sample);
  // Run past the last request so money in flight lands.
  scheduler.runUntil(o.durationSeconds * 1.5);

  const lags = transfers.filter((t) => t.debitedAt !== null && t.creditedAt !== null).map((t) => t.creditedAt! - t.debitedAt!);
  return {
    options: o,
    transfers,
    samples,
    lags,
    total: o.openingChecking,
    at(time) {
      let lo = 0;
      let hi = samples.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (samples[mid]!.t <= time) lo = mid;
        else hi = mid - 1;
      }
      return samples[lo]!;
    },
  };
}
