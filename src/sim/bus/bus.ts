/**
 * The restaurant's message bus, as the engine needs it today: commands with exactly one
 * handler that accepts or rejects, and events published to topics (append-only, with
 * offsets) that every subscriber receives. Delivery is immediate in simulated time.
 * Consumer groups, committed offsets, lag, redelivery and dead-lettering build on this.
 */

export type MessageKind = 'command' | 'event';

/**
 * A message in CloudEvents 1.0 terms, plus our extension attributes. `time` is simulated
 * seconds (not an RFC 3339 string: the restaurant clock starts at 0). `kind`, `topic` and
 * `offset` say where the message sits in the log.
 */
export interface Envelope<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: number;
  subject: string;
  datacontenttype: 'application/json';
  /** Schema version of `data`, e.g. `orderup:PlaceOrder/v1`. */
  dataschema: string;
  /** The party's order this message belongs to (same for the whole story of a dish). */
  correlationid: string;
  /** The message that caused this one, or null for a first cause. */
  causationid: string | null;
  data: T;
  kind: MessageKind;
  topic: string;
  /** Position in the topic's log, from 0. */
  offset: number;
}

/** A command handler's answer. */
export type Reply = { accepted: true } | { accepted: false; reason: string };

/** What a publisher says about a message; the bus fills in id, time, offset. */
export interface MessageMeta {
  source: string;
  subject: string;
  correlationid: string;
  causationid?: string | null;
}

type Listener = (msg: Envelope) => void;

/**
 * A bus on the simulated clock `now()`.
 * @param opts.retain how many recent messages to keep for inspection (0 keeps none; a
 *   headless run needs none).
 */
export class Bus {
  private readonly endOffsets = new Map<string, number>();
  private readonly subscribers = new Map<string, Listener[]>();
  private readonly handlers = new Map<string, (msg: Envelope) => Reply>();
  private readonly observers: Listener[] = [];
  private seq = 0;
  private readonly retain: number;
  /** The most recent messages, oldest first: at least the last `retain` (trimmed in batches). */
  readonly recent: Envelope[] = [];

  constructor(
    private readonly now: () => number,
    opts: { retain?: number } = {},
  ) {
    this.retain = opts.retain ?? 0;
  }

  /**
   * Register the one handler of a command type.
   * @throws Error if that command type already has a handler.
   */
  handle<T>(type: string, handler: (msg: Envelope<T>) => Reply): void {
    if (this.handlers.has(type)) throw new Error(`command ${type} already has a handler`);
    this.handlers.set(type, handler as (msg: Envelope) => Reply);
  }

  /**
   * Send a command to its handler and return the handler's reply.
   * @throws Error if no handler is registered for `type`.
   */
  send<T>(topic: string, type: string, data: T, meta: MessageMeta): { message: Envelope<T>; reply: Reply } {
    const handler = this.handlers.get(type);
    if (!handler) throw new Error(`no handler for command ${type}`);
    const message = this.append('command', topic, type, data, meta);
    return { message, reply: handler(message) };
  }

  /** Publish an event to a topic: every subscriber of the topic receives it, in order. */
  publish<T>(topic: string, type: string, data: T, meta: MessageMeta): Envelope<T> {
    const message = this.append('event', topic, type, data, meta);
    const subs = this.subscribers.get(topic);
    if (subs) for (const s of subs) s(message);
    return message;
  }

  /** Subscribe to a topic's events; returns an unsubscribe function. */
  subscribe(topic: string, listener: Listener): () => void {
    const list = this.subscribers.get(topic) ?? [];
    list.push(listener);
    this.subscribers.set(topic, list);
    return () => {
      const i = list.indexOf(listener);
      if (i >= 0) list.splice(i, 1);
    };
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
    return this.endOffsets.get(topic) ?? 0;
  }

  private append<T>(kind: MessageKind, topic: string, type: string, data: T, meta: MessageMeta): Envelope<T> {
    const offset = this.endOffsets.get(topic) ?? 0;
    this.endOffsets.set(topic, offset + 1);
    const message: Envelope<T> = {
      specversion: '1.0',
      id: `m${++this.seq}`,
      source: meta.source,
      type,
      time: this.now(),
      subject: meta.subject,
      datacontenttype: 'application/json',
      dataschema: `orderup:${type}/v1`,
      correlationid: meta.correlationid,
      causationid: meta.causationid ?? null,
      data,
      kind,
      topic,
      offset,
    };
    if (this.retain > 0) {
      this.recent.push(message);
      if (this.recent.length >= 2 * this.retain) this.recent.splice(0, this.recent.length - this.retain);
    }
    for (const o of this.observers) o(message);
    return message;
  }
}
