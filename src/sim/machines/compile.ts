import type { AnyStateMachine } from 'xstate';

/**
 * A transition table compiled, at start-up, from an XState v5 machine made by
 * `setup({...}).createMachine({...})`, and actors that run it. The machine's definition stays
 * the one statement of its behaviour: nothing here restates a state, a guard or an action;
 * everything is read from `machine.root` and `machine.implementations`.
 *
 * The headless `sim` command runs its waiters, runners and stations through these actors
 * (docs/architecture.md, "Layers"); the page keeps XState's interpreter, so XState's own
 * inspection tools can attach to it. `src/sim/machines/compile.test.ts` and
 * `src/app/interpreters.test.ts` check that both give the same snapshots, event logs
 * and reports.
 *
 * Supported: a flat machine (a compound root whose children are atomic states), event
 * transitions on the states and on the root (the root's are tried when the state has none
 * that is enabled), guards named in `setup` (or inline functions), `reenter`, entry and
 * exit actions, and the builtin `assign` and `emit` actions (named in `setup` or inline).
 * Anything else — delayed (`after`) or eventless (`always`) transitions, `invoke`, nested,
 * parallel, history or final states, wildcard events, guards or actions with params,
 * higher-order guards, custom or other builtin actions — makes {@link compileMachine} throw
 * an Error naming the feature and where it is, so a machine never runs differently here.
 *
 * Run-time semantics follow XState's actor (xstate 5.x `createActor`): an event sent while
 * the actor is processing one is queued behind it; guards read the context before the step;
 * actions run in the order exit, transition, entry, an `assign` updating the context the
 * following actions see (those that see the same context share one arguments object); emitted events reach `on` listeners after the step's snapshot is
 * set and before its observers are told; observers are told after every event, whether or
 * not the state changed; an error thrown by a guard, an action or a listener stops the actor
 * and reaches the observers' `error` callbacks.
 */

type Args = { context: Record<string, unknown>; event: { type: string } };
type Guard = (args: Args) => boolean;
type Op =
  | { kind: 'assign'; update: (args: Args) => Record<string, unknown> }
  | { kind: 'emit'; event: (args: Args) => { type: string } };

export interface Transition {
  guard: Guard | null;
  /** The error a throwing guard is reported as (XState's words for its `transition`). */
  guardError: ((err: unknown) => Error) | null;
  /** Target state's key, or null for a targetless transition. */
  target: string | null;
  /** The ops of exit, transition and entry, in XState's order. */
  ops: Op[];
}

/** A compiled machine: for each state key and event type, the candidate transitions in order. */
export interface CompiledMachine {
  id: string;
  initial: string;
  /** The initial context from the actor's input. */
  context: (input: unknown) => Record<string, unknown>;
  /** Ops run when the actor starts (the root's and the initial state's entry). */
  startOps: Op[];
  table: Map<string, Map<string, Transition[]>>;
}

const fail = (machineId: string, where: string, what: string): never => {
  throw new Error(`compileMachine(${machineId}): ${what} at ${where} is not supported by the compiled interpreter; run this machine with XState's interpreter`);
};

const nonEmpty = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== false);

interface NodeLike {
  key: string;
  id: string;
  type: string;
  states: Record<string, NodeLike>;
  entry: unknown[];
  exit: unknown[];
  transitions: Map<string, { guard?: unknown; target?: NodeLike[]; actions: unknown[]; reenter: boolean; eventType: string }[]>;
  always?: unknown;
  after?: unknown[];
  invoke?: unknown[];
  history?: unknown;
  tags?: unknown[];
  output?: unknown;
  config: Record<string, unknown>;
}

/** Check one state node for features the compiled interpreter does not run. */
function refuseUnsupported(id: string, node: NodeLike, where: string): void {
  if (nonEmpty(node.after)) fail(id, where, 'a delayed (`after`) transition');
  if (nonEmpty(node.always)) fail(id, where, 'an eventless (`always`) transition');
  if (nonEmpty(node.invoke)) fail(id, where, '`invoke`');
  if (nonEmpty(node.tags)) fail(id, where, 'tags');
  if (node.output !== undefined) fail(id, where, 'an `output`');
  if (node.type === 'history' || nonEmpty(node.history)) fail(id, where, 'a history state');
  if (node.type === 'parallel') fail(id, where, 'a parallel state');
  if (node.type === 'final') fail(id, where, 'a final state');
  for (const type of node.transitions.keys()) {
    if (type.includes('*') || type.startsWith('xstate.')) fail(id, where, `the event descriptor "${type}"`);
  }
}

/**
 * Compile `machine` into a transition table. Throws an Error naming the first feature it
 * does not support (see the module's docstring) and the state it is in.
 */
export function compileMachine(machine: AnyStateMachine): CompiledMachine {
  const m = machine as unknown as {
    id: string;
    root: NodeLike & { initial?: { target: NodeLike[]; actions: unknown[] } };
    config: { context?: unknown };
    implementations: { guards: Record<string, unknown>; actions: Record<string, unknown>; delays: Record<string, unknown>; actors: Record<string, unknown> };
  };
  const id = m.id;
  const root = m.root;
  refuseUnsupported(id, root, 'the root');
  if (root.type !== 'compound') fail(id, 'the root', `a root of type "${root.type}"`);

  // A guard that throws is reported with XState's words (its `transition`), so a run that
  // fails says the same with either interpreter: the actor wraps the error with `guardError`.
  const guardOf = (g: unknown, where: string): Guard | null => {
    if (g === undefined) return null;
    if (typeof g === 'string') {
      const f = m.implementations.guards[g];
      if (typeof f !== 'function') return fail(id, where, `the unknown guard "${g}"`);
      if ('check' in f) return fail(id, where, `the higher-order guard "${g}"`);
      return f as Guard;
    }
    if (typeof g === 'function' && !('check' in g)) return g as Guard;
    return fail(id, where, 'a guard with params or a higher-order guard');
  };
  const guardErrorOf = (g: unknown, eventType: string, nodeId: string) => {
    const name = typeof g === 'string' ? `'${g}' ` : '';
    return (err: unknown) => new Error(`Unable to evaluate guard ${name}in transition for event '${eventType}' in state node '${nodeId}':\n${(err as Error).message}`);
  };

  const opOf = (a: unknown, where: string): Op => {
    let impl = a;
    if (typeof a === 'string') {
      impl = m.implementations.actions[a];
      if (impl === undefined) fail(id, where, `the unknown action "${a}"`);
    } else if (typeof a !== 'function') {
      fail(id, where, 'an action with params');
    }
    if (typeof impl !== 'function') return fail(id, where, `the action "${String(a)}" (not a function)`);
    const f = impl as unknown as { type?: string; assignment?: unknown; event?: unknown };
    if (f.type === 'xstate.assign') {
      const assignment = f.assignment;
      if (typeof assignment === 'function') return { kind: 'assign', update: assignment as (args: Args) => Record<string, unknown> };
      if (assignment && typeof assignment === 'object') {
        const parts = Object.entries(assignment as Record<string, unknown>);
        return {
          kind: 'assign',
          update: (args) => {
            const out: Record<string, unknown> = {};
            for (const [k, v] of parts) out[k] = typeof v === 'function' ? (v as (x: Args) => unknown)(args) : v;
            return out;
          },
        };
      }
      return fail(id, where, 'an `assign` without an assignment');
    }
    if (f.type === 'xstate.emit') {
      const ev = f.event;
      if (typeof ev === 'function') return { kind: 'emit', event: ev as (args: Args) => { type: string } };
      return { kind: 'emit', event: () => ev as { type: string } };
    }
    return fail(id, where, `the action "${typeof a === 'string' ? a : (f.type ?? 'inline function')}" (only the builtin assign and emit are)`);
  };
  const opsOf = (list: unknown[], where: string) => list.map((a) => opOf(a, where));

  const states = root.states;
  const keys = Object.keys(states);
  for (const key of keys) {
    const node = states[key]!;
    refuseUnsupported(id, node, `state "${key}"`);
    if (node.type !== 'atomic') fail(id, `state "${key}"`, `a nested (${node.type}) state`);
  }
  const keyOf = (target: NodeLike[] | undefined, where: string): string | null => {
    if (!target || target.length === 0) return null;
    if (target.length > 1) fail(id, where, 'a transition with several targets');
    const t = target[0]!;
    if (states[t.key] !== t) fail(id, where, `the target "${t.id}"`);
    return t.key;
  };

  // Candidates for each (state, event type): the state's own, then the root's.
  const table = new Map<string, Map<string, Transition[]>>();
  for (const key of keys) {
    const node = states[key]!;
    const byType = new Map<string, Transition[]>();
    const add = (owner: NodeLike, isRoot: boolean) => {
      for (const [type, list] of owner.transitions) {
        const out = byType.get(type) ?? [];
        for (const t of list) {
          const where = `${isRoot ? 'the root' : `state "${key}"`} on ${type}`;
          const target = keyOf(t.target, where);
          if (isRoot && target !== null && t.reenter) fail(id, where, 'a reentering transition on the root');
          const guard = guardOf(t.guard, where);
          const guardError = guard === null ? null : guardErrorOf(t.guard, type, owner.id);
          const actions = opsOf(t.actions, where);
          // A transition to its own source without `reenter` exits and enters nothing.
          const moves = target !== null && (isRoot || target !== key || t.reenter);
          const ops = moves ? [...opsOf(node.exit, `state "${key}" (exit)`), ...actions, ...opsOf(states[target!]!.entry, `state "${target}" (entry)`)] : actions;
          out.push({ guard, guardError, target: moves ? target : null, ops });
        }
        byType.set(type, out);
      }
    };
    add(node, false);
    add(root, true);
    table.set(key, byType);
  }

  const init = root.initial;
  const initial = keyOf(init?.target, 'the root (initial)');
  if (initial === null) return fail(id, 'the root', 'a machine without an initial state');
  if (init && init.actions.length > 0) fail(id, 'the root (initial)', 'initial actions');
  const ctx = m.config.context;
  const context =
    typeof ctx === 'function'
      ? (input: unknown) => (ctx as (a: { input: unknown }) => Record<string, unknown>)({ input })
      : () => ({ ...((ctx as Record<string, unknown>) ?? {}) });
  const startOps = [...opsOf(root.entry, 'the root (entry)'), ...opsOf(states[initial]!.entry, `state "${initial}" (entry)`)];
  return { id, initial, context, startOps, table };
}
