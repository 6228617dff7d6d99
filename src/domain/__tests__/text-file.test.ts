import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8, firstInvalidByte, lineFinder, stripBom } from '../text-file';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('decodeUtf8', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeUtf8(bytes('Zoé, 😀'))).toEqual({ ok: true, text: 'Zoé, 😀' });
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'id\n1'))).toEqual({ ok: true, text: 'id\n1' });
  });

  it('refuses Latin-1 at the line and column of the first bad byte, for LF, CRLF and CR line endings', () => {
    // "Zoé" in Latin-1: é is the single byte 0xE9.
    for (const eol of ['\n', '\r\n', '\r']) {
      expect(decodeUtf8(bytes(`id,name${eol}1,Ann${eol}2,Zo`, [0xe9], `${eol}3,Léa`))).toEqual({
        ok: false,
        line: 3,
        column: 5,
        message: 'not UTF-8 text (byte 0xE9): save the file as UTF-8',
      });
    }
  });

  it('counts columns in characters, after accents and emoji written in UTF-8', () => {
    expect(decodeUtf8(bytes('é😀', [0x80]))).toMatchObject({
      ok: false,
      line: 1,
      column: 3,
      message: expect.stringContaining('0x80'),
    });
  });

  it('finds the same first bad byte as the browser decoder, on any bytes', () => {
    fc.assert(
      // Well-formed text with stray bytes mixed in, so that both long valid sequences and bad ones occur.
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 4 }),
            fc.integer({ min: 0, max: 255 }).map((n) => [n]),
          ),
          { maxLength: 12 },
        ),
        (parts) => {
          const b = bytes(...parts);
          const at = firstInvalidByte(b);
          let valid = true;
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(b);
          } catch {
            valid = false;
          }
          expect(at === -1).toBe(valid);
          if (at >= 0) {
            // Everything before is well-formed, and decoding stops being possible exactly there.
            expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, at))).not.toThrow();
            expect(() =>
              new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, at + 1), { stream: false }),
            ).toThrow();
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('lineFinder', () => {
  it('numbers lines ended by LF, CRLF or CR alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['a', 'b', 'c'].join(eol);
      const at = lineFinder(text);
      expect([at(0), at(text.indexOf('b')), at(text.indexOf('c'))]).toEqual([1, 2, 3]);
    }
  });

  it('stripBom drops only a leading mark', () => {
    expect(stripBom('\uFEFFa\uFEFF')).toBe('a\uFEFF');
  });
});
