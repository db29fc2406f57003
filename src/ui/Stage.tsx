import { useSim } from './SimProvider.tsx';
import { Floor } from './floor/Floor.tsx';
import { FloorNote } from './floor/FloorNote.tsx';
import { FloorKey } from './floor/FloorKey.tsx';
import { FanoutStage } from './lesson/FanoutWorld.tsx';
import { LoginStage } from './lesson/LoginWorld.tsx';
import { TransferStage } from './lesson/TransferWorld.tsx';

/**
 * The stage (docs/visual-language.md): the left of the page, always showing the subject of
 * the moment. The restaurant floor with its key, or the running lesson's own world drawn
 * large; never the idle restaurant while a lesson's world is the subject.
 */
export function Stage() {
  const stage = useSim((s) => s.lesson?.stage ?? 'floor');
  return (
    <div className="stage">
      {stage === 'floor' && (
        <>
          <Floor />
          <FloorNote />
          <FloorKey />
        </>
      )}
      {stage === 'fanout' && <FanoutStage />}
      {stage === 'login' && <LoginStage />}
      {stage === 'transfer' && <TransferStage />}
    </div>
  );
}
