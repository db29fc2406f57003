import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutOf } from './shortcuts.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({ key: k, ctrlKey: false, altKey: false, metaKey: false, ...mods });
const body = { tag: 'BODY' };

describe('keyboard shortcuts', () => {
  it.each([
    [' ', 'togglePlay'], ['.', 'step'], ['ArrowRight', 'step'], ['r', 'reset'], ['R', 'reset'], ['m', 'mode'], ['c', 'compare'],
    ['p', 'presenter'], ['+', 'faster'], ['=', 'faster'], ['-', 'slower'], ['d', 'describe'], ['n', 'narrate'], ['?', 'help'],
  ])('%j on the page does %s', (k, action) => {
    expect(shortcutOf(key(k), body)).toBe(action);
  });

  it('leaves typing, browser shortcuts and controls’ own keys alone', () => {
    expect(shortcutOf(key('r'), { tag: 'INPUT', type: 'number' })).toBeNull();
    expect(shortcutOf(key('r'), { tag: 'INPUT' })).toBeNull();
    expect(shortcutOf(key('m'), { tag: 'SELECT' })).toBeNull();
    expect(shortcutOf(key('p'), { tag: 'DIV', editable: true })).toBeNull();
    expect(shortcutOf(key('r', { ctrlKey: true }), body)).toBeNull();
    expect(shortcutOf(key(' '), { tag: 'BUTTON' })).toBeNull(); // Space presses the focused button
    expect(shortcutOf(key('ArrowRight'), { tag: 'INPUT', type: 'radio' })).toBeNull(); // moves within the radio group
    expect(shortcutOf(key('r'), { tag: 'BUTTON' })).toBe('reset');
    expect(shortcutOf(key('.'), { tag: 'INPUT', type: 'radio' })).toBe('step');
    expect(shortcutOf(key('x'), body)).toBeNull();
  });

  it('the dialog lists every action once', () => {
    expect(new Set(SHORTCUTS.map((s) => s.action)).size).toBe(SHORTCUTS.length);
  });
});
