import { nameRecord, type Mode, type NameRecord } from '../sim/index.ts';
import { PARAM_SPECS, type ParamSpec } from './params.ts';
import { SPEEDS, type Speed } from './simStore.ts';
import { visible } from './visible.ts';

/**
 * The whole setup of the page as a shareable link: what `?…` holds and how it is read back.
 *
 * Keys: `scenario` (a preset name) or `lesson` (a lesson id); `seed`, `rate` (parties per
 * hour), `tables`, `waiters`, `runners`; `stations` as `kind:count` pairs joined by commas
 * (`grill:2,fryer:1`); `mode` (`sync` | `async`); `speed` (one of {@link SPEEDS}, `max` for
 * as fast as possible); flags `compare`, `presenter`, `paused` (present, or `=1`/`=true`;
 * `=0`/`=false` turns one off). A link plays on opening unless it says `paused`. `fuzz` (or
 * `fuzz=SEED`) is for testing: the page presses random controls (never written by {@link linkOf}).
 */
export interface LinkSetup {
  scenario: string | null;
  lesson: string | null;
  /** Numeric parameters, each already within its {@link PARAM_SPECS} range. */
  params: Partial<Record<'seed' | 'ratePerHour' | 'tables' | 'waiters' | 'runners', number>>;
  /** Stations per kitchen kind (1…8 each), prototype-free; the kinds are checked against the scenario when applied. */
  stations: NameRecord<number>;
  mode: Mode | null;
  speed: Speed | null;
  compare: boolean;
  presenter: boolean;
  paused: boolean;
  /** `fuzz` (optionally `=SEED`): press random controls many times a second (testing only). */
  fuzz?: number | null;
}

/**
 * Longest single setting read (`key=value`, as written in the link), characters: a longer
 * one is reported and skipped, and every setting after it still applies (a link's settings
 * are a few dozen characters each; eight station kinds fit in about 100).
 */
export const MAX_SETTING_CHARS = 300;
/** Most unknown settings a notice names one by one; known ones are always read. */
const MAX_KEYS = 40;

const NUMERIC: Record<string, { key: keyof LinkSetup['params']; spec: ParamSpec }> = {
  seed: { key: 'seed', spec: PARAM_SPECS.seed },
  rate: { key: 'ratePerHour', spec: PARAM_SPECS.ratePerHour },
  tables: { key: 'tables', spec: PARAM_SPECS.tables },
  waiters: { key: 'waiters', spec: PARAM_SPECS.waiters },
  runners: { key: 'runners', spec: PARAM_SPECS.runners },
};
const FLAGS = ['compare', 'presenter', 'paused'] as const;
const INTEGER = /^\d{1,10}$/;
const DECIMAL = /^\d{1,4}(\.\d{1,3})?$/;

/**
 * A value as a notice may quote it: at most 24 characters (never half of one), and every
 * control or direction character shown as ⟨U+XXXX⟩ ({@link visible}), so a notice shows
 * exactly what the link held and nothing in it can reorder the sentence around it.
 */
function quote(v: string): string {
  if (v === '') return '(empty name)';
  // By user-perceived characters (an "e" keeps its accents), so a cut never splits one.
  const chars = Array.from(GRAPHEMES.segment(v.slice(0, 200)), (g) => g.segment);
  return chars.length > 24 ? `${visible(chars.slice(0, 24).join(''))}…` : visible(v);
}

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** One `key=value` setting decoded as a browser would (`+` is a space; a bad `%` escape is kept as written). */
function decodeSetting(raw: string): [string, string] {
  // `raw` holds no "&", so the standard parser (bad escapes become U+FFFD) yields one pair at most.
  const first = new URLSearchParams(raw).entries().next();
  return first.done ? ['', ''] : first.value;
}

const rangeText = (spec: ParamSpec) => `${spec.step >= 1 ? 'whole number' : 'number'} ${spec.min}–${spec.max}`;

/**
 * Read a link's query string. Never throws: anything unknown, malformed or out of range is
 * left out of the setup (so the defaults run) and described in `problems`, one short phrase
 * per setting, e.g. `tables=-3 (must be a whole number from 1 to 40)`.
 * @param search `location.search`, with or without the leading `?`.
 * @param known the preset names and lesson ids that exist.
 */
export function parseLink(search: string, known: { presetNames: readonly string[]; lessonIds: readonly string[] }): { setup: LinkSetup; problems: string[] } {
  const setup: LinkSetup = { scenario: null, lesson: null, params: {}, stations: nameRecord(), mode: null, speed: null, compare: false, presenter: false, paused: false };
  const problems: string[] = [];
  const text = typeof search === 'string' ? (search.startsWith('?') ? search.slice(1) : search) : '';
  const seen = new Set<string>();
  let unknown = 0;
  // Each setting on its own: a long or broken one is reported and skipped, never the rest.
  for (const raw of text.split('&')) {
    if (raw === '') continue;
    if (raw.length > MAX_SETTING_CHARS) {
      const eq = raw.indexOf('=');
      const name = decodeSetting(eq > 0 && eq <= 40 ? raw.slice(0, eq) : raw.slice(0, 40))[0].trim();
      problems.push(`${quote(name)}${eq > 0 && eq <= 40 ? '=…' : ''} (too long: ${raw.length.toLocaleString('en')} characters; a setting holds at most ${MAX_SETTING_CHARS})`);
      continue;
    }
    const [rawKey, rawValue] = decodeSetting(raw);
    const key = rawKey.trim();
    const value = rawValue.trim();
    // Quoted as given (untrimmed: trim() also eats U+FEFF and friends).
    const shown = rawValue === '' ? quote(rawKey) : `${quote(rawKey)}=${quote(rawValue)}`;
    if (seen.has(key)) {
      problems.push(`${shown} (given twice; the first one counts)`);
      continue;
    }
    seen.add(key);
    if (key === 'scenario') {
      if (known.presetNames.includes(value)) setup.scenario = value;
      else problems.push(`${shown} (no such scenario)`);
    } else if (key === 'lesson') {
      if (known.lessonIds.includes(value)) setup.lesson = value;
      else problems.push(`${shown} (no such lesson)`);
    } else if (Object.hasOwn(NUMERIC, key)) {
      const { key: param, spec } = NUMERIC[key]!;
      const ok = spec.step >= 1 ? INTEGER.test(value) : DECIMAL.test(value);
      const n = ok ? Number(value) : Number.NaN;
      if (ok && n >= spec.min && n <= spec.max) setup.params[param] = n;
      else problems.push(`${shown} (${rangeText(spec)})`);
    } else if (key === 'stations') {
      const pairs = value.split(',').filter(Boolean);
      const parsed = nameRecord<number>();
      let bad = pairs.length === 0;
      for (const pair of pairs) {
        const m = /^([a-z][a-z0-9-]{0,23}):(\d{1,2})$/.exec(pair.trim());
        const n = m ? Number(m[2]) : Number.NaN;
        if (!m || n < PARAM_SPECS.station.min || n > PARAM_SPECS.station.max || Object.hasOwn(parsed, m[1]!)) bad = true;
        else parsed[m[1]!] = n;
      }
      if (bad) problems.push(`${shown} (kind:count pairs like grill:2, counts ${PARAM_SPECS.station.min}–${PARAM_SPECS.station.max})`);
      else setup.stations = parsed;
    } else if (key === 'mode') {
      if (value === 'sync' || value === 'async') setup.mode = value;
      else problems.push(`${shown} (sync or async)`);
    } else if (key === 'speed') {
      const speed = SPEEDS.find((s) => String(s) === value);
      if (speed !== undefined) setup.speed = speed;
      else problems.push(`${shown} (one of ${SPEEDS.join(', ')})`);
    } else if (key === 'fuzz') {
      if (value === '') setup.fuzz = 1;
      else if (INTEGER.test(value)) setup.fuzz = Number(value);
      else problems.push(`${shown} (a seed: whole number)`);
    } else if ((FLAGS as readonly string[]).includes(key)) {
      const flag = key as (typeof FLAGS)[number];
      if (value === '' || value === '1' || value === 'true' || value === 'on') setup[flag] = true;
      else if (value === '0' || value === 'false' || value === 'off') setup[flag] = false;
      else problems.push(`${shown} (a switch: bare, 1 or 0)`);
    } else if (++unknown <= MAX_KEYS) {
      problems.push(`${shown} (not a setting)`);
    } else if (unknown === MAX_KEYS + 1) {
      problems.push(`more unknown settings after the first ${MAX_KEYS}`);
    }
  }
  if (setup.compare && setup.mode) {
    problems.push(`mode=${setup.mode} (compare mode shows both)`);
    setup.mode = null;
  }
  const given = [
    ...(setup.scenario ? ['scenario'] : []),
    ...Object.keys(setup.params).map((k) => (k === 'ratePerHour' ? 'rate' : k)),
    ...(Object.keys(setup.stations).length > 0 ? ['stations'] : []),
    ...(setup.mode ? ['mode'] : []),
    ...(setup.compare ? ['compare'] : []),
  ];
  if (setup.lesson && given.length > 0) {
    problems.push(`${given.join(', ')} (a lesson sets its own restaurant)`);
    setup.scenario = null;
    setup.params = {};
    setup.stations = nameRecord();
    setup.mode = null;
    setup.compare = false;
  }
  return { setup, problems };
}

/** The sentence a page shows for a link's problems (names every ignored setting, up to 12). */
export function linkNotice(problems: readonly string[], lesson = false): string {
  const shown = problems.slice(0, 12).join('; ');
  const more = problems.length > 12 ? `; and ${problems.length - 12} more` : '';
  return `This link had settings Order Up cannot use, so they were ignored${lesson ? '' : ' and the defaults run'}: ${shown}${more}.`;
}

/** Write `setup` as a query string (with the leading `?`), in a fixed key order. */
export function linkOf(setup: LinkSetup): string {
  const q: string[] = [];
  const add = (k: string, v?: string | number) => q.push(v === undefined ? k : `${k}=${encodeURIComponent(String(v))}`);
  if (setup.lesson) add('lesson', setup.lesson);
  else {
    if (setup.scenario) add('scenario', setup.scenario);
    const p = setup.params;
    if (p.seed !== undefined) add('seed', p.seed);
    if (p.ratePerHour !== undefined) add('rate', p.ratePerHour);
    if (p.tables !== undefined) add('tables', p.tables);
    if (p.waiters !== undefined) add('waiters', p.waiters);
    if (p.runners !== undefined) add('runners', p.runners);
    const kinds = Object.entries(setup.stations);
    if (kinds.length > 0) q.push(`stations=${kinds.map(([k, n]) => `${k}:${n}`).join(',')}`);
    if (setup.mode && !setup.compare) add('mode', setup.mode);
  }
  if (setup.speed !== null) add('speed', setup.speed);
  if (setup.compare) add('compare');
  if (setup.presenter) add('presenter');
  if (setup.paused) add('paused');
  return `?${q.join('&')}`;
}
