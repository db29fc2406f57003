import { useEffect, useRef, type ReactNode } from 'react';
import type uPlot from 'uplot';
import type { Mode } from '../../sim/index.ts';
import { useSimStore } from '../SimProvider.tsx';
import type { SimState, SimStore } from '../../app/simStore.ts';
import 'uplot/dist/uPlot.min.css';
import { G } from '../Term.tsx';

/** Background tints for the time spent in each mode (legend under the charts). */
export const MODE_TINT: Record<Mode, string> = { sync: 'rgba(120, 130, 150, 0.14)', async: 'rgba(0, 158, 115, 0.14)' };

/** A line of a chart: label, colour, optional dash, and its values per sample (of `store`, default the chart's). */
export interface Line {
  label: string;
  stroke: string;
  dash?: number[];
  values: (s: SimState) => (number | null)[];
  store?: SimStore;
}

// uPlot draws on a canvas and reads matchMedia at import; jsdom (component tests) has
// neither, so there the chart keeps only its text alternative.
const canChart = () => typeof window.matchMedia === 'function' && !navigator.userAgent.includes('jsdom');

/** Shade the spans of each mode behind the plot (a uPlot plugin). */
function modeShading(getSpans: () => readonly { t: number; mode: Mode }[], toX: (t: number) => number): uPlot.Plugin {
  return {
    hooks: {
      drawClear: (u) => {
        const spans = getSpans();
        const { ctx } = u;
        const { left, top, width, height } = u.bbox;
        ctx.save();
        for (let i = 0; i < spans.length; i++) {
          const x0 = Math.max(left, u.valToPos(toX(spans[i]!.t), 'x', true));
          const end = i + 1 < spans.length ? u.valToPos(toX(spans[i + 1]!.t), 'x', true) : left + width;
          const x1 = Math.min(left + width, end);
          if (x1 <= x0) continue;
          ctx.fillStyle = MODE_TINT[spans[i]!.mode];
          ctx.fillRect(x0, top, x1 - x0, height);
        }
        ctx.restore();
      },
    },
  };
}

/** The largest 1, 2 or 5 × 10^k not above `max` (for a short chart's top label); 1 below 1. */
export function roundBelow(max: number): number {
  if (!(max >= 1)) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [5, 2, 1]) if (m * p <= max) return m * p;
  return p;
}

/**
 * A time-series chart (uPlot) of the running restaurant's series, x in simulated hours,
 * redrawn when the store's figures refresh (a few times a second), never per frame.
 * `summary` is the text alternative, also shown to screen readers.
 */
export function TimeChart({
  label,
  lines,
  height,
  summary,
  yMin,
  shading = true,
  watch,
  keys = true,
  extraKeys,
}: {
  label: string;
  lines: Line[];
  height: number;
  summary: string;
  yMin?: number;
  /** Shade each mode's time behind the plot (off when lines come from restaurants in different modes). */
  shading?: boolean;
  /** The store whose figure refreshes trigger a redraw (default: the chart's own). */
  watch?: SimStore;
  /** Draw the lines' keys beside the title (off where several charts share one key). */
  keys?: boolean;
  /** More keys after the lines' (e.g. what the shading means), on the caption's row or the next. */
  extraKeys?: ReactNode;
}) {
  const store = useSimStore();
  const holder = useRef<HTMLDivElement>(null);
  const linesRef = useRef(lines);
  useEffect(() => {
    linesRef.current = lines;
  });

  useEffect(() => {
    const el = holder.current;
    if (!el || !canChart()) return;
    let plot: uPlot | null = null;
    let disposed = false;
    let unsubscribe = () => {};
    let observer: ResizeObserver | null = null;
    const data = (): uPlot.AlignedData => {
      const s = store.getState();
      const t = s.restaurant().series.t.map((x) => x / 3600);
      // Lines from another store (compare mode) may be a sample ahead or behind: align to t.
      const fit = (v: (number | null)[]) => (v.length === t.length ? v : Array.from({ length: t.length }, (_, i) => v[i] ?? null));
      return [t, ...linesRef.current.map((l) => fit(l.values(l.store ? l.store.getState() : s)))] as uPlot.AlignedData;
    };
    void import('uplot').then(({ default: UPlot }) => {
      if (disposed) return;
      plot = new UPlot(
        {
          width: Math.max(200, el.clientWidth),
          height,
          legend: { show: false },
          cursor: { show: false },
          scales: { x: { time: false, range: () => [0, store.getState().scenario.durationSeconds / 3600] }, y: { range: (_u, _min, max) => [yMin ?? 0, Math.max(1, max * 1.1)] } },
          axes: [
            { stroke: '#5B6470', grid: { stroke: '#EEF0F3' }, size: 28, values: (_u, vals) => vals.map((v) => `${v}h`), font: '13px system-ui, sans-serif' },
            // Two labels, 0 and a round value near the top, so even a short chart says its scale.
            { stroke: '#5B6470', grid: { stroke: '#EEF0F3' }, size: 44, font: '13px system-ui, sans-serif', splits: (_u, _i, min, max) => [min, roundBelow(max)] },
          ],
          series: [{}, ...linesRef.current.map((l) => ({ label: l.label, stroke: l.stroke, width: 2.5, dash: l.dash, spanGaps: true, points: { show: false } }))],
          plugins: shading ? [modeShading(() => store.getState().restaurant().modeSpans, (t) => t / 3600)] : [],
        },
        data(),
        el,
      );
      const source = watch ?? store;
      let lastStats = source.getState().stats;
      unsubscribe = source.subscribe((s) => {
        // Redraw when the figures refresh (a few hertz): new samples, a mode switch, a reset.
        if (s.stats === lastStats) return;
        lastStats = s.stats;
        plot!.setData(data());
      });
      observer = new ResizeObserver(() => plot?.setSize({ width: Math.max(200, el.clientWidth), height }));
      observer.observe(el);
    });
    return () => {
      disposed = true;
      unsubscribe();
      observer?.disconnect();
      plot?.destroy();
    };
  }, [store, height, yMin, shading, watch]);

  return (
    <figure className="chart" data-title={label}>
      <figcaption>
        <span className="chart-title">
          <G>{label}</G>
        </span>
        {/* Hidden, not dropped, where a shared key stands in: the PNG export draws each chart's keys. */}
        <span className={`chart-keys${keys ? '' : ' visually-hidden'}`} aria-hidden="true">
          {lines.map((l) => (
            <span key={l.label} className="key">
              <svg width="22" height="10">
                <line x1="1" y1="5" x2="21" y2="5" stroke={l.stroke} strokeWidth="3" strokeDasharray={l.dash?.join(' ')} />
              </svg>
              {l.label}
            </span>
          ))}
        </span>
        {extraKeys}
      </figcaption>
      <div ref={holder} className="chart-plot" style={{ height }} role="img" aria-label={`${label}: ${summary}`} />
    </figure>
  );
}
