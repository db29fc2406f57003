import { z } from 'zod';
import { MAX_DISHES_PER_PARTY, SUBSCRIBER_KINDS, type RestaurantCommand, type SubscriberKind } from '../sim/index.ts';
import { distributionSchema } from './schema.ts';
import { hasInvisible } from './visible.ts';

/**
 * The commands a user (the page's controls, a lesson's tour, the console API) may send a
 * running restaurant, as a schema: every field's type and range is checked before the
 * engine sees it (docs/bad-input.md, "The console API"). Names (dishes, stations, groups)
 * are checked against the restaurant by the engine itself, which throws a clear Error.
 */
// A name may be anything printable (names are data, docs/bad-input.md), but no control or
// direction character: those would draw nothing or reorder the text around them.
const name = z.string().min(1).max(80).refine((s) => !hasInvisible(s), 'holds a control or direction character');

export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('setMode'), mode: z.enum(['sync', 'async']) }),
  z.strictObject({ type: z.literal('admitParty'), dishes: z.array(name).min(1).max(MAX_DISHES_PER_PARTY).optional() }),
  z.strictObject({ type: z.literal('setArrivalRate'), ratePerHour: z.number().finite().nonnegative() }),
  z.strictObject({ type: z.literal('stationDown'), station: name }),
  z.strictObject({ type: z.literal('stationUp'), station: name }),
  z.strictObject({
    type: z.literal('addSubscriber'),
    name: z.enum(SUBSCRIBER_KINDS as [SubscriberKind, ...SubscriberKind[]]),
    group: name.optional(),
    processingSeconds: distributionSchema.optional(),
    from: z.enum(['earliest', 'latest']).optional(),
  }),
  z.strictObject({ type: z.literal('removeSubscriber'), group: name }),
  z.strictObject({ type: z.literal('consumerDown'), group: name }),
  z.strictObject({ type: z.literal('consumerUp'), group: name }),
  z.strictObject({ type: z.literal('setIdempotency'), on: z.boolean() }),
  z.strictObject({ type: z.literal('injectPoison') }),
  z.strictObject({ type: z.literal('setContract'), version: z.enum(['v1', 'v1-extra', 'v2']) }),
  z.strictObject({ type: z.literal('setSyncOverAsync'), on: z.boolean() }),
  z.strictObject({ type: z.literal('publishDisguisedCommand') }),
  z.strictObject({ type: z.literal('setStock'), dish: name, portions: z.number().int().nonnegative().max(1_000_000).nullable() }),
]);

// The schema's output must be exactly the engine's command type.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _check: Same<z.output<typeof commandSchema>, RestaurantCommand> = true;
void _check;

/** The command types a restaurant accepts, for messages. */
export const COMMAND_TYPES: readonly string[] = commandSchema.options.map((o) => o.shape.type.value);

/**
 * Check `value` as a {@link RestaurantCommand}.
 * @returns the command, or a sentence naming the first bad field, e.g.
 *   `mode: expected one of "sync" | "async", got "xyz"`.
 */
export function checkCommand(value: unknown): { ok: true; command: RestaurantCommand } | { ok: false; problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: `expected an object like { type: "setMode", mode: "async" }, got ${describe(value)}` };
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !COMMAND_TYPES.includes(type)) return { ok: false, problem: `type: expected one of ${COMMAND_TYPES.join(', ')}, got ${describe(type)}` };
  const r = commandSchema.safeParse(value);
  if (r.success) return { ok: true, command: r.data as RestaurantCommand };
  const i = r.error.issues[0]!;
  const path = i.path.map(String).join('.') || '(command)';
  const got = i.path.reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined), value);
  return { ok: false, problem: `${path}: ${i.message.replace(/[^\x20-\x7e]/g, '?').slice(0, 160)}${i.code === 'unrecognized_keys' ? '' : `, got ${describe(got)}`}` };
}

/** A value as an error message may quote it: type and a short, printable form. */
export function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v).replace(/[^\x20-\x7e]/g, '?');
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'symbol') return 'a symbol';
  return 'an object';
}
