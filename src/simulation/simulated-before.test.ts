import { afterEach, describe, expect, it } from 'vitest';
import { rememberSimulated, wasSimulated } from './simulated-before';

/** A browser's local storage, in memory. */
function fakeStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('campaigns simulated before', () => {
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('remembers a campaign once, and only that one', () => {
    (globalThis as { localStorage?: unknown }).localStorage = fakeStorage();
    expect(wasSimulated('cmp_1')).toBe(false);
    rememberSimulated('cmp_1');
    rememberSimulated('cmp_1');
    expect(wasSimulated('cmp_1')).toBe(true);
    expect(wasSimulated('cmp_2')).toBe(false);
    expect(JSON.parse(globalThis.localStorage.getItem('campaign-canvas:simulated-campaigns')!)).toEqual(['cmp_1']);
  });

  it('reads a damaged entry, or no storage at all, as nothing simulated', () => {
    (globalThis as { localStorage?: unknown }).localStorage = fakeStorage({ 'campaign-canvas:simulated-campaigns': '{not json' });
    expect(wasSimulated('cmp_1')).toBe(false);
    delete (globalThis as { localStorage?: unknown }).localStorage;
    expect(wasSimulated('cmp_1')).toBe(false);
    expect(() => rememberSimulated('cmp_1')).not.toThrow();
  });
});
