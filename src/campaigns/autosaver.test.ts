import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, type SaveState } from './autosaver';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(save: (v: number) => Promise<void> = async () => {}) {
  const saved: number[] = [];
  const states: SaveState[] = [];
  const saver = new Autosaver<number>({
    save: async (v) => {
      await save(v);
      saved.push(v);
    },
    intervalMs: 400,
    retryMs: 1000,
    onStateChange: (s) => states.push(s),
  });
  return { saver, saved, states };
}

describe('Autosaver', () => {
  it('writes a change within the interval and reports saving then saved', async () => {
    const { saver, saved, states } = setup();
    saver.schedule(1);
    expect(saver.saveState).toBe('saving');
    await vi.advanceTimersByTimeAsync(399);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual([1]);
    expect(states).toEqual(['saving', 'saved']);
  });

  it('throttles: continuous changes are written at least once per interval, latest value only', async () => {
    const { saver, saved } = setup();
    for (let i = 1; i <= 10; i++) {
      saver.schedule(i);
      await vi.advanceTimersByTimeAsync(100);
    }
    // 1 s of changes every 100 ms: written at 400 and 800 ms, never postponed by newer changes.
    expect(saved).toEqual([4, 8]);
    await vi.advanceTimersByTimeAsync(400);
    expect(saved).toEqual([4, 8, 10]);
  });

  it('flush writes the waiting change immediately', async () => {
    const { saver, saved } = setup();
    saver.schedule(7);
    await saver.flush();
    expect(saved).toEqual([7]);
    expect(saver.saveState).toBe('saved');
  });

  it('never overlaps writes; a change made during a write is written after it', async () => {
    let release: () => void = () => {};
    const gate = () => new Promise<void>((r) => (release = r));
    let calls = 0;
    const { saver, saved } = setup(() => (++calls === 1 ? gate() : Promise.resolve()));
    saver.schedule(1);
    await vi.advanceTimersByTimeAsync(400);
    saver.schedule(2);
    saver.schedule(3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual([]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual([1]);
    await vi.advanceTimersByTimeAsync(400);
    expect(saved).toEqual([1, 3]);
  });

  it('reports an error and retries the failed value', async () => {
    let fail = true;
    const { saver, saved, states } = setup(async () => {
      if (fail) throw new Error('quota');
    });
    saver.schedule(5);
    await vi.advanceTimersByTimeAsync(400);
    expect(saver.saveState).toBe('error');
    fail = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual([5]);
    expect(states).toEqual(['saving', 'error', 'saved']);
  });

  it('a flush after dispose still writes, but nothing is scheduled afterwards', async () => {
    const { saver, saved } = setup();
    saver.schedule(1);
    const done = saver.flush();
    saver.dispose();
    await done;
    saver.schedule(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual([1]);
  });
});
