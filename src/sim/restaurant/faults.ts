import type { Core } from './core.ts';

/**
 * What goes wrong, and when (docs/architecture.md, "Faults"): stations down and back, from
 * the scenario's schedule or a live command, and subscriber groups crashing and recovering.
 * Overlapping faults stack: a station is back only when every reason it went down is gone.
 */
export interface Faults {
  /** Take the station (or every station of the kind) `name` down for `reason`. @throws Error for an unknown name. */
  stationDown(name: string, reason: string): void;
  /** End `reason`'s hold on `name`; a station is up again once no reason holds it. @throws Error for an unknown name. */
  stationUp(name: string, reason: string): void;
  /** Schedule the scenario's consumer faults (a group down and up again). */
  scheduleConsumerFaults(): void;
  /** Schedule the scenario's station faults (reason `fault:<i>`). @throws Error for an unknown station. */
  scheduleStationFaults(): void;
}

/** The faults of `core`'s restaurant. */
export function createFaults(core: Core): Faults {
  const { s, scheduler, parts } = core;
  const faults: Faults = {
    stationDown(name, reason) {
      for (const st of parts.kitchen.match(name)) {
        const wasUp = st.downFor.size === 0;
        st.downFor.add(reason);
        if (wasUp) parts.kitchen.takeDown(st);
      }
    },
    stationUp(name, reason) {
      for (const st of parts.kitchen.match(name)) {
        if (!st.downFor.delete(reason) || st.downFor.size > 0) continue;
        parts.kitchen.bringUp(st);
      }
    },
    scheduleConsumerFaults() {
      for (const f of s.consumerFaults) {
        scheduler.scheduleAt(f.downAtSeconds, () => parts.consumers.groups.get(f.group)?.group.crash());
        scheduler.scheduleAt(f.upAtSeconds, () => parts.consumers.groups.get(f.group)?.group.recover());
      }
    },
    scheduleStationFaults() {
      s.faults.forEach((f, i) => {
        parts.kitchen.match(f.station);
        scheduler.scheduleAt(f.downAtSeconds, () => faults.stationDown(f.station, `fault:${i}`));
        scheduler.scheduleAt(f.upAtSeconds, () => faults.stationUp(f.station, `fault:${i}`));
      });
    },
  };
  return faults;
}
