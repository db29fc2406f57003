/**
 * The page's technical terms, each defined twice: in the restaurant's words and in the
 * software's. Every term shown anywhere on the page is marked where it appears (a dotted
 * underline, keyboard-focusable, read by screen readers) and listed on the Glossary page
 * (docs/visual-language.md, "Words").
 */
export interface GlossaryTerm {
  /** Stable id, used in `data-term` and the glossary's anchors. */
  id: string;
  /** The name as the glossary lists it. */
  term: string;
  /**
   * The forms that mark it in running text, matched case-insensitively at word boundaries,
   * longest first across the glossary (so "event sourcing" wins over "event").
   */
  forms: readonly string[];
  /** In the restaurant's words. */
  restaurant: string;
  /** In the software's words. */
  software: string;
}

/** Every term, alphabetical by `term`. */
export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    id: 'asynchronous',
    term: 'Asynchronous (async)',
    forms: ['asynchronous', 'asynchronously', 'async'],
    restaurant: 'The waiter hands in the ticket and goes back to the floor; the kitchen announces each dish when it is ready and a runner delivers it.',
    software: 'The caller sends a message and carries on; the result comes back later as an event that whoever cares reacts to.',
  },
  {
    id: 'back-pressure',
    term: 'Back-pressure',
    forms: ['back-pressure', 'backpressure'],
    restaurant: 'The kitchen telling the floor to slow down when tickets pile up faster than it can cook.',
    software: 'A consumer signalling producers to slow down (or refusing work) so queues cannot grow without bound.',
  },
  {
    id: 'capacity-bound',
    term: 'Capacity bound',
    forms: ['capacity bound', 'bound'],
    restaurant: 'The most dishes an hour the restaurant could serve if nobody ever waited: set by its slowest stage (tables, waiters, kitchen or runners).',
    software: 'The throughput ceiling of a queueing network, 1 / (largest service demand per job) × servers at the bottleneck (Lazowska et al.).',
  },
  {
    id: 'causation-id',
    term: 'Causation id',
    forms: ['causation id', 'causationid'],
    restaurant: 'On each note, which earlier note made someone write it: DishReady points back to the PlaceOrder that asked for the dish.',
    software: 'A message field holding the id of the message that directly caused this one, so a chain of messages can be traced step by step.',
  },
  {
    id: 'command',
    term: 'Command',
    forms: ['command', 'commands'],
    restaurant: 'An instruction to one person: "kitchen, cook a steak for table 5". It can be refused (the steak is sold out).',
    software: 'A message asking one named receiver to do something (PlaceOrder); it has one handler and may be rejected.',
  },
  {
    id: 'commit',
    term: 'Commit (an offset)',
    forms: ['committed', 'commit', 'commits', 'not committed'],
    restaurant: 'A runner ticking off the last announcement they have dealt with, so whoever takes over knows where to pick up.',
    software: 'A consumer group recording the offset it has processed up to; after a crash it resumes from the committed offset, so messages handled but not committed are delivered again.',
  },
  {
    id: 'consistency-lag',
    term: 'Consistency lag',
    forms: ['consistency lag'],
    restaurant: 'How long money is "in flight": from leaving one account to arriving in the other.',
    software: 'Time between a write and the moment every copy reflects it (here: from MoneyDebited to the credit), simulated seconds.',
  },
  {
    id: 'consumer-group',
    term: 'Consumer group',
    forms: ['consumer group', 'consumer groups'],
    restaurant: 'A team that reacts to the kitchen\'s announcements, such as the runners or the billing desk; each team hears every announcement once and shares the work among its members.',
    software: 'A set of consumers that together read a topic: each message goes to one member of the group, and every group gets every message.',
  },
  {
    id: 'consumer-lag',
    term: 'Lag (consumer lag)',
    forms: ['consumer lag', 'lag'],
    restaurant: 'How many announcements a team has not dealt with yet.',
    software: 'Messages on a topic a consumer group has not yet committed: the newest offset minus its committed offset.',
  },
  {
    id: 'correlation-id',
    term: 'Correlation id',
    forms: ['correlation id', 'correlationid'],
    restaurant: 'The order number written on every note about one party\'s order, so all of them can be gathered together.',
    software: 'A message field shared by every message about one piece of work (one order), to find them all across services.',
  },
  {
    id: 'cqrs',
    term: 'CQRS',
    forms: ['cqrs'],
    restaurant: 'Keeping the orders book for the kitchen and separate boards for the manager, each board built from the same announcements.',
    software: 'Command Query Responsibility Segregation: writes go to one model, reads come from separate read models built from its events.',
  },
  {
    id: 'customer-wait',
    term: "Customer's wait",
    forms: ["customer's wait", 'customers wait', 'door → last dish'],
    restaurant: 'From the moment a party walks in at the door to its last dish on the table: what the customers feel, door wait included.',
    software: 'End-to-end response time as the user sees it, queueing before the request is accepted included.',
  },
  {
    id: 'dead-letter',
    term: 'Dead letter',
    forms: ['dead-letter', 'dead letter', 'dead letters', 'dead-letters', 'dead-lettered'],
    restaurant: 'A note nobody could act on after several tries, put aside on a spike for a person to look at instead of blocking everything behind it.',
    software: 'A message a consumer failed to process after its retries, moved to a dead-letter queue so the rest of the topic keeps flowing.',
  },
  {
    id: 'eventual-consistency',
    term: 'Eventual consistency',
    forms: ['eventual consistency', 'eventually consistent'],
    restaurant: 'The manager\'s board may be a few announcements behind the kitchen, but it catches up once the announcements stop.',
    software: 'Copies of data updated from events may disagree for a while; given no new writes, they all converge to the same value.',
  },
  {
    id: 'event',
    term: 'Event',
    forms: ['event', 'events'],
    restaurant: 'An announcement of something that already happened: "dish ready for table 5". Anyone may listen; nobody can refuse it.',
    software: 'An immutable message stating a fact in the past tense (DishReady), published to a topic for any number of subscribers.',
  },
  {
    id: 'event-sourcing',
    term: 'Event sourcing',
    forms: ['event sourcing', 'event-sourced'],
    restaurant: 'Keeping only the list of everything that happened; the state of the restaurant at any moment is read off by going through the list.',
    software: 'Storing state as the append-only log of events; the current state is a fold over the log, and any past state can be rebuilt by replay.',
  },
  {
    id: 'fan-out',
    term: 'Fan-out',
    forms: ['fan-out', 'fans out'],
    restaurant: 'One announcement heard by several teams at once, each doing its own job with it.',
    software: 'One published event delivered to many independent consumer groups, none of which the publisher knows about.',
  },
  {
    id: 'fold',
    term: 'Fold',
    forms: ['fold', 'folds', 'folding'],
    restaurant: 'Going through the list of announcements one by one, updating a tally as you go.',
    software: 'Reducing a sequence of events to a state: state = events.reduce(apply, initial).',
  },
  {
    id: 'idempotent',
    term: 'Idempotent',
    forms: ['idempotent', 'idempotency', 'idempotently'],
    restaurant: 'Hearing the same announcement twice does no harm: the bill is not charged twice for one dish.',
    software: 'Processing the same message more than once has the same effect as once (for example by remembering message ids).',
  },
  {
    id: 'latency',
    term: 'Latency (order → served)',
    forms: ['order → served', 'latency'],
    restaurant: 'From the waiter finishing the order to the dish on the table: the kitchen\'s and the runners\' time. It cannot see a party waiting at the door.',
    software: 'Time from a request being accepted to its result delivered, simulated seconds; queueing before acceptance not included.',
  },
  {
    id: 'littles-law',
    term: "Little's law",
    forms: ["little's law"],
    restaurant: 'Dishes on the go equal dishes ordered per minute times the minutes each one takes.',
    software: 'L = λ·W: the mean number in a system equals the arrival rate times the mean time in it (Little, 1961).',
  },
  {
    id: 'offset',
    term: 'Offset',
    forms: ['offset', 'offsets'],
    restaurant: 'The number of an announcement on the kitchen\'s board, counting from the first of the evening.',
    software: 'A message\'s position in a topic\'s log, counting from 0; consumers track how far they have read by offset.',
  },
  {
    id: 'p50',
    term: 'p50 (median)',
    forms: ['p50', 'median'],
    restaurant: 'Half the dishes (or parties) took less than this, half took more.',
    software: 'The 50th percentile: the smallest value with at least half of the values at or below it.',
  },
  {
    id: 'p95',
    term: 'p95',
    forms: ['p95'],
    restaurant: '95 in every 100 dishes (or parties) took no longer than this; the slowest 5 took longer.',
    software: 'The 95th percentile by nearest rank: the smallest value with at least 95% of the values at or below it.',
  },
  {
    id: 'projection',
    term: 'Projection',
    forms: ['projection', 'projections'],
    restaurant: 'A board the manager keeps up to date by listening to the announcements, such as dishes served per kind.',
    software: 'Code that folds events into a read model, updated as each event arrives.',
  },
  {
    id: 'read-model',
    term: 'Read model',
    forms: ['read model', 'read models'],
    restaurant: 'A board built only for looking things up (a dashboard), never written to directly.',
    software: 'A query-optimised copy of data built by a projection from events; it can be dropped and rebuilt by replay.',
  },
  {
    id: 'replay',
    term: 'Replay',
    forms: ['replay', 'replays', 'replaying', 'replayed'],
    restaurant: 'Going back through the evening\'s announcements from the start to rebuild a board or see how things stood at any moment.',
    software: 'Reading a topic again from an earlier offset to rebuild state or a read model.',
  },
  {
    id: 'synchronous',
    term: 'Synchronous (sync)',
    forms: ['synchronous', 'synchronously', 'sync'],
    restaurant: 'The waiter hands the ticket to the kitchen and stands at the pass until the dish is cooked, unable to serve anyone else.',
    software: 'The caller sends a request and blocks until the reply comes back.',
  },
  {
    id: 'throughput',
    term: 'Throughput',
    forms: ['throughput'],
    restaurant: 'Dishes served per hour.',
    software: 'Completed jobs per unit of time (here dishes per simulated hour).',
  },
  {
    id: 'tolerant-reader',
    term: 'Tolerant reader',
    forms: ['tolerant reader', 'tolerant readers'],
    restaurant: 'A team that reads the fields it needs from an announcement and ignores anything new it does not know.',
    software: 'A consumer that ignores unknown fields and does not require optional ones, so producers can add fields without breaking it (Fowler).',
  },
  {
    id: 'topic',
    term: 'Topic',
    forms: ['topic', 'topics'],
    restaurant: 'A board where one kind of announcement is pinned, in order (the pass, the orders).',
    software: 'A named, ordered, append-only log of messages that producers publish to and consumer groups read from.',
  },
  {
    id: 'upcaster',
    term: 'Upcaster',
    forms: ['upcaster', 'upcasters', 'upcast'],
    restaurant: 'Someone who rewrites old-style notes in the new style before the team reads them.',
    software: 'A function that converts an event of an old schema version to the current one as it is read, so consumers handle one shape.',
  },
  {
    id: 'utilisation',
    term: 'Utilisation',
    forms: ['utilisation', 'utilization'],
    restaurant: 'The share of their time each kind of staff spends working, standing blocked, or idle.',
    software: 'The fraction of time a server is busy (ρ = λ / (c·μ) in queueing theory).',
  },
  {
    id: 'floor-staff-blocked',
    term: 'Floor staff blocked',
    forms: ['floor staff blocked', 'blocked at the pass'],
    restaurant: 'Waiters and runners standing at the pass waiting for a dish to be cooked (the red rings), unable to serve anyone.',
    software: 'Callers blocked waiting for a synchronous reply: capacity held but doing no work.',
  },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each form → its term, longest forms first. */
const FORMS = GLOSSARY.flatMap((t) => t.forms.map((f) => ({ form: f, id: t.id }))).sort((a, b) => b.form.length - a.form.length);
const FORM_ID = new Map(FORMS.map((f) => [f.form.toLowerCase(), f.id]));

/**
 * Matches any form at word boundaries (a form is not matched inside a longer word or a
 * hyphenated compound such as "async-over-sync"'s parts), case-insensitive, global.
 */
export const TERM_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${FORMS.map((f) => escape(f.form)).join('|')})(?![\\p{L}\\p{N}_-])`, 'giu');

/** The glossary term with this id. @throws Error when there is none. */
export function termById(id: string): GlossaryTerm {
  const t = GLOSSARY.find((x) => x.id === id);
  if (!t) throw new Error(`no glossary term "${id}"`);
  return t;
}

/** A run of text: plain, or a term's occurrence with its id. */
export type TextPiece = string | { id: string; text: string };

/**
 * Split `text` into plain runs and term occurrences. Each term is marked once per call (its
 * first occurrence), so a paragraph is not a wall of underlines; `seen` carries the terms
 * already marked across several calls for one block.
 */
export function splitTerms(text: string, seen: Set<string> = new Set()): TextPiece[] {
  const out: TextPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(TERM_PATTERN)) {
    const id = FORM_ID.get(m[0].toLowerCase())!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ id, text: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
