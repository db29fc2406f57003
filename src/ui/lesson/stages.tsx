import type { ComponentType, ReactNode } from 'react';
import { registerLessonNames, type LessonStage } from '../../scenarios/lesson.ts';
import { Floor } from '../floor/Floor.tsx';
import { FloorNote } from '../floor/FloorNote.tsx';
import { FloorKey } from '../floor/FloorKey.tsx';
import { FanoutStage } from './FanoutWorld.tsx';
import { LoginStage } from './LoginWorld.tsx';
import { TransferStage } from './TransferWorld.tsx';
import { FanoutWorldProvider, LoginWorldProvider, TransferWorldProvider } from './worlds.tsx';

/** What a lesson's `stage` draws on the left of the page. */
export interface StageView {
  render: () => ReactNode;
  /** Holds a world's state for its stage and the lesson's widgets; mounted always, it runs the world only while `on`. */
  World?: ComponentType<{ on: boolean; children: ReactNode }>;
}

/**
 * The stage table: every stage a lesson's JSON can name (`stage`), by name; `floor`, the
 * restaurant, is the default. The page draws the stage only through it, and the lesson schema
 * knows the names only from it (registered below). A world with state of its own names its
 * provider here (`World`; see src/ui/lesson/worlds.tsx and docs/lessons.md).
 */
const STAGES = new Map<LessonStage, StageView>(
  Object.entries({
    floor: {
      render: () => (
        <>
          <Floor />
          <FloorNote />
          <FloorKey />
        </>
      ),
    },
    fanout: { render: () => <FanoutStage />, World: FanoutWorldProvider },
    login: { render: () => <LoginStage />, World: LoginWorldProvider },
    transfer: { render: () => <TransferStage />, World: TransferWorldProvider },
  } satisfies Record<string, StageView>),
);
registerLessonNames('stages', STAGES.keys());

/**
 * The stage named `id`.
 * @throws Error naming the known stages if none is registered under `id` (parseLesson refuses such a lesson first).
 */
export function stageOf(id: LessonStage): StageView {
  const s = STAGES.get(id);
  if (!s) throw new Error(`unknown stage "${id}" (known: ${[...STAGES.keys()].join(', ')})`);
  return s;
}

/** Holds every world's state (each stage's `World`, nested), running only the world of `stage`, for the stage and the lesson's widgets. */
export function WorldsProvider({ stage, children }: { stage: LessonStage; children: ReactNode }) {
  let tree = children;
  for (const [id, { World }] of STAGES) if (World) tree = <World on={id === stage}>{tree}</World>;
  return <>{tree}</>;
}
