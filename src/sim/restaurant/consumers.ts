import { sampler, type Distribution } from '../kernel/distributions.ts';
import type { ConsumerGroup } from '../bus/bus.ts';
import { createSubscriberState, dishCode, SUBSCRIBER_DEFAULTS, subscriberHandler, type SubscriberKind, type SubscriberState } from '../bus/subscribers.ts';
import type { Core } from './core.ts';

/**
 * The subscribers (docs/architecture.md, "Consumers"): independent consumer groups reading
 * the restaurant's topics (billing, analytics, notifications, loyalty and the read models).
 * They draw from their own random stream and touch nothing of the restaurant: adding or
 * removing one never changes what the restaurant does or when (tested).
 */

/** A subscriber group: its kind, the bus's group, how many members joined it, and its read model. */
export interface SubscriberGroup {
  kind: SubscriberKind;
  group: ConsumerGroup;
  members: number;
  /** A projection's table of counts (empty for the other kinds). */
  projection: Map<string, number>;
}

/** What the other parts use of the consumers. */
export interface Consumers {
  /** What the subscribers have done (billing's totals, notifications sent, …). */
  readonly state: SubscriberState;
  readonly groups: ReadonlyMap<string, SubscriberGroup>;
  /** Each group's lag at every sample time (groups added later start later); the runners' from the start. */
  readonly lagSeries: Map<string, { t: number[]; lag: number[] }>;
  /** Whether subscribers skip a redelivered event id. */
  idempotent: boolean;
  /**
   * Add a member of `kind` to group `groupName` (a new group reads from the log end, or its
   * start with `from: 'earliest'`); `processing` in simulated seconds per event.
   * @throws Error if the group holds another kind, or is "runners".
   */
  add(kind: SubscriberKind, groupName: string, processing: Distribution, from?: 'earliest' | 'latest'): void;
  /** @throws Error if there is no such group. */
  remove(groupName: string): void;
  /** The bus's group `name`. @throws Error if there is no such subscriber group (the runners are floor staff). */
  group(name: string): ConsumerGroup;
  /** Record every group's lag now in `lagSeries`. */
  sampleLag(): void;
}

/** The consumers of `core`'s bus, with the scenario's subscribers added. */
export function createConsumers(core: Core): Consumers {
  const { s, bus, streams } = core;
  const state = createSubscriberState();
  const groups = new Map<string, SubscriberGroup>();
  const lagSeries = new Map<string, { t: number[]; lag: number[] }>([['runners', { t: [], lag: [] }]]);
  const priceCents = new Map<string, number>(s.menu.map((m) => [m.dish, Math.round(m.price * 100)]));
  const dishesByCode = new Map<string, string>(s.menu.map((m) => [dishCode(m.dish), m.dish]));

  const consumers: Consumers = {
    state,
    groups,
    lagSeries,
    idempotent: true,
    add(kind, groupName, processing, from = 'latest') {
      let entry = groups.get(groupName);
      if (entry && entry.kind !== kind) throw new Error(`group ${groupName} holds ${entry.kind} subscribers, not ${kind}`);
      if (!entry) {
        if (groupName === 'runners') throw new Error('the group "runners" is the floor staff’s own');
        const d = SUBSCRIBER_DEFAULTS[kind];
        const projection = new Map<string, number>();
        const group = bus.group({
          group: groupName,
          topic: d.topic,
          types: d.types,
          from,
          handler: subscriberHandler(kind, state, (dish) => priceCents.get(dish) ?? 0, projection, (code) => dishesByCode.get(code)),
          idempotent: () => consumers.idempotent,
        });
        entry = { kind, group, members: 0, projection };
        groups.set(groupName, entry);
        lagSeries.set(groupName, { t: [], lag: [] });
      }
      entry.members++;
      entry.group.addMember({ name: `${groupName}-${entry.members}`, processingSeconds: sampler(processing, streams.consumers) });
    },
    remove(groupName) {
      if (!groups.delete(groupName)) throw new Error(`no subscriber group "${groupName}"`);
      bus.removeGroup(groupName);
    },
    group(name) {
      const entry = groups.get(name);
      if (!entry) throw new Error(`no subscriber group "${name}"${name === 'runners' ? ' (runners are floor staff: they cannot crash)' : ''}`);
      return entry.group;
    },
    sampleLag() {
      for (const g of bus.groupViews()) {
        const series = lagSeries.get(g.group);
        if (!series) continue;
        series.t.push(core.scheduler.now);
        series.lag.push(g.lag);
      }
    },
  };
  for (const sub of s.subscribers) consumers.add(sub.name, sub.group, sub.processingSeconds);
  return consumers;
}
