/**
 * A small guest list for the file specs: profile ids of the sample data (1 to 40, plus two that do
 * not exist) with an amount, one of them not a number, so that one line is rejected.
 */
export function guestList(): { name: string; mimeType: string; buffer: Buffer } {
  const lines = ['Profile id;Amount'];
  for (let id = 1; id <= 40; id++) lines.push(`${id};${(id * 1.5).toFixed(2)}`);
  lines.push('999999;3.00', '999998;4.00', '41;not a number');
  return { name: 'guests.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') };
}

/**
 * A suppression list as people send them: the addresses upper-cased, every other one with spaces
 * around it, and a line without an address (which suppresses nobody).
 */
export function suppressionList(addresses: readonly string[]): { name: string; mimeType: string; buffer: Buffer } {
  const lines = ['Email,Reason', ...addresses.map((a, i) => `${i % 2 === 0 ? `  ${a.toUpperCase()} ` : a.toUpperCase()},unsubscribed`), ',unknown'];
  return { name: 'suppression.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') };
}
