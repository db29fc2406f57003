import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import {
  FANOUT_DEFAULTS,
  runFanout,
  runLogins,
  runTransfers,
  TRANSFER_DEFAULTS,
  type FanoutRun,
  type LoginDesign,
  type LoginRun,
  type TransferRun,
} from '../../sim/index.ts';
import type { LessonStage } from '../../scenarios/lesson.ts';

/**
 * The small worlds of three lessons (fan-out, logins, transfers), each run by the engine's
 * kernel and bus from its seed. The stage draws a world large; its controls and results sit
 * beside it in the lesson's parts. Both read the same state from here, so what the controls
 * set is what the stage shows. Only the world on the stage is computed.
 */

export interface FanoutWorldState {
  /** Analytics takes 15 s a task instead of 6 (the lesson's lever). */
  slow: boolean;
  setSlow(on: boolean): void;
  /** The task whose timelines are drawn (0-based). */
  task: number;
  setTask(i: number): void;
  events: FanoutRun;
  calls: FanoutRun;
}

export interface TransferWorldState {
  mode: 'strong' | 'eventual';
  setMode(m: 'strong' | 'eventual'): void;
  outage: boolean;
  setOutage(on: boolean): void;
  /** The moment shown, simulated seconds. */
  t: number;
  setT(t: number): void;
  /** When the learner last read their savings balance (null: not since moving the moment). */
  read: number | null;
  setRead(t: number | null): void;
  run: TransferRun;
}

export const LOGIN_DESIGNS: { design: LoginDesign; label: string; how: string }[] = [
  { design: 'sync', label: 'Synchronous login', how: 'Waits for validation, then answers yes or no.' },
  { design: 'events', label: 'Event-driven login', how: 'Publishes LoginRequested; an email says you are in.' },
  { design: 'mixed', label: 'Both: sync login, then events', how: 'Validated synchronously; UserLoggedIn drives the rest.' },
  { design: 'all-sync', label: 'All synchronous calls', how: 'Also sends the welcome email, and waits for it.' },
];

export interface LoginWorldState {
  runs: { design: LoginDesign; label: string; how: string; run: LoginRun }[];
}

/** Analytics' mean handling time per task, seconds: as shipped and slowed down. */
export const ANALYTICS_SECONDS = { normal: 6, slow: 15 };

interface Worlds {
  fanout: FanoutWorldState | null;
  transfer: TransferWorldState | null;
  login: LoginWorldState | null;
}

const WorldsContext = createContext<Worlds>({ fanout: null, transfer: null, login: null });

/** Holds the state of the world on the stage (`stage`), for the stage and the lesson's parts. */
export function WorldsProvider({ stage, children }: { stage: LessonStage; children: ReactNode }) {
  const [slow, setSlow] = useState(false);
  const [task, setTask] = useState(40);
  const [mode, setMode] = useState<'strong' | 'eventual'>('eventual');
  const [outage, setOutage] = useState(true);
  const [t, setT] = useState(1500);
  const [read, setRead] = useState<number | null>(null);
  const fanout = useMemo(() => {
    if (stage !== 'fanout') return null;
    const analytics = slow ? { dist: 'lognormal', mean: ANALYTICS_SECONDS.slow, sd: 5 } as const : { dist: 'lognormal', mean: ANALYTICS_SECONDS.normal, sd: 3 } as const;
    const serviceSeconds = { ...FANOUT_DEFAULTS.serviceSeconds, analytics };
    return { events: runFanout({ design: 'events', serviceSeconds }), calls: runFanout({ design: 'calls', serviceSeconds }) };
  }, [stage, slow]);
  const transferRun = useMemo(
    () => (stage === 'transfer' ? runTransfers({ mode, savingsOutage: outage ? TRANSFER_DEFAULTS.savingsOutage : null }) : null),
    [stage, mode, outage],
  );
  const logins = useMemo(() => (stage === 'login' ? LOGIN_DESIGNS.map((d) => ({ ...d, run: runLogins({ design: d.design }) })) : null), [stage]);
  const value: Worlds = {
    fanout: fanout && {
      slow,
      setSlow,
      task: Math.min(task, fanout.events.tasks.length - 1),
      setTask: (i) => setTask(Math.min(fanout.events.tasks.length - 1, Math.max(0, Math.round(Number.isFinite(i) ? i : 0)))),
      ...fanout,
    },
    transfer: transferRun && {
      mode,
      setMode,
      outage,
      setOutage,
      t,
      setT: (x) => {
        setT(Math.max(0, Number.isFinite(x) ? x : 0));
        setRead(null);
      },
      read,
      setRead,
      run: transferRun,
    },
    login: logins && { runs: logins },
  };
  return <WorldsContext.Provider value={value}>{children}</WorldsContext.Provider>;
}

/** The fan-out world's state, or null when another stage is showing. */
export const useFanoutWorld = () => useContext(WorldsContext).fanout;
/** The transfer world's state, or null when another stage is showing. */
export const useTransferWorld = () => useContext(WorldsContext).transfer;
/** The login world's runs, or null when another stage is showing. */
export const useLoginWorld = () => useContext(WorldsContext).login;

/** Nearest-rank quantiles, as every figure of the engine computes them. */
export { quantileOf as quantile } from '../../sim/index.ts';
