import { z } from 'zod';
import { SUBSCRIBER_KINDS, type RestaurantCommand, type SubscriberKind } from '../sim/index.ts';
import { distributionSchema } from './schema.ts';

/**
 * The tour actions a lesson's steps may name (`{"do": "…"}`), registered once each: its
 * schema and its handler, in one table. The lesson schema's `tourActionSchema` is built from
 * this table, and the store runs a step's actions through `runTourAction`, so a new action is
 * one entry here (plus a member of `TourContext` if it needs a store action no other uses).
 * See docs/lessons.md, "A new tour action".
 */

/**
 * What a tour action's handler may do to the page: the store's own actions, as the learner
 * would do them by hand. The store builds one per step (src/app/store/lesson.ts, `goToStep`).
 */
export interface TourContext {
  setMode(mode: 'sync' | 'async'): void;
  /** A playback speed: a multiple of real time (0.25…64), or as fast as the page can. */
  setSpeed(speed: number | 'max'): void;
  play(): void;
  pause(): void;
  /** Back to the start of the lesson's scenario. */
  reset(): void;
  /** Play at the current speed until this simulated time (seconds), then pause; nothing if already past it. */
  runUntil(seconds: number): void;
  /** Open the event log, filtered to one message type (null: unfiltered). */
  openLog(filterType: string | null): void;
  /** Send a command to the restaurant; a refused one becomes a notice, never a throw. */
  command(c: RestaurantCommand): void;
}

/** One registered action: the schema of its JSON (a strict object whose `do` is the action's name) and its handler. */
interface TourActionDef<S extends z.ZodObject> {
  schema: S;
  run(ctx: TourContext, a: z.output<S>): void;
}

const def = <S extends z.ZodObject>(schema: S, run: (ctx: TourContext, a: z.output<S>) => void): TourActionDef<S> => ({ schema, run });
const group = z.string().min(1).max(40);

/** The table: action name → schema and handler. The key is the action's `do`. */
export const TOUR_ACTIONS = {
  mode: def(z.strictObject({ do: z.literal('mode'), mode: z.enum(['sync', 'async']) }), (ctx, a) => ctx.setMode(a.mode)),
  speed: def(z.strictObject({ do: z.literal('speed'), speed: z.union([z.literal('max'), z.number().min(0.25).max(64)]) }), (ctx, a) => ctx.setSpeed(a.speed)),
  play: def(z.strictObject({ do: z.literal('play') }), (ctx) => ctx.play()),
  pause: def(z.strictObject({ do: z.literal('pause') }), (ctx) => ctx.pause()),
  reset: def(z.strictObject({ do: z.literal('reset') }), (ctx) => ctx.reset()),
  /** Run (at the current speed) until this simulated time, then pause. */
  runUntil: def(z.strictObject({ do: z.literal('runUntil'), seconds: z.number().min(0).max(365 * 24 * 3600) }), (ctx, a) => ctx.runUntil(a.seconds)),
  openLog: def(z.strictObject({ do: z.literal('openLog'), filterType: z.string().max(60).optional() }), (ctx, a) => ctx.openLog(a.filterType ?? null)),
  stock: def(z.strictObject({ do: z.literal('stock'), dish: z.string().min(1).max(40), portions: z.number().int().min(0).nullable() }), (ctx, a) =>
    ctx.command({ type: 'setStock', dish: a.dish, portions: a.portions }),
  ),
  crash: def(z.strictObject({ do: z.literal('crash'), group }), (ctx, a) => ctx.command({ type: 'consumerDown', group: a.group })),
  restart: def(z.strictObject({ do: z.literal('restart'), group }), (ctx, a) => ctx.command({ type: 'consumerUp', group: a.group })),
  idempotency: def(z.strictObject({ do: z.literal('idempotency'), on: z.boolean() }), (ctx, a) => ctx.command({ type: 'setIdempotency', on: a.on })),
  contract: def(z.strictObject({ do: z.literal('contract'), version: z.enum(['v1', 'v1-extra', 'v2']) }), (ctx, a) => ctx.command({ type: 'setContract', version: a.version })),
  syncOverAsync: def(z.strictObject({ do: z.literal('syncOverAsync'), on: z.boolean() }), (ctx, a) => ctx.command({ type: 'setSyncOverAsync', on: a.on })),
  disguisedCommand: def(z.strictObject({ do: z.literal('disguisedCommand'), times: z.number().int().min(1).max(20).default(1) }), (ctx, a) => {
    for (let i = 0; i < a.times; i++) ctx.command({ type: 'publishDisguisedCommand' });
  }),
  addSubscriber: def(
    z.strictObject({
      do: z.literal('addSubscriber'),
      name: z.enum(SUBSCRIBER_KINDS as [SubscriberKind, ...SubscriberKind[]]),
      group: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/).optional(),
      from: z.enum(['earliest', 'latest']).optional(),
      processingSeconds: distributionSchema.optional(),
    }),
    (ctx, a) =>
      ctx.command({
        type: 'addSubscriber',
        name: a.name,
        ...(a.group ? { group: a.group } : {}),
        ...(a.from ? { from: a.from } : {}),
        ...(a.processingSeconds ? { processingSeconds: a.processingSeconds } : {}),
      }),
  ),
};

type Table = typeof TOUR_ACTIONS;
type Schemas = Table[keyof Table]['schema'];

/** The names a step's `do` may take, in the table's order. */
export const TOUR_ACTION_NAMES: readonly string[] = Object.keys(TOUR_ACTIONS);

/** What a tour step does to the page, in order, when the learner reaches it (built from `TOUR_ACTIONS`). */
export const tourActionSchema = z.discriminatedUnion('do', Object.values(TOUR_ACTIONS).map((d) => d.schema) as unknown as [Schemas, ...Schemas[]]);
/** One validated tour action. */
export type TourAction = z.output<typeof tourActionSchema>;

/** Run one validated tour action through its handler in the table, against the store's actions `ctx`. */
export function runTourAction(ctx: TourContext, a: TourAction): void {
  (TOUR_ACTIONS[a.do].run as (ctx: TourContext, a: TourAction) => void)(ctx, a);
}
