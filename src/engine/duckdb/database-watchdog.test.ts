import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { watchDatabase } from './database-watchdog';

/** A stand-in for DuckDB's worker: pings are answered unless it is busy in a step or gone. */
function fakeDatabase() {
  let state: 'idle' | 'busy' | 'gone' = 'idle';
  let held: (() => void)[] = [];
  let finishStep: (() => void) | undefined;
  return {
    ping: () =>
      new Promise<void>((resolve) => {
        if (state === 'idle') resolve();
        else if (state === 'busy') held.push(resolve);
      }),
    /** A statement whose one step keeps the worker silent until `finish` is called. */
    longStep: () =>
      new Promise<void>((resolve) => {
        state = 'busy';
        finishStep = () => {
          state = 'idle';
          resolve();
          // Pings queued behind the step are answered once it is done.
          for (const r of held) r();
          held = [];
        };
      }),
    finish: () => finishStep?.(),
    die: () => {
      state = 'gone';
    },
  };
}

describe('the watchdog of DuckDB’s worker tells a busy worker from a lost one', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('a statement whose one step lasts 60 s is not a loss; the worker answers again after it', async () => {
    const db = fakeDatabase();
    const watchdog = watchDatabase(db.ping);
    await vi.advanceTimersByTimeAsync(5_000);
    const statement = watchdog.statement(db.longStep, { longSteps: true });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(watchdog.stopped()).toBeUndefined();
    db.finish();
    await statement;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(watchdog.stopped()).toBeUndefined();
    watchdog.close();
  });

  test('a worker that dies while idle is stopped after 20 s, even if a statement starts meanwhile', async () => {
    const db = fakeDatabase();
    const watchdog = watchDatabase(db.ping);
    await vi.advanceTimersByTimeAsync(3_000);
    db.die();
    await vi.advanceTimersByTimeAsync(4_000);
    void watchdog.statement(db.longStep, { longSteps: true }); // never answered: the worker is gone
    await vi.advanceTimersByTimeAsync(15_000);
    expect(watchdog.stopped()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(6_000);
    expect(watchdog.stopped()).toBe('it did not answer for 20 s');
    watchdog.close();
  });

  test('a worker that dies just before a query is stopped 20 s after the next ping: a query answers pings between its steps', async () => {
    const db = fakeDatabase();
    const watchdog = watchDatabase(db.ping);
    await vi.advanceTimersByTimeAsync(1_500);
    db.die();
    // The query starts before the next ping (at 2 s) and is never answered.
    void watchdog.statement(() => new Promise<never>(() => undefined));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(watchdog.stopped()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(watchdog.stopped()).toBe('it did not answer for 20 s');
    watchdog.close();
  });

  test('a worker silent in one step for more than 5 min is taken as stopped', async () => {
    const db = fakeDatabase();
    const watchdog = watchDatabase(db.ping);
    void watchdog.statement(db.longStep, { longSteps: true });
    // The first ping goes at 2 s and waits behind the step.
    await vi.advanceTimersByTimeAsync(300_000);
    expect(watchdog.stopped()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(6_000);
    expect(watchdog.stopped()).toBe('it stayed silent in one step of a statement for more than 5 min');
    watchdog.close();
  });

  test('an error of the worker or a rejected ping is a loss at once', async () => {
    const failing = watchDatabase(() => Promise.reject(new Error('memory access out of bounds')));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(failing.stopped()).toBe('memory access out of bounds');
    failing.close();
    const watchdog = watchDatabase(fakeDatabase().ping);
    watchdog.fail('its worker failed');
    expect(watchdog.stopped()).toBe('its worker failed');
    watchdog.close();
  });
});
