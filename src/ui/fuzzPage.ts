import { createFuzzer, type Fuzzer } from '../app/fuzz.ts';
import type { SessionStore } from '../app/session.ts';
import { SHORTCUTS } from '../app/shortcuts.ts';

/** Wall-clock milliseconds of fuzzing per slice, between which the page renders and animates. */
const SLICE_MS = 25;

/** A random visible, enabled control of the page, pressed or changed as a user would. */
function pressRandomControl(random: () => number): void {
  const controls = [...document.querySelectorAll<HTMLElement>('button, select, input[type="checkbox"], input[type="radio"]')].filter(
    (el) => el.offsetParent !== null && !(el as HTMLButtonElement).disabled && !el.closest('.exports') && !/^(Export|Save) /.test(el.textContent ?? ''),
  );
  const el = controls[Math.floor(random() * controls.length)];
  if (!el) return;
  if (el instanceof HTMLSelectElement) {
    const options = [...el.options];
    if (options.length === 0) return;
    el.value = options[Math.floor(random() * options.length)]!.value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  } else el.click();
}

/** A random keyboard shortcut, as if typed on the page. */
function pressRandomShortcut(random: () => number): void {
  const keys = SHORTCUTS.flatMap((s) => s.keys).map((k) => (k === 'Space' ? ' ' : k === '→' ? 'ArrowRight' : k.toLowerCase()));
  const key = keys[Math.floor(random() * keys.length)]!;
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

/**
 * `?fuzz=SEED`: run the fuzzer for ever in slices of {@link SLICE_MS}, with the page's own
 * controls and shortcuts among its actions; a banner counts the actions and shows the first
 * broken invariant. Returns the fuzzer (browser tests read `actions` and `broken`).
 */
export function startFuzzing(session: SessionStore, seed: number): Fuzzer {
  const fuzzer = createFuzzer(session, seed, [pressRandomControl, pressRandomShortcut]);
  const banner = document.createElement('div');
  banner.className = 'fuzz-banner';
  banner.setAttribute('role', 'status');
  document.body.appendChild(banner);
  const slice = () => {
    const end = performance.now() + SLICE_MS;
    while (performance.now() < end) fuzzer.run(1);
    // Close the shortcuts dialog if a shortcut opened it (the fuzzer keeps going underneath).
    if (session.getState().shortcutsOpen) session.getState().setShortcutsOpen(false);
    banner.textContent = `Fuzzing (seed ${seed}): ${fuzzer.actions.toLocaleString('en')} actions${fuzzer.broken.length ? `; broken: ${fuzzer.broken[0]}` : ''}`;
    setTimeout(slice, 0);
  };
  setTimeout(slice, 0);
  return fuzzer;
}
