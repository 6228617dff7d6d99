/**
 * Content hashes that name working tables. Two activities with the same type, configuration,
 * upstream tables and data get the same name, so unchanged work is found and reused.
 */

export { stableStringify } from '../../domain/stable-json';

/** A 64-bit hash (two independent 32-bit FNV-1a lanes) as 16 hex digits. Not cryptographic. */
export function hash64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
