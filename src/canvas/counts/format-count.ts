/**
 * How counts read on the canvas: thousands separators always; the compact form (1.2M) only where
 * the full number would not fit, with the full number kept for the tooltip and accessible name.
 */

const full = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** 1234567 -> "1,234,567". */
export function formatCount(n: number): string {
  return full.format(n);
}

/** 1234567 -> "1.2M"; numbers under 10,000 stay whole ("9,999"). */
export function formatCompactCount(n: number): string {
  return Math.abs(n) < 10_000 ? full.format(n) : compact.format(n);
}

/**
 * The label for a count given how many characters fit: the full form when it fits, else compact.
 * Counts up to 9,999,999 (9 characters with separators) fit a transition label.
 */
export function fittedCount(n: number, maxChars = 9): string {
  const text = formatCount(n);
  return text.length <= maxChars ? text : formatCompactCount(n);
}

/** "1 record" / "12,345 records". */
export function recordsText(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'record' : 'records'}`;
}
