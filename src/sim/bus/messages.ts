/**
 * The bus's messages and the shapes its consumer groups are configured and viewed by
 * (docs/architecture.md, "Messages: commands and events"). The log itself is `bus.ts`, the
 * consumer groups `groups.ts`.
 */

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
