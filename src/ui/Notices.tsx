import { useSim, useSimStore } from './SimProvider.tsx';

/** Messages about input and the run, in a polite live region, each dismissable. */
export function Notices() {
  const notices = useSim((s) => s.notices);
  const store = useSimStore();
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
