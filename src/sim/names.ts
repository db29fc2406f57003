/**
 * Records keyed by names a user gives: dishes, station kinds, consumer groups, topics,
 * message types (docs/bad-input.md, "Names are data").
 *
 * A plain object literal (`{}`) inherits from `Object.prototype`, so a name such as
 * `__proto__` assigned into it changes the object's prototype instead of adding an entry
 * (the entry vanishes), and a lookup of a name such as `toString` or `constructor` that was
 * never stored finds an inherited function. Inside the engine such records are `Map`s; where
 * a record is part of an output shape (the summary's `perDish`, a snapshot's stock and
 * kitchen queues, the CLI's JSON), it is built here: an object with no prototype, whose every
 * key (`__proto__` included) is an own, enumerable data property. `JSON.stringify` writes it
 * as usual, and `JSON.parse` gives `__proto__` back as an own property.
 *
 * Spreading such a record (`{ ...r }`) makes a plain object again: copy it with
 * {@link nameRecord}`(Object.entries(r))` or {@link withName} instead.
 */

/** A record keyed by user-given names, built with no prototype (see the module's note). */
export type NameRecord<T> = Record<string, T>;

/**
 * A prototype-free record holding `entries` in their order (a later duplicate name replaces
 * the earlier value, as in a `Map`).
 * @param entries `[name, value]` pairs: a `Map`, an array, `Object.entries(...)` of another record.
 * @returns a new object with a `null` prototype and one own enumerable property per name.
 */
export function nameRecord<T>(entries: Iterable<readonly [string, T]> = []): NameRecord<T> {
  const out = Object.create(null) as NameRecord<T>;
  for (const [name, value] of entries) Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** A copy of `record` (prototype-free) with `name` set to `value`, added last when new. */
export function withName<T>(record: Readonly<NameRecord<T>>, name: string, value: T): NameRecord<T> {
  const out = nameRecord(Object.entries(record));
  Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/**
 * The value stored under `name` in `record`, or `undefined` when `record` has no own entry of
 * that name: never an inherited member (`toString`, `constructor`, `__proto__`), whatever the
 * record's prototype.
 */
export function ownValue<T>(record: Readonly<NameRecord<T>>, name: string): T | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}
