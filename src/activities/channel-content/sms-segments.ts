/**
 * The length of an SMS in characters and in messages (segments), as networks bill it. A text in
 * the GSM-7 alphabet fits 160 characters in one message, 153 per part once it is split (each part
 * carries a header); the extension characters ^ { } \ [ ~ ] | € take two. A text with any other
 * character is sent as UCS-2: 70 in one message, 67 per part, counted in UTF-16 units (an emoji
 * takes two).
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';
const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsLength {
  encoding: SmsEncoding;
  /** Characters as billed: GSM-7 septets (extension characters count 2) or UTF-16 units. */
  units: number;
  /** Messages the text is sent as; 0 for an empty text. */
  segments: number;
  /** Characters one message holds when the text fits in one, per part otherwise. */
  perSegment: number;
  /** Characters outside GSM-7 that make the text UCS-2, in order, without repeats. */
  unicodeCharacters: string[];
}

/** The billed length of `text` (see the module comment). */
export function smsLength(text: string): SmsLength {
  const unicodeCharacters = [...new Set([...text].filter((c) => !basic.has(c) && !extension.has(c)))];
  if (unicodeCharacters.length > 0) return sized('UCS-2', text.length, 70, 67, unicodeCharacters);
  let units = 0;
  for (const c of text) units += extension.has(c) ? 2 : 1;
  return sized('GSM-7', units, 160, 153, []);
}

function sized(encoding: SmsEncoding, units: number, single: number, part: number, unicodeCharacters: string[]): SmsLength {
  const segments = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / part);
  return { encoding, units, segments, perSegment: segments > 1 ? part : single, unicodeCharacters };
}

/** "42 characters · GSM-7 · 1 message", for the form. */
export function describeSmsLength(l: SmsLength): string {
  const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
  const base = `${plural(l.units, 'character')} · ${l.encoding} · ${plural(l.segments, 'message')}`;
  if (l.encoding === 'GSM-7') return l.segments > 1 ? `${base} of up to 153 characters` : base;
  const shown = l.unicodeCharacters.slice(0, 5).map((c) => (c.trim() === '' ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : c)).join(' ');
  return `${base} (${l.segments > 1 ? 'up to 67' : 'up to 70'} characters each, because of ${shown})`;
}
