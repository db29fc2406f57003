// Metrics (docs/metrics.md): the figures the page shows, taken from the engine a few times
// a second, and the time series as CSV.
import { capacityBound, type CapacityBound, type Mode, type Restaurant, type Scenario } from '../../sim/index.ts';
import { seriesCsv } from '../../scenarios/csv.ts';
import type { StoreContext } from './context.ts';
import { ROLLING_WINDOW_SECONDS, type LiveStats, type MetricsSlice } from './types.ts';

/**
 * A function taking the figures of a restaurant now. The capacity bound depends only on the
 * scenario, so it is computed once per scenario, not per refresh (`meanDishesPerParty`
 * integrates the dish-count distribution).
 */
export function statsTaker(): (r: Restaurant) => LiveStats {
  let bounds: Record<Mode, CapacityBound> | null = null;
  let boundsFor: Scenario | null = null;
  return (r) => {
    const s = r.scenario;
    if (boundsFor !== s || !bounds) {
      bounds = { sync: capacityBound(s, 'sync'), async: capacityBound(s, 'async') };
      boundsFor = s;
    }
    return {
      time: r.now,
      summary: r.summary(),
      rolling: r.rolling(ROLLING_WINDOW_SECONDS),
      capacity: bounds[r.mode],
      capacityByMode: { sync: bounds.sync.boundPerHour, async: bounds.async.boundPerHour },
      seriesLength: r.series.t.length,
    };
  };
}

/** The metrics slice; `stats` starts as the running restaurant's figures at time 0. */
export function metricsSlice(ctx: StoreContext, stats: LiveStats): MetricsSlice {
  return {
    stats,
    exportCsv: () => seriesCsv([{ run: ctx.r().mode, series: ctx.r().series }]),
  };
}
