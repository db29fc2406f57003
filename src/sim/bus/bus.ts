/**
 * The message bus as a log, in Kafka's model (docs/architecture.md, "Messages: commands and events"):
 *
 * - Every message is appended to a topic: an append-only log with offsets from 0.
 * - A **command** is addressed to exactly one handler, registered by type, which replies
 *   accept or reject (with a reason). A second handler for a type is an error.
 * - An **event** is a fact: it cannot be rejected and has no reply. Consumer groups read a
 *   topic; within a group each event goes to one member, across groups every group gets
 *   its own copy. A group commits offsets after handling (periodically, as Kafka's
 *   auto-commit does); lag = log end offset − committed offset.
 * - A crashed group loses what it handled but had not committed: when it comes back it
 *   re-reads from the committed offset (at-least-once), and only handlers that are
 *   idempotent by event id avoid applying a redelivered event twice.
 * - A message a consumer cannot handle is retried with exponential backoff a bounded
 *   number of times, then goes to the dead-letter topic as a `DeadLettered` event.
 *
 * Delivery and processing take simulated time, scheduled on the simulation's clock; the
 * bus never reads a wall clock.
 */

import { nameRecord, type NameRecord } from '../names.ts';
import { ConsumerGroup, ExternalGroup } from './groups.ts';
import { DEAD_LETTER_TOPIC, type DeadLetter, type DeliveryStatus, type Envelope, type GroupOptions, type GroupView, type MessageKind, type MessageMeta, type Reply, type ScheduleFn } from './messages.ts';

export * from './messages.ts';
export { ConsumerGroup, ExternalGroup } from './groups.ts';

type Listener = (msg: Envelope) => void;

/** Rejected commands whose reason the bus remembers (the most recent ones). */
const MAX_REJECTIONS_KEPT = 10_000;

interface Topic {
  /** Retained messages, `base` being the offset of the first. */
  log: Envelope[];
  base: number;
  end: number;
}

/**
 * A bus on the simulated clock `now()`.
 * @param opts.retain messages kept per topic below what consumer groups still need (0: only
 *   what they need; a headless run needs nothing more, a log view or `--events` keeps more).
 * @param opts.schedule schedules consumer work in simulated time (required for consumer groups).
 */
export class Bus {
  private readonly topics = new Map<string, Topic>();
  private readonly handlers = new Map<string, (msg: Envelope) => Reply>();
  private readonly observers: Listener[] = [];
  private readonly immediate = new Map<string, Listener[]>();
  private readonly groups = new Map<string, ConsumerGroup | ExternalGroup>();
  private readonly rejections = new Map<string, string>();
  private seq = 0;
  private readonly retain: number;
  private readonly schedule: ScheduleFn | null;

  constructor(
    private readonly now: () => number,
    opts: { retain?: number; schedule?: ScheduleFn } = {},
  ) {
    this.retain = opts.retain ?? 0;
    this.schedule = opts.schedule ?? null;
  }

  /**
   * Register the one handler of a command type.
   * @throws Error if that command type already has a handler.
   */
  handle<T>(type: string, handler: (msg: Envelope<T>) => Reply): void {
    if (this.handlers.has(type)) throw new Error(`command ${type} already has a handler: a command goes to exactly one`);
    this.handlers.set(type, handler as (msg: Envelope) => Reply);
  }

  /**
   * Send a command to its handler and return the handler's reply. The command is appended to
   * `topic`'s log whatever the reply; a rejection publishes nothing.
   * @throws Error if no handler is registered for `type`.
   */
  send<T>(topic: string, type: string, data: T, meta: MessageMeta): { message: Envelope<T>; reply: Reply } {
    const handler = this.handlers.get(type);
    if (!handler) throw new Error(`no handler for command ${type}`);
    const message = this.append('command', topic, type, data, meta);
    const reply = handler(message);
    if (!reply.accepted) {
      this.rejections.set(message.id, reply.reason);
      // Keep the most recent rejections only: a view asks about messages it still shows.
      if (this.rejections.size > MAX_REJECTIONS_KEPT) this.rejections.delete(this.rejections.keys().next().value!);
    }
    return { message, reply };
  }

  /** The reason a command was rejected, or null if it was accepted (or is too old to say). */
  rejectionOf(id: string): string | null {
    return this.rejections.get(id) ?? null;
  }

  /** Publish an event to a topic; every consumer group of the topic will read it. */
  /**
   * Publish `DeadLettered` for `msg`, which consumer group `group` gave up on after
   * `attempts` tries (`reason` says why), on {@link DEAD_LETTER_TOPIC}: caused by the message,
   * in its correlation.
   */
  deadLetter(group: string, msg: Envelope, reason: string, attempts: number): Envelope<DeadLetter> {
    return this.publish<DeadLetter>(DEAD_LETTER_TOPIC, 'DeadLettered', { group, reason, attempts, message: msg }, {
      source: `/consumers/${group}`,
      subject: msg.subject,
      correlationid: msg.correlationid,
      causationid: msg.id,
    });
  }

  publish<T>(topic: string, type: string, data: T, meta: MessageMeta): Envelope<T> {
    const message = this.append('event', topic, type, data, meta);
    const subs = this.immediate.get(topic);
    if (subs) for (const s of subs) s(message);
    for (const g of this.groups.values()) if (g.topic === topic && g instanceof ConsumerGroup) g.dispatch();
    return message;
  }

  /**
   * Subscribe a listener that sees a topic's events the moment they are appended (the
   * restaurant's own wiring, which must not wait on delivery). Returns an unsubscribe function.
   */
  subscribe(topic: string, listener: Listener): () => void {
    const list = this.immediate.get(topic) ?? [];
    list.push(listener);
    this.immediate.set(topic, list);
    return () => {
      const i = list.indexOf(listener);
      if (i >= 0) list.splice(i, 1);
    };
  }

  /**
   * Create a consumer group reading `opts.topic`; add members to start it.
   * @throws Error if a group of that name exists, or the bus has no scheduler.
   */
  group(opts: GroupOptions): ConsumerGroup {
    if (this.groups.has(opts.group)) throw new Error(`consumer group ${opts.group} already exists`);
    if (!this.schedule) throw new Error('this bus has no scheduler: consumer groups need simulated time');
    const g = new ConsumerGroup(this, opts, this.schedule);
    this.groups.set(opts.group, g);
    return g;
  }

  /** A group tracked by offsets only, whose members the caller runs (from the log end). */
  externalGroup(name: string, topic: string): ExternalGroup {
    if (this.groups.has(name)) throw new Error(`consumer group ${name} already exists`);
    const g = new ExternalGroup(this, name, topic);
    this.groups.set(name, g);
    return g;
  }

  /** Remove a group: its offsets are forgotten, its pending work dropped. */
  removeGroup(name: string): boolean {
    const g = this.groups.get(name);
    if (!g) return false;
    if (g instanceof ConsumerGroup) g.close();
    this.groups.delete(name);
    this.trim(g.topic);
    return true;
  }

  getGroup(name: string): ConsumerGroup | ExternalGroup | undefined {
    return this.groups.get(name);
  }

  /** Every group's state, in the order they were created. */
  groupViews(): GroupView[] {
    return [...this.groups.values()].map((g) => g.view());
  }

  /** Where the message stands for each group reading its topic (group name → status). */
  deliveryOf(msg: Pick<Envelope, 'topic' | 'offset' | 'type' | 'kind'>): NameRecord<DeliveryStatus> {
    // Prototype-free: a group may be named `constructor` (docs/bad-input.md, "Names are data").
    const out = nameRecord<DeliveryStatus>();
    if (msg.kind !== 'event') return out;
    for (const g of this.groups.values()) {
      if (g.topic !== msg.topic) continue;
      out[g.name] = g instanceof ConsumerGroup ? g.statusOf(msg.offset, msg.type) : g.statusOf(msg.offset);
    }
    return out;
  }

  /** Names of the groups that read events of `type` on `topic` (a group filtering it out does not count). */
  readersOf(topic: string, type: string): string[] {
    const out: string[] = [];
    for (const g of this.groups.values()) {
      if (g.topic !== topic) continue;
      if (g instanceof ConsumerGroup && !g.reads(type)) continue;
      out.push(g.name);
    }
    return out;
  }

  /** Observe every message (commands and events) as it is appended. */
  observe(listener: Listener): () => void {
    this.observers.push(listener);
    return () => {
      const i = this.observers.indexOf(listener);
      if (i >= 0) this.observers.splice(i, 1);
    };
  }

  /** Next offset to be written on a topic (its log end offset). */
  endOffset(topic: string): number {
    return this.topics.get(topic)?.end ?? 0;
  }

  /** Offset of the oldest message still retained on a topic. */
  firstOffset(topic: string): number {
    return this.topics.get(topic)?.base ?? 0;
  }

  /** The retained message at `offset`, or undefined if trimmed or not yet written. */
  messageAt(topic: string, offset: number): Envelope | undefined {
    const t = this.topics.get(topic);
    if (!t || offset < t.base) return undefined;
    return t.log[offset - t.base];
  }

  /** Names of the topics written so far. */
  topicNames(): string[] {
    return [...this.topics.keys()];
  }

  /** Drop messages no group needs any more, beyond the retention window. */
  trim(topic: string): void {
    const t = this.topics.get(topic);
    if (!t) return;
    let keepFrom = t.end - this.retain;
    for (const g of this.groups.values()) if (g.topic === topic) keepFrom = Math.min(keepFrom, g.committed);
    const drop = keepFrom - t.base;
    // Trim in batches: splicing one message at a time from the front would be quadratic.
    if (drop > 64 && drop * 2 > t.log.length) {
      t.log.splice(0, drop);
      t.base = keepFrom;
    }
  }

  private readonly schemas = new Map<string, string>();
  /** The default data schema of a type, `orderup:<type>/v1` (built once per type). */
  private schemaOf(type: string): string {
    let v = this.schemas.get(type);
    if (v === undefined) this.schemas.set(type, (v = `orderup:${type}/v1`));
    return v;
  }

  private append<T>(kind: MessageKind, topic: string, type: string, data: T, meta: MessageMeta): Envelope<T> {
    let t = this.topics.get(topic);
    if (!t) {
      t = { log: [], base: 0, end: 0 };
      this.topics.set(topic, t);
    }
    const offset = t.end++;
    const message: Envelope<T> = {
      specversion: '1.0',
      id: `m${++this.seq}`,
      source: meta.source,
      type,
      time: this.now(),
      subject: meta.subject,
      datacontenttype: 'application/json',
      dataschema: meta.dataschema ?? this.schemaOf(type),
      correlationid: meta.correlationid,
      causationid: meta.causationid ?? null,
      data,
      kind,
      topic,
      offset,
    };
    t.log.push(message as Envelope);
    this.trim(topic);
    for (const o of this.observers) o(message as Envelope);
    return message;
  }
}
