import { useRef, useState } from 'react';
import { clock } from '../../app/format.ts';
import { seriesCsv } from '../../scenarios/csv.ts';
import { useSession, useSessionStore } from '../SessionProvider.tsx';
import { chartsPng } from './exportCharts.ts';
import { download } from '../download.ts';

/**
 * "Save charts (PNG)" and "Save metrics (CSV)" for the charts inside the element that holds
 * these buttons (`scope`, a CSS selector). The CSV holds every sampled series of the
 * restaurants on screen (both in compare mode), one row per sample and restaurant.
 */
export function ExportButtons({ scope }: { scope: string }) {
  const session = useSessionStore();
  const compare = useSession((s) => s.compare);
  const [busy, setBusy] = useState(false);
  const self = useRef<HTMLDivElement>(null);
  const stem = (time = session.getState().primary.getState().snapshot.time) => {
    const p = session.getState().primary.getState();
    const [h, m, sec] = clock(time).split(':');
    return `order-up-${p.presetName.replace(/[^\w-]+/g, '_').slice(0, 60)}-seed${p.running.seed}-at-${h}h${m}m${sec}s${compare ? '-compare' : ''}`;
  };
  const saveCsv = () => {
    const s = session.getState();
    const runs = [{ run: s.twin ? 'sync' : s.primary.getState().mode, series: s.primary.getState().restaurant().series }];
    if (s.twin) runs.push({ run: 'async', series: s.twin.getState().restaurant().series });
    download(`${stem()}.csv`, new Blob([seriesCsv(runs)], { type: 'text/csv' }));
  };
  const savePng = async () => {
    const root = self.current?.closest<HTMLElement>(scope);
    if (!root) return;
    setBusy(true);
    const p = session.getState().primary.getState();
    // The charts show the figures' last refresh: name the file and caption by that moment.
    const time = p.stats.time;
    const caption = `Order Up · ${p.presetName} · seed ${p.running.seed} · ${clock(time)} simulated${compare ? ' · synchronous (dashed grey) vs asynchronous (green)' : ''}`;
    const shading = compare ? '' : '\nBackground: grey while synchronous, green while asynchronous. x: simulated hours.';
    const blob = await chartsPng(root, caption + shading);
    setBusy(false);
    if (blob) download(`${stem(time)}.png`, blob);
    else p.notice('warning', 'The charts are not drawn yet; try again in a moment.');
  };
  return (
    <div className="exports" ref={self}>
      <button type="button" onClick={() => void (busy || savePng())} aria-busy={busy}>
        Save charts (PNG)
      </button>
      <button type="button" onClick={saveCsv}>
        Save metrics (CSV)
      </button>
    </div>
  );
}
