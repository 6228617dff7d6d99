/**
 * Reading text files that people bring (campaign files, data models, CSVs, Load file): UTF-8 only,
 * with or without a byte-order mark, and line numbers that count CR, LF and CRLF line breaks alike.
 * Text in another encoding is refused where its first bad byte is, never read with U+FFFD in place
 * of the characters it had: a rule on the original text would then count nothing, without a sign.
 */

export type DecodedText = { ok: true; text: string } | { ok: false; line: number; column: number; message: string };

const BOM = '\uFEFF';

/** The text without a leading UTF-8 byte-order mark. */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * Decodes UTF-8 bytes (a leading byte-order mark is dropped). Bytes that are not UTF-8 — Latin-1
 * or Windows-1252 accents, for example — give the line and column (1-based) of the first one.
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidByte(bytes);
    const { line, lineStart } = lineOfByte(bytes, at);
    const column = [...new TextDecoder('utf-8').decode(bytes.subarray(lineStart, at))].length + 1;
    const byte = `0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')}`;
    return { ok: false, line, column, message: `not UTF-8 text (byte ${byte}): save the file as UTF-8` };
  }
}

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence, following the
 * WHATWG decoder that TextDecoder implements (no overlong forms, no surrogates, nothing above
 * U+10FFFF); -1 when every byte is well-formed.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < lower || c > upper) return i;
      lower = 0x80;
      upper = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}

const LF = 10;
const CR = 13;

/** Line (1-based) of byte `offset`, and the offset where that line starts. */
function lineOfByte(bytes: Uint8Array, offset: number): { line: number; lineStart: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i]!;
    if (b === LF || (b === CR && bytes[i + 1] !== LF)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, lineStart };
}

/**
 * Line number (1-based) of a character offset in `text`. A line ends at LF, at CR, or at CRLF
 * (one break), so that files saved with any of the three line endings are numbered as an editor
 * shows them.
 */
export function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
