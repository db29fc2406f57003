import { createActor, type Actor, type AnyStateMachine, type InputFrom } from 'xstate';
import { compileMachine, type CompiledMachine } from './compile.ts';
import { CompiledActor } from './compiledActor.ts';

/**
 * Which interpreter runs the floor staff's and stations' machines: `'xstate'` (XState's own,
 * which its inspection tools attach to; the page's) or `'compiled'` (a transition table
 * compiled from the same definitions at start-up, `compile.ts`; the `sim` command's).
 * Both give byte-identical event logs and reports (`src/app/interpreters.test.ts`).
 */
export type MachineInterpreter = 'xstate' | 'compiled';

const compiled = new WeakMap<AnyStateMachine, CompiledMachine>();

/**
 * Create an actor for `machine` with `interpreter` (default `'xstate'`). The compiled actor
 * has the part of `Actor`'s interface the restaurant uses (see `compiledActor.ts`), so it is
 * typed as one. Throws when `'compiled'` is asked for a machine the compiler refuses.
 */
export function createMachineActor<M extends AnyStateMachine>(
  machine: M,
  options: { input: InputFrom<M>; clock?: unknown },
  interpreter: MachineInterpreter = 'xstate',
): Actor<M> {
  if (interpreter === 'xstate') return createActor(machine, options as Parameters<typeof createActor<M>>[1]);
  let table = compiled.get(machine);
  if (!table) compiled.set(machine, (table = compileMachine(machine)));
  return new CompiledActor(table, { input: options.input }) as unknown as Actor<M>;
}
