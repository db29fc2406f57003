/**
 * Strict UTF-8 for scenario files (docs/bad-input.md, "CLI"): a file whose bytes are not
 * UTF-8 is refused with the offset of the first bad byte, never read with U+FFFD in place
 * of what the user wrote. `TextDecoder` with `fatal: true` says only *that* the bytes are
 * bad; {@link firstInvalidUtf8} says *where*, by the same rules (the WHATWG decoder's: no
 * overlong forms, no surrogates U+D800–U+DFFF, nothing above U+10FFFF, no cut-off sequence).
 */

/**
 * Offset (from 0) of the first byte of the first ill-formed sequence, or -1 when all of
 * `bytes` is well-formed UTF-8. That is where a replacing decoder puts its first U+FFFD:
 * a stray continuation byte or a byte that never occurs in UTF-8 (0xC0, 0xC1, 0xF5–0xFF),
 * or the lead byte of a sequence that is overlong, encodes a surrogate or a code point
 * above U+10FFFF, is broken off by a byte that does not continue it, or by the end.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Length of the sequence, and the range its second byte must lie in (this is what
    // rules out overlong forms, surrogates and code points above U+10FFFF).
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + len > n) return i;
    const b1 = bytes[i + 1]!;
    if (b1 < lo || b1 > hi) return i;
    for (let k = 2; k < len; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += len;
  }
  return -1;
}

/**
 * Decode `bytes` as UTF-8, refusing anything else.
 * @returns the text, or `{ offset, byte }`: where the first bad byte is and its value.
 */
export function decodeUtf8Strict(bytes: Uint8Array): string | { offset: number; byte: number } {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    return { offset, byte: bytes[offset] ?? 0 };
  }
}
