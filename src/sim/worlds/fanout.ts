import { Scheduler } from '../kernel/scheduler.ts';
import { createStreams } from '../kernel/rng.ts';
import { sampler, type Distribution } from '../kernel/distributions.ts';
import { Bus } from '../bus/bus.ts';

/**
 * The fan-out lesson's world (the chapter's task-creation example): each new task must be
 * seen by four services: notification, analytics, search indexing and audit.
 * - `events`: the task service publishes `TaskCreated`; each service is its own consumer
 *   group and handles it at its own pace.
 * - `calls`: the task service calls the four services one after another, synchronously, in
 *   the order of {@link FANOUT_SERVICES}; each call waits for the one before.
 * Deterministic from the seed; times in simulated seconds.
 */
export const FANOUT_SERVICES = ['search', 'analytics', 'notification', 'audit'] as const;
export type FanoutService = (typeof FANOUT_SERVICES)[number];

export interface FanoutOptions {
  seed: number;
  design: 'events' | 'calls';
  tasks: number;
  /** Mean gap between new tasks. */
  everySeconds: number;
  /** Each service's handling time per task. */
  serviceSeconds: Record<FanoutService, Distribution>;
}

export const FANOUT_DEFAULTS: FanoutOptions = {
  seed: 3,
  design: 'events',
  tasks: 200,
  everySeconds: 20,
  serviceSeconds: {
    search: { dist: 'lognormal', mean: 0.4, sd: 0.2 },
    analytics: { dist: 'lognormal', mean: 6, sd: 3 },
    notification: { dist: 'lognormal', mean: 0.3, sd: 0.1 },
    audit: { dist: 'lognormal', mean: 0.2, sd: 0.1 },
  },
};

/** One task: when it was created and when each service finished with it. */
export interface FanoutTask {
  id: number;
  createdAt: number;
  /** When the task service's request returned to the user. */
  respondedAt: number;
  done: Partial<Record<FanoutService, number>>;
}

export interface FanoutRun {
  options: FanoutOptions;
  tasks: FanoutTask[];
  /** Seconds from creation until each service had handled the task (one entry per task). */
  delays: Record<FanoutService, number[]>;
  /** Seconds the user waited for "task created". */
  responseSeconds: number[];
}

/** Run the fan-out world until every task has been handled by every service. */
export function runFanout(options: Partial<FanoutOptions> = {}): FanoutRun {
  const o: FanoutOptions = { ...FANOUT_DEFAULTS, ...options, serviceSeconds: { ...FANOUT_DEFAULTS.serviceSeconds, ...options.serviceSeconds } };
  const scheduler = new Scheduler();
  const streams = createStreams(o.seed);
  const gap = sampler({ dist: 'exponential', mean: o.everySeconds }, streams.arrivals);
  // One stream per service, so the two designs see the same work for each task.
  const work = Object.fromEntries(FANOUT_SERVICES.map((s, i) => [s, sampler(o.serviceSeconds[s], i % 2 === 0 ? streams.service : streams.consumers)])) as Record<FanoutService, () => number>;
  const tasks: FanoutTask[] = [];
  // Pre-draw every task's work per service, so both designs handle identical tasks.
  const demands = Array.from({ length: o.tasks }, () => Object.fromEntries(FANOUT_SERVICES.map((s) => [s, work[s]()])) as Record<FanoutService, number>);

  if (o.design === 'events') {
    const bus = new Bus(() => scheduler.now, {
      schedule: (d, fn) => {
        const t = scheduler.schedule(d, fn);
        return () => scheduler.cancel(t);
      },
    });
    for (const s of FANOUT_SERVICES) {
      const g = bus.group({
        group: s,
        topic: 'tasks',
        deliverySeconds: 0.05,
        commitIntervalSeconds: 0,
        handler: (m) => {
          tasks[(m.data as { taskId: number }).taskId - 1]!.done[s] = scheduler.now;
        },
      });
      // Each service is one consumer working through its queue: its time per task is the task's demand.
      let next = 0;
      g.addMember({ name: `${s}-1`, processingSeconds: () => demands[next++]![s] });
    }
    let created = 0;
    const create = () => {
      const t: FanoutTask = { id: ++created, createdAt: scheduler.now, respondedAt: scheduler.now, done: {} };
      tasks.push(t);
      bus.publish('tasks', 'TaskCreated', { taskId: t.id }, { source: '/tasks', subject: `task-${t.id}`, correlationid: `task-${t.id}` });
      if (created < o.tasks) scheduler.schedule(gap(), create);
    };
    scheduler.schedule(gap(), create);
  } else {
    // One request thread: each task's four calls run in order; the next task's request waits
    // for the thread (a synchronous chain of calls holds its caller).
    let busyUntil = 0;
    let created = 0;
    const create = () => {
      const t: FanoutTask = { id: ++created, createdAt: scheduler.now, respondedAt: 0, done: {} };
      tasks.push(t);
      let at = Math.max(scheduler.now, busyUntil);
      for (const s of FANOUT_SERVICES) {
        at += 0.05 + demands[t.id - 1]![s];
        t.done[s] = at;
      }
      t.respondedAt = at;
      busyUntil = at;
      if (created < o.tasks) scheduler.schedule(gap(), create);
    };
    scheduler.schedule(gap(), create);
  }
  scheduler.runUntil(Infinity);
  const delays = Object.fromEntries(FANOUT_SERVICES.map((s) => [s, tasks.map((t) => t.done[s]! - t.createdAt)])) as Record<FanoutService, number[]>;
  return { options: o, tasks, delays, responseSeconds: tasks.map((t) => t.respondedAt - t.createdAt) };
}
