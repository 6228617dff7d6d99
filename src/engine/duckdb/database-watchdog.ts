/** How DuckDB's worker is watched (see watchDatabase). */
export interface DatabaseWatchTimes {
  pingEveryMs: number;
  /** How long a ping may go unanswered while no statement is in progress. */
  answerWithinMs: number;
  /** How long one step of a statement may keep the worker silent before it counts as stopped. */
  stepWithinMs: number;
}

export const DATABASE_WATCH_TIMES: DatabaseWatchTimes = { pingEveryMs: 2_000, answerWithinMs: 20_000, stepWithinMs: 300_000 };

export interface DatabaseWatchdog {
  /** Why the database stopped, once it has; undefined while it works. */
  stopped(): string | undefined;
  /** The database reported a failure (its worker's `error` event, a rejected ping). */
  fail(reason: string): void;
  /**
   * Runs one statement, so that the watchdog knows how long the database may stay silent meanwhile:
   * a query runs in short steps and answers a ping between them; `longSteps` (appending a batch of
   * rows) may keep it silent for one long step.
   */
  statement<T>(run: () => Promise<T>, options?: { longSteps?: boolean }): Promise<T>;
  close(): void;
}

const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

/**
 * Watches DuckDB's worker, which answers messages between the steps of a statement (a pending
 * query runs in steps of about 100 ms; appending a batch of rows is one step of seconds). A ping
 * sent while the worker is idle or running a query is answered within a short step by a live
 * worker: unanswered for `answerWithinMs`, the worker is gone (also when it died just before a
 * query began: that query never answers either). A ping sent during a long step waits for it: that
 * is a busy worker, not a lost one, unless the step stays silent past `stepWithinMs` (a worker that
 * died mid-step says nothing, and waiting for ever would leave the counts waiting for good).
 */
export function watchDatabase(ping: () => Promise<unknown>, times: DatabaseWatchTimes = DATABASE_WATCH_TIMES): DatabaseWatchdog {
  let stopped: string | undefined;
  /** The ping awaiting its answer, and whether a long step was in progress when it was sent. */
  let pending: { sentAt: number; duringLongStep: boolean } | undefined;
  /** Statements with long steps in progress, and when the last one ended. */
  let runningLong = 0;
  let longEndedAt = 0;

  const tick = () => {
    if (stopped) return clearInterval(timer);
    const now = Date.now();
    if (pending) {
      if (pending.duringLongStep && runningLong > 0) {
        // Queued behind a long step: busy, unless silent for far too long.
        if (now - pending.sentAt > times.stepWithinMs)
          stopped = `it stayed silent in one step of a statement for more than ${minutes(times.stepWithinMs)}`;
        return;
      }
      // Sent between short steps, or the long step it waited behind is over (its answer comes next).
      const since = pending.duringLongStep ? Math.max(pending.sentAt, longEndedAt) : pending.sentAt;
      if (now - since > times.answerWithinMs) stopped = `it did not answer for ${Math.round(times.answerWithinMs / 1000)} s`;
      return;
    }
    const sent = { sentAt: now, duringLongStep: runningLong > 0 };
    pending = sent;
    ping().then(
      () => {
        if (pending === sent) pending = undefined;
      },
      (e: unknown) => {
        stopped ??= e instanceof Error ? e.message : String(e);
      },
    );
  };
  const timer = setInterval(tick, times.pingEveryMs);

  return {
    stopped: () => stopped,
    fail: (reason) => {
      stopped ??= reason;
    },
    statement: async (run, options) => {
      if (!options?.longSteps) return run();
      runningLong++;
      try {
        return await run();
      } finally {
        runningLong--;
        longEndedAt = Date.now();
      }
    },
    close: () => clearInterval(timer),
  };
}
