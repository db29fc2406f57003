// Notices (docs/bad-input.md): messages to the user about their input or the run, each
// identified by a key, so that one subject is said once, in its latest words.
import { expected, isFiniteNumber } from '../args.ts';
import type { StoreContext } from './context.ts';
import { MAX_NOTICE_CHARS, MAX_NOTICES, type Notice, type NoticesSlice } from './types.ts';

/**
 * The function behind `notice`: the new notice goes last, replacing one with the same key;
 * at most {@link MAX_NOTICES} stay (the oldest goes).
 */
export function notifier(set: StoreContext['set']): StoreContext['notify'] {
  let next = 1;
  return (tone, text, key = text) =>
    set((st) => ({ notices: [...st.notices.filter((n) => n.key !== key).slice(-(MAX_NOTICES - 1)), { id: next++, key, tone, text }] }));
}

const TONES: readonly Notice['tone'][] = ['info', 'warning', 'error'];

/** The notices slice. */
export function noticesSlice(ctx: StoreContext): NoticesSlice {
  const { set, notify, refuse } = ctx;
  return {
    notices: [],
    notice(tone, text, key) {
      if (!TONES.includes(tone)) refuse('notice(tone)', expected('"info", "warning" or "error"', tone));
      if (typeof text !== 'string') refuse('notice(text)', expected('text', text));
      if (key !== undefined && typeof key !== 'string') refuse('notice(key)', expected('text or nothing', key));
      notify(tone, text.length > MAX_NOTICE_CHARS ? `${text.slice(0, MAX_NOTICE_CHARS)}…` : text, key?.slice(0, MAX_NOTICE_CHARS));
    },
    dismissNotice(id) {
      if (!isFiniteNumber(id)) refuse('dismissNotice(id)', expected('a notice id (a number)', id));
      set((st) => ({ notices: st.notices.filter((n) => n.id !== id) }));
    },
    withdrawNotice(key) {
      if (typeof key !== 'string') refuse('withdrawNotice(key)', expected("a notice's key (text)", key));
      set((st) => ({ notices: st.notices.filter((n) => n.key !== key) }));
    },
  };
}
