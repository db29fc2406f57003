import { useEffect } from 'react';
import { useSim, useSimStore } from './SimProvider.tsx';

/** How long a notice stays before it goes by itself, wall-clock milliseconds. */
export const NOTICE_MS = 8000;

/**
 * Messages about input and the run, in a polite live region at the foot of the floor, each
 * dismissable and gone by itself after {@link NOTICE_MS}.
 */
export function Notices() {
  const notices = useSim((s) => s.notices);
  const store = useSimStore();
  useEffect(() => {
    const timers = notices.map((n) => setTimeout(() => store.getState().dismissNotice(n.id), NOTICE_MS));
    return () => timers.forEach(clearTimeout);
  }, [notices, store]);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <p key={n.id} className={`notice ${n.tone}`}>
          <span>{n.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => store.getState().dismissNotice(n.id)}>
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
