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

export type MessageKind = 'command' | 'event';

/**
 * A message in CloudEvents 1.0 terms, plus our extension attributes. `time` is simulated
 * seconds since opening (the CloudEvents codec turns it into an RFC 3339 timestamp). `kind`,
 * `topic` and `offset` say where the message sits in the log.
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
  /** Overrides the default `orderup:<type>/v1` (a v2 event, a test's poison message). */
  dataschema?: string;
}

/** The dead-letter topic, and the event that lands there. */
export const DEAD_LETTER_TOPIC = 'deadletter';
export interface DeadLetter {
  group: string;
  reason: string;
  attempts: number;
  /** The message that could not be handled, whole. */
  message: Envelope;
}

/** Thrown by a consumer's handler for a message it can never handle (wrong version, bad data). */
export class PoisonMessageError extends Error {
  override name = 'PoisonMessageError';
}

/** Schedules `fn` after `delaySeconds` of simulated time; returns a cancel function. */
export type ScheduleFn = (delaySeconds: number, fn: () => void) => () => void;

type Listener = (msg: Envelope) => void;

/** Rejected commands whose reason the bus remembers (the most recent ones). */
const MAX_REJECTIONS_KEPT = 10_000;

/** Options of a consumer group. Times in simulated seconds. */
export interface GroupOptions {
  group: string;
  topic: string;
  /** Event types the group handles; others are passed over (and committed) without handling. */
  types?: readonly string[];
  /** Where a new group starts reading: the first retained offset, or the log end. */
  from?: 'earliest' | 'latest';
  /** Network delivery before processing starts (default 0.5 s). */
  deliverySeconds?: number;
  /** How often handled offsets are committed (default 120 s; 0 commits after every message). */
  commitIntervalSeconds?: number;
  /** Retries of a failing message before dead-lettering (default 3). */
  maxRetries?: number;
  /** First retry's delay; each further retry doubles it (default 2 s). */
  backoffSeconds?: number;
  /** Handle one event. Throw (e.g. {@link PoisonMessageError}) if it cannot be handled. */
  handler: (msg: Envelope) => void;
  /** Whether the handler is idempotent by event id right now (a redelivered id is skipped). */
  idempotent?: () => boolean;
}

/** A member of a consumer group, with its own processing-time distribution. */
export interface MemberOptions {
  name: string;
  /** Processing time of one message, simulated seconds (a sampler). */
  processingSeconds: () => number;
}

/** Where a message stands for one consumer group. */
export type DeliveryStatus = 'committed' | 'handled' | 'processing' | 'waiting' | 'skipped';

/** A consumer group's state, for views and tests. */
export interface GroupView {
  group: string;
  topic: string;
  members: string[];
  /** Next offset the group will commit past: everything below it is done for good. */
  committed: number;
  endOffset: number;
  lag: number;
  down: boolean;
  /** Handled but not yet committed (redelivered after a crash). */
  uncommitted: number;
  handledTotal: number;
  /** Handlings of an event id the group had already handled (only when not idempotent). */
  duplicates: number;
  deadLettered: number;
  /** Tracked from outside: the restaurant's runners pick dishes, the bus only keeps offsets. */
  external: boolean;
}

interface Member extends MemberOptions {
  busy: boolean;
  cancel: (() => void) | null;
  offset: number;
}

/** A consumer group reading one topic. Created by {@link Bus.group}. */
export class ConsumerGroup {
  readonly name: string;
  readonly topic: string;
  private readonly types: ReadonlySet<string> | null;
  private readonly opts: Required<Omit<GroupOptions, 'types' | 'idempotent' | 'from'>> & Pick<GroupOptions, 'idempotent'>;
  private readonly members: Member[] = [];
  private committedOffset: number;
  private cursor: number;
  /** Offsets handled since the last commit. */
  private readonly handled = new Set<number>();
  /** Ids handled at offsets not yet committed: the durable dedup store of an idempotent handler. */
  private readonly handledIds = new Map<number, string>();
  private readonly attempts = new Map<number, number>();
  private commitTimer: (() => void) | null = null;
  private isDown = false;
  private handledCount = 0;
  private duplicateCount = 0;
  private deadCount = 0;
  private seenIds = new Set<string>();

  constructor(
    private readonly bus: Bus,
    opts: GroupOptions,
    private readonly schedule: ScheduleFn,
  ) {
    this.name = opts.group;
    this.topic = opts.topic;
    this.types = opts.types ? new Set(opts.types) : null;
    this.opts = {
      group: opts.group,
      topic: opts.topic,
      deliverySeconds: opts.deliverySeconds ?? 0.5,
      commitIntervalSeconds: opts.commitIntervalSeconds ?? 120,
      maxRetries: opts.maxRetries ?? 3,
      backoffSeconds: opts.backoffSeconds ?? 2,
      handler: opts.handler,
      idempotent: opts.idempotent,
    };
    const start = (opts.from ?? 'latest') === 'earliest' ? bus.firstOffset(opts.topic) : bus.endOffset(opts.topic);
    this.committedOffset = start;
    this.cursor = start;
  }

  /** Add a member (another instance of the same consumer); it starts taking messages at once. */
  addMember(m: MemberOptions): void {
    if (this.members.some((x) => x.name === m.name)) throw new Error(`group ${this.name} already has a member ${m.name}`);
    this.members.push({ ...m, busy: false, cancel: null, offset: -1 });
    this.dispatch();
  }

  /** Remove a member; a message it was processing goes back to the group, uncommitted. */
  removeMember(name: string): void {
    const i = this.members.findIndex((m) => m.name === name);
    if (i < 0) return;
    const [m] = this.members.splice(i, 1);
    if (m!.busy) {
      m!.cancel?.();
      this.cursor = Math.min(this.cursor, m!.offset);
    }
    this.dispatch();
  }

  get memberNames(): string[] {
    return this.members.map((m) => m.name);
  }

  get committed(): number {
    return this.committedOffset;
  }

  get down(): boolean {
    return this.isDown;
  }

  /**
   * The consumer crashes: work in progress is lost, and so is everything handled since the
   * last commit (it will be read again from the committed offset when the group is back).
   */
  crash(): void {
    if (this.isDown) return;
    this.isDown = true;
    for (const m of this.members) {
      m.cancel?.();
      m.cancel = null;
      m.busy = false;
    }
    this.cancelCommit();
    this.handled.clear();
    this.attempts.clear();
    this.cursor = this.committedOffset;
  }

  /** The consumer is back: it re-reads from the committed offset (at-least-once). */
  recover(): void {
    if (!this.isDown) return;
    this.isDown = false;
    this.cursor = this.committedOffset;
    this.dispatch();
  }

  /** Stop reading for good (the group is removed from the bus). */
  close(): void {
    for (const m of this.members) m.cancel?.();
    this.members.length = 0;
    this.cancelCommit();
  }

  /** Whether the group handles events of `type` (others it passes over). */
  reads(type: string): boolean {
    return !this.types || this.types.has(type);
  }

  /** Where the message at `offset` stands for this group. */
  statusOf(offset: number, type: string): DeliveryStatus {
    if (!this.reads(type)) return 'skipped';
    if (offset < this.committedOffset) return 'committed';
    if (this.handled.has(offset)) return 'handled';
    if (this.members.some((m) => m.busy && m.offset === offset)) return 'processing';
    return 'waiting';
  }

  view(): GroupView {
    return groupView(this.bus, this.name, this.topic, this.committedOffset, {
      members: this.memberNames,
      down: this.isDown,
      uncommitted: this.handled.size,
      handledTotal: this.handledCount,
      duplicates: this.duplicateCount,
      deadLettered: this.deadCount,
      external: false,
    });
  }

  /** Give idle members the next messages (called on append, on a free member, on recover). */
  dispatch(): void {
    if (this.isDown) return;
    for (const m of this.members) {
      if (m.busy) continue;
      const msg = this.nextMessage();
      if (!msg) return;
      this.start(m, msg, this.opts.deliverySeconds + m.processingSeconds());
    }
  }

  private nextMessage(): Envelope | null {
    const end = this.bus.endOffset(this.topic);
    while (this.cursor < end) {
      const offset = this.cursor;
      this.cursor++;
      if (this.handled.has(offset)) continue;
      const msg = this.bus.messageAt(this.topic, offset);
      if (!msg) continue; // trimmed away: never happens above the committed offset
      if (this.types && !this.types.has(msg.type)) {
        this.markHandled(offset);
        continue;
      }
      return msg;
    }
    return null;
  }

  private start(m: Member, msg: Envelope, seconds: number): void {
    m.busy = true;
    m.offset = msg.offset;
    m.cancel = this.schedule(Math.max(0, seconds), () => this.finish(m, msg));
  }

  private finish(m: Member, msg: Envelope): void {
    m.cancel = null;
    const idempotent = this.opts.idempotent?.() ?? true;
    const seen = this.seenIds.has(msg.id);
    if (!(idempotent && seen)) {
      try {
        this.opts.handler(msg);
      } catch (e) {
        const n = (this.attempts.get(msg.offset) ?? 0) + 1;
        this.attempts.set(msg.offset, n);
        if (n <= this.opts.maxRetries) {
          // Exponential backoff, then try again on the same member.
          this.start(m, msg, this.opts.backoffSeconds * 2 ** (n - 1) + m.processingSeconds());
          return;
        }
        this.attempts.delete(msg.offset);
        this.deadCount++;
        this.bus.deadLetter(this.name, msg, e instanceof Error ? e.message : String(e), n);
      }
      if (seen) this.duplicateCount++;
      this.handledCount++;
    }
    this.attempts.delete(msg.offset);
    this.seenIds.add(msg.id);
    this.handledIds.set(msg.offset, msg.id);
    m.busy = false;
    this.markHandled(msg.offset);
    this.dispatch();
  }

  private markHandled(offset: number): void {
    this.handled.add(offset);
    if (this.opts.commitIntervalSeconds <= 0) this.commit();
    else this.scheduleCommit();
  }

  /** Commit within the interval, as Kafka's auto-commit does (one timer at a time). */
  private scheduleCommit(): void {
    this.commitTimer ??= this.schedule(this.opts.commitIntervalSeconds, () => {
      this.commitTimer = null;
      this.commit();
    });
  }

  /** Drop a pending commit (a crash loses it; a closed group needs none). */
  private cancelCommit(): void {
    this.commitTimer?.();
    this.commitTimer = null;
  }

  /** Commit the contiguous run of handled offsets after the committed one. */
  private commit(): void {
    while (this.handled.has(this.committedOffset)) {
      this.handled.delete(this.committedOffset);
      const id = this.handledIds.get(this.committedOffset);
      this.handledIds.delete(this.committedOffset);
      // An id below the committed offset is never delivered again: the dedup store can
      // forget it, which keeps memory bounded on long runs.
      if (id !== undefined) this.seenIds.delete(id);
      this.committedOffset++;
    }
    // Offsets handled past a gap (a member still busy with an earlier one) wait for the next
    // commit. With commit-after-every-message (interval 0) that is the next markHandled:
    // a timer would spin.
    if (this.handled.size > 0 && this.opts.commitIntervalSeconds > 0) this.scheduleCommit();
    this.bus.trim(this.topic);
  }
}

/** A group whose members live outside the bus (the restaurant's runners): only offsets. */
export class ExternalGroup {
  private committedOffset: number;
  private readonly done = new Set<number>();
  /** Messages its members could not handle (see {@link deadLetter}). */
  deadLettered = 0;
  constructor(
    private readonly bus: Bus,
    readonly name: string,
    readonly topic: string,
  ) {
    this.committedOffset = bus.endOffset(topic);
  }

  get committed(): number {
    return this.committedOffset;
  }

  /**
   * The message at `offset` is done. The committed offset advances over the contiguous run
   * of done offsets, so a message finished out of order waits for those before it.
   * @throws Error if `offset` was already committed or is past the log end.
   */
  commit(offset: number): void {
    if (offset < this.committedOffset || this.done.has(offset) || offset >= this.bus.endOffset(this.topic)) {
      throw new Error(`group ${this.name}: offset ${offset} of ${this.topic} committed twice or not written`);
    }
    // In order (the usual case) the offset never enters the set of those done out of order.
    if (offset === this.committedOffset) this.committedOffset++;
    else this.done.add(offset);
    while (this.done.size > 0 && this.done.delete(this.committedOffset)) this.committedOffset++;
    this.bus.trim(this.topic);
  }

  statusOf(offset: number): DeliveryStatus {
    return offset < this.committedOffset ? 'committed' : this.done.has(offset) ? 'handled' : 'waiting';
  }

  /** A member could not handle `msg` (`reason` says why): count it and send it to the dead-letter topic, at its first attempt. */
  deadLetter(msg: Envelope, reason: string): void {
    this.deadLettered++;
    this.bus.deadLetter(this.name, msg, reason, 1);
  }

  view(): GroupView {
    return groupView(this.bus, this.name, this.topic, this.committedOffset, {
      members: [],
      down: false,
      uncommitted: this.done.size,
      handledTotal: this.committedOffset + this.done.size,
      duplicates: 0,
      deadLettered: this.deadLettered,
      external: true,
    });
  }
}

/** A group's view: where it stands on its topic (committed offset, end, lag) and what it has done. */
function groupView(
  bus: Bus,
  group: string,
  topic: string,
  committed: number,
  rest: Omit<GroupView, 'group' | 'topic' | 'committed' | 'endOffset' | 'lag'>,
): GroupView {
  const end = bus.endOffset(topic);
  return { group, topic, members: rest.members, committed, endOffset: end, lag: end - committed, down: rest.down, uncommitted: rest.uncommitted, handledTotal: rest.handledTotal, duplicates: rest.duplicates, deadLettered: rest.deadLettered, external: rest.external };
}

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
