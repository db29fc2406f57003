/**
 * Consumer groups (docs/architecture.md, "Messages: commands and events"): a group reads one
 * topic, each event going to one member; it commits offsets periodically, re-reads from the
 * committed offset after a crash (at-least-once), retries a message it cannot handle with
 * backoff and then dead-letters it. {@link ExternalGroup} only keeps offsets for members that
 * live outside the bus (the restaurant's runners). Created by {@link Bus.group} and
 * {@link Bus.externalGroup}.
 */
import type { Bus } from './bus.ts';
import type { DeliveryStatus, Envelope, GroupOptions, GroupView, MemberOptions, ScheduleFn } from './messages.ts';

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
