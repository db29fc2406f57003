/**
 * The headless engine's public entry point: code outside `src/sim/` imports from here only.
 */
export { createRestaurant } from './restaurant/restaurant.ts';
export { runFanout, FANOUT_DEFAULTS, FANOUT_SERVICES, type FanoutOptions, type FanoutRun, type FanoutService } from './worlds/fanout.ts';
export { runLogins, LOGIN_DEFAULTS, type LoginDesign, type LoginOptions, type LoginRun } from './worlds/login.ts';
export { runTransfers, TRANSFER_DEFAULTS, type TransferOptions, type TransferRun, type TransferSample, type Transfer } from './worlds/transfer.ts';
export type {
  Restaurant,
  RestaurantCommand,
  RestaurantOptions,
  RestaurantSnapshot,
  RunSummary,
  PartyState,
  PartyView,
  Place,
  ConsumersView,
  StaffView,
  StationView,
  TicketState,
  TicketView,
} from './restaurant/restaurant.ts';
export { PARTY_STATES, TICKET_STATES } from './restaurant/restaurant.ts';
export { Scheduler, type Timer } from './kernel/scheduler.ts';
export { createStreams, RandomStream, STREAMS, type StreamName } from './kernel/rng.ts';
export { sampler, meanOf, varianceOf, fixed, exponential, uniform, lognormal } from './kernel/distributions.ts';
export type { Distribution, Sampler } from './kernel/distributions.ts';
export type { Scenario, Mode, MenuItem, Fault, Subscriber, ConsumerFault } from './scenario.ts';
export { MAX_DISHES_PER_PARTY } from './scenario.ts';
export { nameRecord, withName, ownValue, type NameRecord } from './names.ts';
export {
  Bus,
  ConsumerGroup,
  ExternalGroup,
  PoisonMessageError,
  DEAD_LETTER_TOPIC,
  type Envelope,
  type MessageKind,
  type Reply,
  type DeadLetter,
  type GroupView,
  type DeliveryStatus,
} from './bus/bus.ts';
export { SUBSCRIBER_KINDS, SUBSCRIBER_DEFAULTS, PROJECTION_KINDS, type SubscriberKind, type ProjectionKind, type SubscriberState } from './bus/subscribers.ts';
export { floorStaffMachine, staffActivity, type StaffRole } from './machines/floorStaffMachine.ts';
export { stationMachine, stationActivity } from './machines/stationMachine.ts';
export { createMachineActor, type MachineInterpreter } from './machines/actors.ts';
export type { MetricsSummary, MetricsSeries, LatencySummary, UtilisationSplit, Role, Activity, RollingFigures, CustomerTimes, ModeFigures } from './metrics/collector.ts';
export { mmc, mg1, closedNetworkThroughput, capacityBound, meanDishesPerParty, type CapacityBound, type QueueFigures } from './metrics/theory.ts';
export { quantileOf } from './metrics/stats.ts';
