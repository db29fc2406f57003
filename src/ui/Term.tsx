import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import { create } from 'zustand';
import { GLOSSARY, splitTerms, termById } from '../app/glossary.ts';

/** The one definition on show (hover, focus or tap), and where its term sits on screen. */
const useTip = create<{ id: string | null; box: DOMRect | null; show: (id: string, box: DOMRect) => void; hide: () => void }>((set) => ({
  id: null,
  box: null,
  show: (id, box) => set({ id, box }),
  hide: () => set({ id: null, box: null }),
}));

/**
 * A technical term in running text: dotted underline, reachable by Tab, its definition shown
 * on hover, focus or tap and read by screen readers (aria-describedby points at the
 * glossary's hidden definitions, rendered once by {@link GlossaryDefinitions}).
 */
export function Term({ id, children }: { id: string; children: ReactNode }) {
  const show = useTip((s) => s.show);
  const hide = useTip((s) => s.hide);
  const ref = useRef<HTMLSpanElement>(null);
  const open = () => ref.current && show(id, ref.current.getBoundingClientRect());
  return (
    <span
      ref={ref}
      className="term"
      data-term={id}
      tabIndex={0}
      aria-describedby={`gloss-${id}`}
      onMouseEnter={open}
      onMouseLeave={hide}
      onFocus={open}
      onBlur={hide}
      onClick={open}
      onKeyDown={(e) => e.key === 'Escape' && hide()}
    >
      {children}
    </span>
  );
}

/**
 * Running text with its glossary terms marked (the first occurrence of each). `seen` shares
 * the marked terms across several pieces of one block.
 */
export function Glossed({ text, seen }: { text: string; seen?: Set<string> }) {
  return (
    <>
      {splitTerms(text, seen).map((p, i) => (typeof p === 'string' ? <Fragment key={i}>{p}</Fragment> : <Term key={i} id={p.id}>{p.text}</Term>))}
    </>
  );
}

/** The glossary's definitions, hidden, for screen readers (each Term is described by one), and the tip on show. */
export function GlossaryDefinitions() {
  const id = useTip((s) => s.id);
  const box = useTip((s) => s.box);
  const [size, setSize] = useState({ w: 0, h: 0 });
  const tip = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (tip.current) setSize({ w: tip.current.offsetWidth, h: tip.current.offsetHeight });
  }, [id]);
  const term = id ? termById(id) : null;
  let style: React.CSSProperties | undefined;
  if (box) {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const left = Math.max(8, Math.min(box.left, vw - size.w - 8));
    const below = box.bottom + 6;
    const top = below + size.h > vh - 8 ? Math.max(8, box.top - size.h - 6) : below;
    style = { left, top };
  }
  return (
    <>
      <div hidden>
        {GLOSSARY.map((t) => (
          <span key={t.id} id={`gloss-${t.id}`}>
            {t.restaurant} In software: {t.software}
          </span>
        ))}
      </div>
      {term && (
        <div ref={tip} className="term-tip" style={style} aria-hidden="true">
          <strong>{term.term}</strong>
          <span>{term.restaurant}</span>
          <span>
            <em>In software:</em> {term.software}
          </span>
        </div>
      )}
    </>
  );
}

/** The glossary page: every term, in the restaurant's words and the software's. */
export function GlossaryList() {
  return (
    <dl className="glossary">
      {[...GLOSSARY].sort((a, b) => a.term.localeCompare(b.term)).map((t) => (
        <Fragment key={t.id}>
          <dt id={`glossary-${t.id}`}>{t.term}</dt>
          <dd>
            <span className="gloss-restaurant">{t.restaurant}</span> <span className="gloss-software"><em>In software:</em> {t.software}</span>
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** Whether the glossary page is open (the More menu and the About tab open it). */
export const useGlossaryOpen = create<{ open: boolean; setOpen: (open: boolean) => void }>((set) => ({ open: false, setOpen: (open) => set({ open }) }));

/** The glossary page as a dialog: Escape, its Close button or a click on the backdrop closes it. */
export function GlossaryDialog() {
  const open = useGlossaryOpen((s) => s.open);
  const setOpen = useGlossaryOpen((s) => s.setOpen);
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
    <dialog ref={ref} className="glossary-dialog" aria-labelledby="glossary-title" onClose={() => setOpen(false)} onClick={(e) => e.target === e.currentTarget && setOpen(false)}>
      <div className="dialog-head">
        <h2 id="glossary-title">Glossary</h2>
        <button type="button" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
      <p className="muted">Every technical word on the page, in the restaurant&apos;s words and the software&apos;s. On the page, a dotted underline marks one: hover, tap or Tab to it for its definition.</p>
      {open && <GlossaryList />}
    </dialog>
  );
}

/**
 * Marks the glossary terms in its text children (the first occurrence of each), leaving
 * elements among them as they are: `<G>Rolling {value} throughput</G>`.
 */
export function G({ children }: { children?: ReactNode }) {
  const seen = new Set<string>();
  const parts = Array.isArray(children) ? children : [children];
  // Adjacent strings and numbers are one run of text (JSX splits "a {x} b" into three).
  const runs: ReactNode[] = [];
  let text = '';
  const flush = () => {
    if (text) runs.push(<Glossed key={runs.length} text={text} seen={seen} />);
    text = '';
  };
  for (const c of parts.flat(Infinity as 1)) {
    if (typeof c === 'string' || typeof c === 'number') text += String(c);
    else if (c !== null && c !== undefined && c !== false && c !== true) {
      flush();
      runs.push(<Fragment key={runs.length}>{c}</Fragment>);
    }
  }
  flush();
  return <>{runs}</>;
}
