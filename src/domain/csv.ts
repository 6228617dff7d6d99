/**
 * CSV as every export of the app writes it (RFC 4180): a header line, fields quoted when they hold
 * a comma, a quote or a line break, lines ended by CRLF. The command line, the Data screen's event
 * tables and the report's tables all write through here, so a file reads the same wherever it came
 * from.
 */

/** One field: empty for null, quoted (quotes doubled) when it holds a delimiter, quote or line break. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV text with a header line, each row's fields in the order of `columns`. The header is
 * the column names, or `headers` when given (columns may then be keys that are not shown).
 */
export function rowsToCsv(columns: readonly string[], rows: readonly Readonly<Record<string, unknown>>[], headers: readonly string[] = columns): string {
  const lines = [headers.map(csvField).join(','), ...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** "Welcome series - message-feedback.csv": the campaign's name made safe for a file, then what the file holds. */
export function csvFileName(campaignName: string, what: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = campaignName.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '-').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  return `${cleaned.slice(0, 100) || 'campaign'} - ${what}.csv`;
}
