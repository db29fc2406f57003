import type { MetricsSeries, Mode } from '../sim/index.ts';

/** The series columns written to CSV, in order (after `run`, the run's mode). */
export const CSV_COLUMNS = [
  't', 'mode', 'served', 'throughputPerHour', 'door', 'kitchenTickets', 'pass', 'ordersInSystem', 'walkedOut',
  'waitersWorking', 'waitersBlocked', 'runnersWorking', 'runnersBlocked', 'floorStaffBlocked', 'cooksWorking', 'latencyP95',
  'customerWaitP95', 'doorWaitP95',
] as const satisfies readonly (keyof MetricsSeries)[];

/**
 * The time series of one or more runs as CSV, one row per sample (`t` in simulated seconds,
 * throughput in dishes per hour, the rest counts); the `run` column names each run.
 */
export function seriesCsv(runs: readonly { run: Mode | string; series: MetricsSeries }[]): string {
  const lines = [['run', ...CSV_COLUMNS].join(',')];
  for (const { run, series: s } of runs) {
    for (let i = 0; i < s.t.length; i++) lines.push([run, ...CSV_COLUMNS.map((c) => String(s[c][i]))].join(','));
  }
  return lines.join('\n') + '\n';
}
