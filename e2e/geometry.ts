// The picture as a reader sees it, measured from the rendered page (not the DOM's intent):
// every piece of text on the stage with its rendered size and box, the people and dish badges
// on the floor, and where the parts a lesson step names are. Used by the legibility checks
// and printed by them when something is wrong.

/** A box in CSS pixels of the viewport. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
/** A piece of text on the stage; `owner` groups a text with the person or badge it belongs to. */
export interface Text {
  text: string;
  size: number;
  box: Box;
  owner: string;
  where: 'svg' | 'html';
}
/** The picture as measured by {@link measure}. */
export interface Measured {
  texts: Text[];
  people: { name: string | null; box: Box }[];
  dishes: { id: string; box: Box }[];
  parts: { id: string | null; box: Box; inView: boolean; clip: Box }[];
  viewport: { w: number; h: number };
}

/**
 * Measure the page in the browser (a page.evaluate callback: it uses only browser globals).
 * Boxes are in CSS pixels of the viewport. `size` is the rendered text height in CSS pixels
 * (font size times the element's scale on screen). `owner` groups a text with the person or
 * badge it belongs to (its own label does not count as covering it).
 */
export function measure(): Measured {
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const boxOf = (r: DOMRect): Box => ({ x: r.left, y: r.top, w: r.width, h: r.height });
  const visible = (el: Element) => {
    for (let e: Node | null = el; e && e !== document.documentElement; e = (e as Element).parentElement ?? e.parentNode) {
      if (!(e instanceof Element)) continue;
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0) return false;
    }
    return true;
  };
  const stages = [...document.querySelectorAll('.stage, .compare-floors .compare-side, .compare-key')];
  const texts: Text[] = [];
  const ownerOf = (el: Element) => {
    const p = el.closest('.person');
    if (p) return `person:${p.getAttribute('aria-label')}`;
    const c = el.closest('.chip');
    if (c) return `chip:${[...document.querySelectorAll('.chip')].indexOf(c)}`;
    return '';
  };
  for (const stage of stages) {
    // SVG text: its rendered size is its font size times the scale of its transform on screen.
    for (const t of stage.querySelectorAll<SVGTextElement>('svg text')) {
      const text = (t.textContent ?? '').trim();
      if (!text || !visible(t)) continue;
      const r = t.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const ctm = t.getScreenCTM();
      const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
      texts.push({ text, size: parseFloat(getComputedStyle(t).fontSize) * scale, box: boxOf(r), owner: ownerOf(t), where: 'svg' });
    }
    // HTML text: each text node's box (a range), at its element's font size.
    const walker = document.createTreeWalker(stage, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('svg') || !(n.textContent ?? '').trim() || !visible(el)) continue;
      if (el.closest('.visually-hidden')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      texts.push({ text: (n.textContent ?? '').trim(), size: parseFloat(getComputedStyle(el).fontSize), box: boxOf(r), owner: '', where: 'html' });
    }
  }
  const people = [...document.querySelectorAll('.stage .person, .compare-side .person')].filter(visible).map((p) => {
    // The person's own shape: the moving group (its ring, body and glyph).
    const body = p.firstElementChild ?? p;
    return { name: p.getAttribute('aria-label'), box: boxOf(body.getBoundingClientRect()) };
  });
  const dishes = [...document.querySelectorAll('.chip')].filter(visible).map((c, i) => {
    const rect = c.querySelector('rect');
    if (!rect) throw new Error(`dish badge ${i} has no rect`);
    return { id: `chip:${i}`, box: boxOf(rect.getBoundingClientRect()) };
  });
  const parts = [...document.querySelectorAll('[data-part]')].map((el) => {
    const r = el.getBoundingClientRect();
    // Inside the window and not scrolled out of its scrolling panel.
    let clip: Box = { x: 0, y: 0, w: vw, h: vh };
    for (let e = el.parentElement; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (/(auto|scroll|hidden)/.test(cs.overflowY)) {
        const c = e.getBoundingClientRect();
        const x0 = Math.max(clip.x, c.left);
        const y0 = Math.max(clip.y, c.top);
        clip = { x: x0, y: y0, w: Math.min(clip.x + clip.w, c.right) - x0, h: Math.min(clip.y + clip.h, c.bottom) - y0 };
      }
    }
    const inView = r.left >= clip.x - 1 && r.top >= clip.y - 1 && r.right <= clip.x + clip.w + 1 && r.bottom <= clip.y + clip.h + 1 && r.height > 0;
    return { id: el.getAttribute('data-part'), box: boxOf(r), inView, clip };
  });
  return { texts, people, dishes, parts, viewport: { w: vw, h: vh } };
}

const overlap = (a: Box, b: Box, tol = 1) => a.x + tol < b.x + b.w && b.x + tol < a.x + a.w && a.y + tol < b.y + b.h && b.y + tol < a.y + a.h;

/**
 * What is wrong with a measured picture, as sentences (empty: nothing): text under `minPx`,
 * two labels over each other, a label over a person or a dish badge (its own excepted), and
 * text outside the window.
 */
export function problemsOf(m: Measured, minPx: number): string[] {
  const out: string[] = [];
  const small = m.texts.filter((t) => t.size < minPx - 0.01);
  for (const t of small.slice(0, 5)) out.push(`text "${t.text.slice(0, 30)}" is ${t.size.toFixed(1)} px (under ${minPx})`);
  // Text boxes of one HTML element's lines can touch: compare SVG labels with everything, and HTML with SVG.
  const labels = m.texts;
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i];
      const b = labels[j];
      if (!a || !b) continue;
      if (a.where === 'html' && b.where === 'html') continue;
      if (overlap(a.box, b.box, 1.5)) out.push(`labels "${a.text.slice(0, 24)}" and "${b.text.slice(0, 24)}" overlap`);
    }
  }
  for (const t of labels.filter((x) => x.where === 'svg')) {
    for (const p of m.people) if (t.owner !== `person:${p.name}` && overlap(t.box, p.box, 2)) out.push(`label "${t.text.slice(0, 24)}" is over ${p.name}`);
    for (const d of m.dishes) if (t.owner !== d.id && overlap(t.box, d.box, 1.5)) out.push(`label "${t.text.slice(0, 24)}" is over a dish badge`);
  }
  for (const t of m.texts) {
    const b = t.box;
    if (b.x < -1 || b.y < -1 || b.x + b.w > m.viewport.w + 1 || b.y + b.h > m.viewport.h + 1) out.push(`text "${t.text.slice(0, 24)}" is outside the window`);
  }
  return [...new Set(out)];
}
