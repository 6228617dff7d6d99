/**
 * An engine result without what is expected to differ between two runs of the same request: how
 * long it took (`elapsedMs` and other `…Ms` timings) and when something was saved (`savedAt`, the
 * wall clock). Everything else must be equal on every engine.
 */
export function withoutTimings<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => ((/Ms$/.test(key) && typeof v === 'number') || key === 'savedAt' ? undefined : v))) as T;
}
