import { describe, expect, it } from 'vitest';
import { hasInvisible, visible } from './visible.ts';

describe('visible', () => {
  it('escapes direction controls so they cannot reorder the text around them', () => {
    const given = 'abc\u202Eevil.exe\u202Cdef';
    expect(visible(given)).toBe('abc⟨U+202E⟩evil.exe⟨U+202C⟩def');
    expect(hasInvisible(given)).toBe(true);
  });
  it('escapes isolates, marks, zero-width characters, C0/C1 controls and the BOM', () => {
    expect(visible('\u2066a\u2069\u200Fb\u200Bc\u0000d\u0085e\uFEFF')).toBe('⟨U+2066⟩a⟨U+2069⟩⟨U+200F⟩b⟨U+200B⟩c⟨U+0000⟩d⟨U+0085⟩e⟨U+FEFF⟩');
    expect(visible('line\nbreak\ttab')).toBe('line⟨U+000A⟩break⟨U+0009⟩tab');
  });
  it('escapes lone surrogate halves but keeps pairs (emoji) as they are', () => {
    expect(visible('a\uD800b')).toBe('a⟨U+D800⟩b');
    expect(visible('a\uDC00b')).toBe('a⟨U+DC00⟩b');
    expect(visible('steak 🥩')).toBe('steak 🥩');
  });
  it('leaves ordinary text, accents and right-to-left letters alone', () => {
    for (const s of ['DishReady', 'crème brûlée', 'שלום', 'مرحبا', 'Ünïcödé']) {
      expect(visible(s)).toBe(s);
      expect(hasInvisible(s)).toBe(false);
    }
  });
});

describe('names shown in the page', () => {
  it('title() shows a name with a direction override as given, capitalised', async () => {
    const { title } = await import('../app/format.ts');
    expect(title('\u202Ekaets')).toBe('⟨U+202E⟩kaets');
    expect(title('steak')).toBe('Steak');
  });
});
