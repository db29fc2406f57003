// Replay (docs/architecture.md, "The page's stores"): the user's actions are journalled with
// their simulated time, so that travelling in time is a rebuild from the seed plus a replay
// of the journal (event sourcing); and what the store does is told to its listeners, so
// that compare mode's twin can do the same through its own actions.
import { checkCommand } from '../../scenarios/commands.ts';
import { expected, isFiniteNumber } from '../args.ts';
import { KEYS, type StoreContext } from './context.ts';
import { advanceTo, startRun, type Run } from './run.ts';
import type { ReplaySlice, StoreAction } from './types.ts';

/** The listeners of one store's actions, and the function telling them. */
export function actionListeners(): { listeners: Set<(a: StoreAction) => void>; emit: (a: StoreAction) => void } {
  const listeners = new Set<(a: StoreAction) => void>();
  return { listeners, emit: (a) => listeners.forEach((l) => l(a)) };
}

/** The replay slice; `listeners` are the ones `emit` tells. */
export function replaySlice(ctx: StoreContext, listeners: Set<(a: StoreAction) => void>): ReplaySlice {
  const { get, notify, refuse, guarded, refresh, emit } = ctx;
  const guardedCommand = guardedCommandOf(ctx);
  return {
    command(c) {
      let checked: ReturnType<typeof checkCommand>;
      try {
        checked = checkCommand(c);
      } catch (e) {
        // A getter or proxy that throws while its fields are read.
        return refuse('command(c)', `its fields could not be read (${e instanceof Error ? e.message.slice(0, 80) : 'an error'})`);
      }
      if (!checked.ok) return refuse('command(c)', checked.problem);
      const cmd = checked.command;
      // The same rules as the page's own controls: the arrival rate through its slider's
      // range (and Setup shows it), the mode through the mode switch.
      if (cmd.type === 'setArrivalRate') return get().setParam('ratePerHour', cmd.ratePerHour);
      if (cmd.type === 'setMode') return get().setMode(cmd.mode);
      guardedCommand(cmd);
    },
    seek(seconds) {
      if (!isFiniteNumber(seconds)) refuse('seek(seconds)', expected('a finite number of simulated seconds', seconds));
      const st = get();
      const old = st.run;
      const target = Math.min(Math.max(0, seconds), old.scenario.durationSeconds);
      let run: Run;
      try {
        run = startRun(old.scenario, old.startMode, old.generation + 1, old.journal);
      } catch (e) {
        notify('error', `Could not replay: ${e instanceof Error ? e.message : String(e)}`, KEYS.replay);
        return;
      }
      old.detach();
      ctx.setPlaying(false, { run, pauseAt: null });
      guarded(() => advanceTo(run, target));
      refresh(true);
      emit({ type: 'seek', seconds: target });
    },
    onInput(listener) {
      if (typeof listener !== 'function') refuse('onInput(listener)', expected('a function', listener));
      const l = (a: StoreAction) => a.type === 'command' && listener(a.command);
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onAction(listener) {
      if (typeof listener !== 'function') refuse('onAction(listener)', expected('a function', listener));
      const l = (a: StoreAction) => listener(a);
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

/** Send `c` as the user would, with an engine error said as a notice (tour actions use it). */
export function guardedCommandOf(ctx: StoreContext): (c: Parameters<StoreContext['input']>[0]) => void {
  return (c) => {
    try {
      ctx.input(c);
    } catch (e) {
      ctx.notify('warning', e instanceof Error ? e.message : String(e));
    }
    ctx.refresh(true);
  };
}
