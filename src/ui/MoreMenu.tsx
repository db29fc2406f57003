import { useEffect, useRef, useState } from 'react';
import { linkOf } from '../app/link.ts';
import { setupOf } from '../app/session.ts';
import { useSession, useSessionStore } from './SessionProvider.tsx';
import { describeAll } from './Narration.tsx';
import { useGlossaryOpen } from './Term.tsx';

/** This page's address with `search` as its query. */
export function currentLink(search: string): string {
  return `${window.location.href.split(/[?#]/)[0]}${search}`;
}

/**
 * The top bar's "More" disclosure (the ⋯ of docs/visual-language.md): Copy link (the whole setup as a link, copied
 * and shown selected for browsers that refuse the clipboard), Keyboard shortcuts, Describe the
 * floor, and Narration on or off. Escape or a click outside closes it.
 */
export function MoreMenu() {
  const session = useSessionStore();
  const narrate = useSession((s) => s.narrate);
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState<{ href: string; copied: boolean } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (link) field.current?.select();
  }, [link]);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const copy = () => {
    const href = currentLink(linkOf(setupOf(session)));
    setLink({ href, copied: false });
    try {
      void navigator.clipboard?.writeText(href).then(() => setLink({ href, copied: true }), () => {});
    } catch {
      // No clipboard (a page opened from a file): the link is shown selected, to copy by hand.
    }
  };
  return (
    <div className="more" ref={box} onKeyDown={(e) => e.key === 'Escape' && open && (e.stopPropagation(), close())}>
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls="more-panel"
        onClick={() => {
          setOpen(!open);
          setLink(null);
        }}
        title="Copy link, keyboard shortcuts, glossary, narration"
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <circle cx="3" cy="8" r="1.7" fill="currentColor" />
          <circle cx="8" cy="8" r="1.7" fill="currentColor" />
          <circle cx="13" cy="8" r="1.7" fill="currentColor" />
        </svg>
        <span className="visually-hidden">More</span>
      </button>
      <div id="more-panel" className="more-panel" hidden={!open}>
        <button type="button" onClick={copy}>
          Copy link <span className="muted">to this exact setup</span>
        </button>
        {link && (
          <label className="share-field">
            <span>{link.copied ? 'Copied to the clipboard:' : 'Select and copy this link:'}</span>
            <input ref={field} readOnly value={link.href} aria-label="Link to this setup" onFocus={(e) => e.target.select()} />
          </label>
        )}
        <button
          type="button"
          onClick={() => {
            // The dialog gives focus back to what had it: the menu button, not a hidden item.
            setOpen(false);
            toggle.current?.focus();
            session.getState().setShortcutsOpen(true);
          }}
        >
          Keyboard shortcuts <kbd>?</kbd>
        </button>
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            toggle.current?.focus();
            useGlossaryOpen.getState().setOpen(true);
          }}
        >
          Glossary <span className="muted">every term defined</span>
        </button>
        <button
          type="button"
          onClick={() => {
            describeAll(session);
          }}
        >
          Describe the floor <kbd>D</kbd>
        </button>
        <button type="button" aria-pressed={narrate} onClick={() => session.getState().setNarrate(!narrate)}>
          Narration for screen readers <kbd>N</kbd>
        </button>
      </div>
    </div>
  );
}
