import { useEffect, useRef } from 'react';
import { SHORTCUTS, shortcutOf, type ShortcutAction } from '../app/shortcuts.ts';
import { useSession, useSessionStore } from './SessionProvider.tsx';
import type { SessionStore } from '../app/session.ts';
import { describeAll } from './Narration.tsx';

/**
 * Presenter on: also ask for full screen (only a key press or click may); off: leave it.
 * Leaving the full screen that presenter mode entered (Escape) leaves presenter mode too.
 */
export function setPresenter(session: SessionStore, on: boolean): void {
  session.getState().setPresenter(on);
  try {
    if (on && !document.fullscreenElement) {
      void document.documentElement
        .requestFullscreen?.()
        .then(() => {
          const left = () => {
            if (document.fullscreenElement) return;
            document.removeEventListener('fullscreenchange', left);
            session.getState().setPresenter(false);
          };
          document.addEventListener('fullscreenchange', left);
        })
        .catch(() => {});
    }
    if (!on && document.fullscreenElement) void document.exitFullscreen?.().catch(() => {});
  } catch {
    // Full screen refused (an iframe, a browser setting): presenter mode still lays out the page.
  }
}

/** Carry out a shortcut's action on the session and its primary restaurant. */
export function runShortcut(session: SessionStore, action: ShortcutAction): void {
  const s = session.getState();
  const p = s.primary.getState();
  switch (action) {
    case 'togglePlay':
      return p.togglePlay();
    case 'step':
      return p.step();
    case 'reset':
      return p.reset();
    case 'mode':
      return s.toggleMode();
    case 'compare':
      return s.setCompare(!s.compare);
    case 'presenter':
      return setPresenter(session, !s.presenter);
    case 'faster':
      return s.nudgeSpeed(1);
    case 'slower':
      return s.nudgeSpeed(-1);
    case 'describe':
      return describeAll(session);
    case 'narrate':
      s.setNarrate(!s.narrate);
      return p.notice('info', `Narration ${s.narrate ? 'off' : 'on'}.`);
    case 'help':
      return s.setShortcutsOpen(!s.shortcutsOpen);
  }
}

/** Listen for the page's keyboard shortcuts (see SHORTCUTS) while mounted. */
export function useShortcuts(): void {
  const session = useSessionStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const el = e.target instanceof HTMLElement ? e.target : document.body;
      // A modal dialog owns the keyboard (it closes on Escape or its button).
      if (el.closest('dialog[open]') || document.querySelector('dialog[open]')) return;
      const action = shortcutOf(e, { tag: el.tagName, type: (el as HTMLInputElement).type, role: el.getAttribute('role'), editable: el.isContentEditable });
      if (!action) return;
      e.preventDefault();
      runShortcut(session, action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);
}

/** The "?" dialog: every shortcut, in a modal dialog that closes on Escape and returns focus. */
export function ShortcutsDialog() {
  const open = useSession((s) => s.shortcutsOpen);
  const session = useSessionStore();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    } else if (!open && d.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="shortcuts"
      aria-labelledby="shortcuts-title"
      onClose={() => session.getState().setShortcutsOpen(false)}
      // "?" again, or a click on the backdrop (the dialog element itself), closes it too.
      onKeyDown={(e) => e.key === '?' && session.getState().setShortcutsOpen(false)}
      onClick={(e) => e.target === e.currentTarget && session.getState().setShortcutsOpen(false)}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <th scope="row">
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' or '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </th>
              <td>{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">Tab moves between controls; every control works with Enter or Space. Shortcuts pause while you type in a field.</p>
      <div className="dialog-actions">
        <button type="button" className="primary" autoFocus onClick={() => session.getState().setShortcutsOpen(false)}>
          Close
        </button>
      </div>
    </dialog>
  );
}
