import { createContext, useContext, useState, type ReactNode } from 'react';
import { registerLessonNames, type Lesson, type LessonPart } from '../../scenarios/lesson.ts';
import { ConsumerLag, DishLatency, MetricTiles, QueuesChart, ThroughputChart, Utilisation } from '../metrics/MetricsPanel.tsx';
import { LogList } from '../log/LogList.tsx';
import { MessageDetail } from '../log/MessageDetail.tsx';
import { Billing, ConsumerControls, ConsumerGroups } from '../log/Consumers.tsx';
import { DeadLetters } from '../log/DeadLetters.tsx';
import { AskTheLog, Linter, Quiz, ReadModels, TimeTravel } from './LessonWidgets.tsx';
import { FanoutControls, FanoutResults } from './FanoutWorld.tsx';
import { LoginResults } from './LoginWorld.tsx';
import { TransferControls, TransferRead, TransferSummary } from './TransferWorld.tsx';
import { useSession } from '../SessionProvider.tsx';

/** The message picked in the event log, shared by the log's list, its detail and the dead letters. */
interface LogSelection {
  selected: string | null;
  select(id: string | null): void;
}
const LogSelectionContext = createContext<LogSelection>({ selected: null, select: () => {} });

/** Holds the picked message for every view of the log below it. */
export function LogSelectionProvider({ children }: { children: ReactNode }) {
  const [selected, select] = useState<string | null>(null);
  return <LogSelectionContext.Provider value={{ selected, select }}>{children}</LogSelectionContext.Provider>;
}
export const useLogSelection = () => useContext(LogSelectionContext);

function LogPart() {
  const { selected, select } = useLogSelection();
  return <LogList selected={selected} onSelect={select} compact />;
}
function MessagePart() {
  const { selected, select } = useLogSelection();
  return <MessageDetail id={selected} onSelect={select} />;
}
/** The throughput chart as a part: a little shorter in presenter mode, where its keys take a row of their own. */
function ThroughputPart() {
  const presenter = useSession((s) => s.presenter);
  return <ThroughputChart height={presenter ? 62 : 66} />;
}

function DeadLettersPart() {
  const { select } = useLogSelection();
  return <DeadLetters onSelect={select} />;
}

/** One widget a lesson can show beside the stage: its accessible name, how it is drawn, and what the layout needs. */
export interface Widget {
  name: string;
  /** The widget takes the height left over (a scrolling list). */
  grow?: boolean;
  /** The dock widens while the widget shows (the event log's columns). */
  wide?: boolean;
  render: (lesson: Lesson) => ReactNode;
}

/**
 * The widget table: every widget a lesson's JSON can name (`introParts`, `summaryParts`, a
 * step's `parts`), by name. The lesson panel draws widgets only through it, and the lesson
 * schema knows the names only from it (registered below): a new widget is its component,
 * one entry here, and its name in the lesson's JSON (docs/lessons.md).
 */
const WIDGETS = new Map<string, Widget>(
  Object.entries({
    tiles: { name: 'Figures', render: () => <MetricTiles compact /> },
    blocked: { name: 'Floor staff blocked', render: () => <MetricTiles only={['throughput', 'blocked']} compact /> },
    'throughput-chart': { name: 'Throughput chart', render: () => <ThroughputPart /> },
    'queues-chart': { name: 'Queues chart', render: () => <QueuesChart height={90} /> },
    utilisation: { name: 'Utilisation', render: () => <Utilisation /> },
    'dish-latency': { name: 'Latency by dish', render: () => <DishLatency /> },
    'consumer-lag': { name: 'Consumer lag', render: () => <ConsumerLag /> },
    log: { name: 'Event log', grow: true, wide: true, render: () => <LogPart /> },
    message: { name: 'The picked message', render: () => <MessagePart /> },
    'consumer-groups': { name: 'Consumer groups', render: () => <ConsumerGroups compact /> },
    'consumer-controls': { name: 'Consumer controls', render: () => <ConsumerControls /> },
    'dead-letters': { name: 'Dead-letter topic', grow: true, render: () => <DeadLettersPart /> },
    billing: { name: 'Billing', render: () => <Billing /> },
    scrubber: { name: 'Time travel', render: () => <TimeTravel /> },
    'ask-the-log': { name: 'Ask the log', render: () => <AskTheLog /> },
    'read-models': { name: 'Read models', render: () => <ReadModels /> },
    linter: { name: 'Message linter', render: () => <Linter /> },
    quiz: { name: 'Quiz', render: (lesson) => <Quiz lesson={lesson} /> },
    'fanout-controls': { name: 'Fan-out controls', render: () => <FanoutControls /> },
    'fanout-results': { name: 'Fan-out results', render: () => <FanoutResults /> },
    'login-results': { name: 'Login results', render: () => <LoginResults /> },
    'transfer-controls': { name: 'Transfer controls', render: () => <TransferControls /> },
    'transfer-read': { name: 'Read your balance', render: () => <TransferRead /> },
    'transfer-summary': { name: 'Transfer summary', render: () => <TransferSummary /> },
  } satisfies Record<string, Widget>),
);
registerLessonNames('widgets', WIDGETS.keys());

/**
 * Add a widget to the table (a plugin, or a test's widget); lessons parsed afterwards may name it.
 * @throws Error if `id` is already registered.
 */
export function registerWidget(id: string, widget: Widget): void {
  if (WIDGETS.has(id)) throw new Error(`widget "${id}" is already registered`);
  WIDGETS.set(id, widget);
  registerLessonNames('widgets', [id]);
}

/** The names of the registered widgets, in the table's order. */
export const widgetNames = (): string[] => [...WIDGETS.keys()];

/**
 * The widget named `id`.
 * @throws Error naming the known widgets if none is registered under `id` (parseLesson refuses such a lesson first).
 */
export function widgetOf(id: LessonPart): Widget {
  const w = WIDGETS.get(id);
  if (!w) throw new Error(`unknown widget "${id}" (known: ${widgetNames().join(', ')})`);
  return w;
}

/** The widgets `ids` of `lesson`, in order, each in a box the layout and the tests can find (`data-part`). */
export function Parts({ ids, lesson }: { ids: readonly LessonPart[]; lesson: Lesson }) {
  return (
    <>
      {ids.map((id) => {
        const w = widgetOf(id);
        return (
          <div key={id} className={`part${w.grow ? ' grow' : ''}`} data-part={id}>
            {w.render(lesson)}
          </div>
        );
      })}
    </>
  );
}
