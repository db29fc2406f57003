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

/**
 * The small worlds of three lessons (fan-out, logins, transfers), each run by the engine's
 * kernel and bus from its seed. The stage draws a world large; its controls and results sit
 * beside it in the lesson's parts. Both read the same state from here, so what the controls
 * set is what the stage shows. Only the world on the stage is computed. Each world's provider
 * is named in the stage table (src/ui/lesson/stages.tsx), which mounts them all, so a world's
 * settings outlast a visit to another lesson.
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

/** Whether a world's provider computes its world: only the world on the stage is run. */
interface WorldProps {
  on: boolean;
  children: ReactNode;
}

const FanoutContext = createContext<FanoutWorldState | null>(null);
const TransferContext = createContext<TransferWorldState | null>(null);
const LoginContext = createContext<LoginWorldState | null>(null);

/** Holds the fan-out world's lever and task for its stage and parts; runs it while `on`. */
export function FanoutWorldProvider({ on, children }: WorldProps) {
  const [slow, setSlow] = useState(false);
  const [task, setTask] = useState(40);
  const fanout = useMemo(() => {
    if (!on) return null;
    const analytics = slow ? { dist: 'lognormal', mean: ANALYTICS_SECONDS.slow, sd: 5 } as const : { dist: 'lognormal', mean: ANALYTICS_SECONDS.normal, sd: 3 } as const;
    const serviceSeconds = { ...FANOUT_DEFAULTS.serviceSeconds, analytics };
    return { events: runFanout({ design: 'events', serviceSeconds }), calls: runFanout({ design: 'calls', serviceSeconds }) };
  }, [on, slow]);
  const value = fanout && {
    slow,
    setSlow,
    task: Math.min(task, fanout.events.tasks.length - 1),
    setTask: (i: number) => setTask(Math.min(fanout.events.tasks.length - 1, Math.max(0, Math.round(Number.isFinite(i) ? i : 0)))),
    ...fanout,
  };
  return <FanoutContext.Provider value={value}>{children}</FanoutContext.Provider>;
}

/** Holds the transfer world's consistency, outage and moment for its stage and parts; runs it while `on`. */
export function TransferWorldProvider({ on, children }: WorldProps) {
  const [mode, setMode] = useState<'strong' | 'eventual'>('eventual');
  const [outage, setOutage] = useState(true);
  const [t, setT] = useState(1500);
  const [read, setRead] = useState<number | null>(null);
  const run = useMemo(() => (on ? runTransfers({ mode, savingsOutage: outage ? TRANSFER_DEFAULTS.savingsOutage : null }) : null), [on, mode, outage]);
  const value = run && {
    mode,
    setMode,
    outage,
    setOutage,
    t,
    setT: (x: number) => {
      setT(Math.max(0, Number.isFinite(x) ? x : 0));
      setRead(null);
    },
    read,
    setRead,
    run,
  };
  return <TransferContext.Provider value={value}>{children}</TransferContext.Provider>;
}

/** Holds the login world's runs, one per design, for its stage and parts; runs them while `on`. */
export function LoginWorldProvider({ on, children }: WorldProps) {
  const logins = useMemo(() => (on ? LOGIN_DESIGNS.map((d) => ({ ...d, run: runLogins({ design: d.design }) })) : null), [on]);
  return <LoginContext.Provider value={logins && { runs: logins }}>{children}</LoginContext.Provider>;
}

/** The fan-out world's state, or null when another stage is showing. */
export const useFanoutWorld = () => useContext(FanoutContext);
/** The transfer world's state, or null when another stage is showing. */
export const useTransferWorld = () => useContext(TransferContext);
/** The login world's runs, or null when another stage is showing. */
export const useLoginWorld = () => useContext(LoginContext);

/** Nearest-rank quantiles, as every figure of the engine computes them. */
export { quantileOf as quantile } from '../../sim/index.ts';
