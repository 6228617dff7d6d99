/** Short random ids for activities, transitions and campaigns. Collisions are checked by callers that care. */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += (b % 36).toString(36);
  return `${prefix}_${s}`;
}

/**
 * An empty object keyed by ids (activities, transitions, ports). It has no prototype, so that an id
 * such as `__proto__`, `constructor` or `toString` is a key like any other: assigning it does not
 * change the object's prototype, and reading an absent one gives undefined, not a function.
 * `from` copies the own keys of an object made elsewhere (e.g. received from the worker).
 */
export function idRecord<T>(from?: Readonly<Record<string, T>>): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  if (from) for (const key of Object.keys(from)) record[key] = from[key]!;
  return record;
}

/** The value under an id, only when the object holds it itself (never one of Object.prototype's). */
export function byId<T>(record: Readonly<Record<string, T>> | undefined, id: string): T | undefined {
  return record && Object.hasOwn(record, id) ? record[id] : undefined;
}
