import type { SqlDialect } from '../sql/dialect';

/**
 * Random draws of the delivery simulation, as SQL. A draw group is one md5 of
 * `<seed>|<activity>|<message id>|<group name>`; its 32 hexadecimal digits give four independent
 * uniforms in [0, 1) (digits 1–8, 9–16, 17–24 and 25–32, each read as a 32-bit integer over 2^32).
 * md5 gives the same digits on every SQL engine, so a campaign simulates the same in the browser,
 * on the command line and on a server database. Nothing else is random.
 */

/** The md5 text of a draw group, for the message whose id is the SQL expression `messageId`. */
export function drawGroupSql(d: SqlDialect, seed: number, activityId: string, messageId: string, group: string): string {
  return d.md5Hex(`${d.literal(`${seed}|${activityId}|`)} || ${messageId} || ${d.literal(`|${group}`)}`);
}

/** Uniform number `index` (1–4) of a draw group whose md5 text is the SQL expression `hash`. */
export function uniformSql(d: SqlDialect, hash: string, index: 1 | 2 | 3 | 4): string {
  return `(${d.hexNumber(`substr(${hash}, ${(index - 1) * 8 + 1}, 8)`)} / 4294967296.0)`;
}

/** The same uniform computed in TypeScript, for tests that work events out by hand. */
export function uniformOf(md5Hex: string, index: 1 | 2 | 3 | 4): number {
  return parseInt(md5Hex.slice((index - 1) * 8, index * 8), 16) / 2 ** 32;
}
