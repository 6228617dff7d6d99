/**
 * Numbers read from files (CSV imports, Load file) in the range the engine holds exactly. Decimals
 * are doubles: digits beyond about ±1.797e308 would be read as Infinity, and non-zero digits below
 * about 4.9e-324 as 0, so both are refused instead of stored changed. Whole numbers are exact up to
 * ±9,007,199,254,740,991 (2^53 - 1); beyond that a double would round them.
 */

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

const integerPattern = /^[+-]?\d+$/;

/** A whole number written in decimal digits, within ±(2^53 - 1). */
export function parseInteger(text: string): ParsedNumber {
  if (!integerPattern.test(text)) return { ok: false, message: `"${text}" is not a whole number` };
  const n = Number(text);
  return Number.isSafeInteger(n) ? { ok: true, value: n } : { ok: false, message: `"${text}" is out of range: whole numbers go up to ±9007199254740991` };
}

/** A decimal already matched as number syntax, refused when a double cannot hold it. */
export function parseDecimal(text: string): ParsedNumber {
  const n = Number(text);
  if (!Number.isFinite(n)) return { ok: false, message: `"${text}" is out of range: numbers go up to about ±1.797e308` };
  // Any non-zero digit before the exponent means the number is not 0, whatever a double rounds it to.
  if (n === 0 && /[1-9]/.test(text.replace(/[eE].*$/, ''))) return { ok: false, message: `"${text}" is out of range: it is too close to 0 (about 4.9e-324 at least)` };
  return { ok: true, value: n };
}
