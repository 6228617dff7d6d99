import { createHash } from 'node:crypto';

/**
 * The number every seeded pick sorts by (see SqlDialect.md5Number), computed in TypeScript so that
 * tests can work the picks out by hand: the first 16 hexadecimal digits of md5(`<key>|<seed>`).
 */
export function seededNumberOf(key: string | number, seed: number): bigint {
  return BigInt(`0x${createHash('md5').update(`${key}|${seed}`).digest('hex').slice(0, 16)}`);
}

/** Keys in the order of a seeded pick: by seeded number, then by key. */
export function seededOrder(keys: number[], seed: number): number[] {
  const n = new Map(keys.map((k) => [k, seededNumberOf(k, seed)]));
  return [...keys].sort((a, b) => (n.get(a)! < n.get(b)! ? -1 : n.get(a)! > n.get(b)! ? 1 : a - b));
}
