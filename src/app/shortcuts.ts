/** What a keyboard shortcut does (the page maps each to a session or store action). */
export type ShortcutAction = 'togglePlay' | 'step' | 'reset' | 'mode' | 'compare' | 'presenter' | 'faster' | 'slower' | 'describe' | 'narrate' | 'help';

/** The shortcuts, in the order the "?" dialog lists them: the keys as shown, and what they do. */
export const SHORTCUTS: readonly { keys: readonly string[]; action: ShortcutAction; label: string }[] = [
  { keys: ['Space'], action: 'togglePlay', label: 'Play or pause' },
  { keys: ['.', '→'], action: 'step', label: 'Step to the next simulation event' },
  { keys: ['R'], action: 'reset', label: 'Reset: start the service again (same customers)' },
  { keys: ['M'], action: 'mode', label: 'Switch between synchronous and asynchronous' },
  { keys: ['C'], action: 'compare', label: 'Compare both side by side, or stop comparing' },
  { keys: ['P'], action: 'presenter', label: 'Presenter mode on or off (full screen, large type)' },
  { keys: ['+'], action: 'faster', label: 'Faster' },
  { keys: ['-'], action: 'slower', label: 'Slower' },
  { keys: ['D'], action: 'describe', label: 'Describe the floor in words (read by screen readers)' },
  { keys: ['N'], action: 'narrate', label: 'Narration of notable events on or off' },
  { keys: ['?'], action: 'help', label: 'Show these shortcuts' },
];

const BY_KEY: Record<string, ShortcutAction> = {
  ' ': 'togglePlay',
  '.': 'step',
  ArrowRight: 'step',
  r: 'reset',
  m: 'mode',
  c: 'compare',
  p: 'presenter',
  '+': 'faster',
  '=': 'faster',
  '-': 'slower',
  _: 'slower',
  d: 'describe',
  n: 'narrate',
  '?': 'help',
};

/**
 * The action of a key press, or null. Presses with Ctrl, Alt or Meta are the browser's.
 * `target` describes the focused element: typing in a field or choosing in a list never
 * triggers a shortcut, and on a button or other control Space and → keep their own meaning.
 */
export function shortcutOf(
  e: { key: string; ctrlKey: boolean; altKey: boolean; metaKey: boolean },
  target: { tag: string; type?: string; role?: string | null; editable?: boolean },
): ShortcutAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const action = BY_KEY[e.key.length === 1 ? e.key.toLowerCase() : e.key] ?? BY_KEY[e.key] ?? null;
  if (!action) return null;
  const tag = target.tag.toLowerCase();
  const textual = tag === 'textarea' || tag === 'select' || target.editable === true || (tag === 'input' && !['checkbox', 'radio', 'button', 'submit', 'range', 'file'].includes(target.type ?? 'text'));
  if (textual) return null;
  const control = tag === 'button' || tag === 'a' || tag === 'summary' || tag === 'input' || (target.role != null && ['button', 'radio', 'checkbox', 'slider', 'tab', 'option', 'menuitem', 'switch'].includes(target.role));
  if (control && (action === 'togglePlay' || (action === 'step' && e.key === 'ArrowRight'))) return null;
  if (tag === 'input' && target.type === 'range' && (e.key === '+' || e.key === '-')) return null;
  return action;
}
