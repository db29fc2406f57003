// One running restaurant and what the page keeps beside it (docs/architecture.md, "The
// page's stores"): its live message log, the last few messages for the floor's animations,
// and the journal of the user's actions that a replay re-applies (event sourcing).
import { createRestaurant, type Envelope, type Mode, type Restaurant, type RestaurantCommand, type Scenario } from '../../sim/index.ts';
import { EventLog, entryOfEnvelope } from '../eventLog.ts';

/** Messages the page's bus keeps per topic beyond what consumers need (a new read model replays them). */
export const RETAINED_PER_TOPIC = 20_000;
/** Messages kept for the floor's animations and the ticker. */
export const RECENT_MESSAGES = 64;

/** A message as the floor and ticker draw it. */
export interface RecentMessage {
  id: string;
  kind: Envelope['kind'];
  type: string;
  topic: string;
  time: number;
  subject: string;
  source: string;
  /** Station kind a PlaceOrder goes to or a DishReady comes from, or null. */
  station: string | null;
  /** Protocol of the order the message belongs to (`data.protocol`), if it says. */
  protocol: Mode | null;
  table: number | null;
}

/** A user action with the simulated time it was applied at, seconds. */
export interface JournalEntry {
  t: number;
  c: RestaurantCommand;
}

/**
 * A restaurant being run by the page. `scenario` is what it was built from and `startMode`
 * the mode it opened in (a replay rebuilds from both); `generation` counts the restaurants
 * this store has built (a view resets its own state when it changes). The journal holds what
 * the user did, with when; `replayed` is how much of it the restaurant has had.
 */
export interface Run {
  readonly restaurant: Restaurant;
  readonly scenario: Scenario;
  readonly startMode: Mode;
  readonly generation: number;
  readonly log: EventLog;
  /** Oldest first, at most {@link RECENT_MESSAGES}. */
  readonly recent: RecentMessage[];
  readonly journal: JournalEntry[];
  replayed: number;
  /** Stop listening to the restaurant's bus. */
  detach(): void;
}

/**
 * Build a restaurant from `scenario` in `mode` and attach the page's log and recent messages
 * to its bus. The live page measures from opening (no warm-up), and its bus keeps
 * {@link RETAINED_PER_TOPIC} messages per topic so that a projection added later can replay
 * from offset 0. `journal` carries the user's actions over to the new run (a replay).
 * @throws Error from the engine when the scenario cannot be built.
 */
export function startRun(scenario: Scenario, mode: Mode, generation: number, journal: JournalEntry[] = []): Run {
  const restaurant = createRestaurant({ ...scenario, mode, warmupSeconds: 0 }, { retainMessages: RETAINED_PER_TOPIC });
  const stationOfDish = new Map(scenario.menu.map((m) => [m.dish, m.station]));
  const log = new EventLog();
  const recent: RecentMessage[] = [];
  const detach = restaurant.subscribe((m) => {
    log.push(entryOfEnvelope(m));
    const data = (m.data ?? {}) as { dish?: string; table?: number; protocol?: Mode };
    recent.push({
      id: m.id,
      kind: m.kind,
      type: m.type,
      topic: m.topic,
      time: restaurant.now,
      subject: m.subject ?? '',
      source: m.source,
      station: data.dish ? (stationOfDish.get(data.dish) ?? null) : null,
      table: typeof data.table === 'number' ? data.table : null,
      protocol: data.protocol === 'sync' || data.protocol === 'async' ? data.protocol : null,
    });
    if (recent.length > RECENT_MESSAGES) recent.splice(0, recent.length - RECENT_MESSAGES);
  });
  return { restaurant, scenario, startMode: mode, generation, log, recent, journal, replayed: 0, detach };
}

/** Send a user action to the run's restaurant and journal it (a new action ends any replayed future). */
export function sendInput(run: Run, c: RestaurantCommand): void {
  run.journal.length = run.replayed;
  run.restaurant.send(c);
  run.journal.push({ t: run.restaurant.now, c });
  run.replayed = run.journal.length;
}

/** Advance the run to simulated time `target`, re-applying journalled actions at their times on the way. */
export function advanceTo(run: Run, target: number): void {
  const r = run.restaurant;
  while (run.replayed < run.journal.length && run.journal[run.replayed]!.t <= target) {
    const { t, c } = run.journal[run.replayed++]!;
    r.runUntil(t);
    r.send(c);
  }
  r.runUntil(target);
}
