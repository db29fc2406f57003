import { Scheduler } from '../kernel/scheduler.ts';
import { createStreams } from '../kernel/rng.ts';
import { sampler, type Distribution } from '../kernel/distributions.ts';
import { Bus } from '../bus/bus.ts';

/**
 * The "when sync is right" lesson's world: users log in.
 * - `sync`: the login request waits for validation and answers yes or no; the user proceeds.
 * - `events`: the login is an event; validation happens downstream and the user is told by
 *   email that they are logged in (the awkward design).
 * - `mixed`: a synchronous login, then a `UserLoggedIn` event for the downstream work
 *   (welcome email, analytics) that the user need not wait for.
 * - `all-sync`: the login also calls the email service synchronously and waits for it.
 * The email service sends many emails at once (a pool of senders), each taking `emailSeconds`.
 * Deterministic from the seed; times in simulated seconds.
 */
export type LoginDesign = 'sync' | 'events' | 'mixed' | 'all-sync';

export interface LoginOptions {
  seed: number;
  design: LoginDesign;
  users: number;
  everySeconds: number;
  validateSeconds: Distribution;
  emailSeconds: Distribution;
}

export const LOGIN_DEFAULTS: LoginOptions = {
  seed: 4,
  design: 'sync',
  users: 300,
  everySeconds: 2,
  validateSeconds: { dist: 'lognormal', mean: 0.3, sd: 0.1 },
  emailSeconds: { dist: 'lognormal', mean: 45, sd: 30 },
};

export interface LoginRun {
  options: LoginOptions;
  /** Seconds from pressing "log in" until the user can use the app, per user. */
  waitSeconds: number[];
  /**
   * Downstream jobs done by the end, over all users: welcome emails and analytics records
   * (`mixed`: both; `all-sync`: the welcome email the login waited for; `sync` and `events`:
   * none, the events design's email being the login's answer itself).
   */
  downstreamDone: number;
}

/** Run the login world until every user is in and all downstream work is done. */
export function runLogins(options: Partial<LoginOptions> = {}): LoginRun {
  const o: LoginOptions = { ...LOGIN_DEFAULTS, ...options };
  const scheduler = new Scheduler();
  const streams = createStreams(o.seed);
  const gap = sampler({ dist: 'exponential', mean: o.everySeconds }, streams.arrivals);
  const validate = sampler(o.validateSeconds, streams.service);
  const email = sampler(o.emailSeconds, streams.consumers);
  const bus = new Bus(() => scheduler.now, {
    schedule: (d, fn) => {
      const t = scheduler.schedule(d, fn);
      return () => scheduler.cancel(t);
    },
  });
  const pressedAt = new Map<number, number>();
  const wait: number[] = [];
  let downstream = 0;
  const proceed = (user: number) => wait.push(scheduler.now - pressedAt.get(user)!);
  const group = (name: string, topic: string, seconds: () => number, handler: (user: number) => void, members = 1) => {
    const g = bus.group({ group: name, topic, deliverySeconds: 0.05, commitIntervalSeconds: 0, handler: (m) => handler((m.data as { user: number }).user) });
    for (let i = 1; i <= members; i++) g.addMember({ name: `${name}-${i}`, processingSeconds: seconds });
  };
  /** Senders in the email service's pool: enough that an email takes about `emailSeconds`. */
  const SENDERS = 64;

  if (o.design === 'events') {
    // Validation reacts to LoginRequested; the user learns the result from an email.
    group('validator', 'logins', validate, (user) =>
      bus.publish('accounts', 'LoginValidated', { user }, { source: '/validator', subject: `user-${user}`, correlationid: `login-${user}` }),
    );
    group('email', 'accounts', email, (user) => proceed(user), SENDERS);
  } else if (o.design === 'mixed') {
    // After the synchronous answer, downstream work follows the UserLoggedIn event.
    group('welcome-email', 'accounts', email, () => downstream++, SENDERS);
    group('analytics', 'accounts', () => 1, () => downstream++);
  }
  let n = 0;
  const press = () => {
    const user = ++n;
    pressedAt.set(user, scheduler.now);
    if (o.design === 'events') {
      bus.publish('logins', 'LoginRequested', { user }, { source: '/app', subject: `user-${user}`, correlationid: `login-${user}` });
    } else {
      // A synchronous request: the answer comes back after validation (and, all-sync, after
      // the welcome email too), and the user goes on.
      const waitFor = validate() + (o.design === 'all-sync' ? email() : 0);
      scheduler.schedule(waitFor, () => {
        proceed(user);
        if (o.design === 'all-sync') downstream++;
        if (o.design === 'mixed') bus.publish('accounts', 'UserLoggedIn', { user }, { source: '/login', subject: `user-${user}`, correlationid: `login-${user}` });
      });
    }
    if (n < o.users) scheduler.schedule(gap(), press);
  };
  scheduler.schedule(gap(), press);
  scheduler.runUntil(Infinity);
  return { options: o, waitSeconds: wait, downstreamDone: downstream };
}
