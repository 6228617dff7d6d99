/** What the editor's save indicator shows. */
export type SaveState = 'saved' | 'saving' | 'error';

export interface AutosaverOptions<T> {
  /** Writes one value; rejections are reported and retried. */
  save: (value: T) => Promise<void>;
  /** Longest time a change waits before it is written. */
  intervalMs?: number;
  /** Wait before retrying after a failed write. */
  retryMs?: number;
  onStateChange?: (state: SaveState, error?: unknown) => void;
  /** Timer functions, injectable for tests. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * Throttled, ordered saving of the latest value. A change is written at most `intervalMs` after
 * it is made, however fast changes keep coming (a throttle, not a debounce: continuous typing must
 * not postpone saving forever). Writes never overlap, so an older value cannot land after a newer
 * one; values superseded while a write is in flight are skipped.
 */
export class Autosaver<T> {
  private pending: { value: T } | undefined;
  private timer: unknown;
  private inFlight: Promise<void> | undefined;
  private state: SaveState = 'saved';
  private disposed = false;
  private readonly intervalMs: number;
  private readonly retryMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: AutosaverOptions<T>) {
    this.intervalMs = options.intervalMs ?? 400;
    this.retryMs = options.retryMs ?? 2000;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** Current state: `saving` while a change is waiting or being written. */
  get saveState(): SaveState {
    return this.state;
  }

  /** Records a change; it is written within `intervalMs`. */
  schedule(value: T): void {
    if (this.disposed) return;
    this.pending = { value };
    this.setState('saving');
    if (this.timer === undefined && !this.inFlight) this.arm(this.intervalMs);
  }

  /** Writes any waiting change now (page hidden, editor closing). Resolves when everything is written. */
  async flush(): Promise<void> {
    this.disarm();
    if (this.inFlight) await this.inFlight;
    if (this.pending) await this.write();
  }

  /** Stops the timers; a waiting change is dropped unless flush() was called first. */
  dispose(): void {
    this.disposed = true;
    this.disarm();
  }

  private arm(ms: number) {
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      void this.write();
    }, ms);
  }

  private disarm() {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
  }

  private write(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const next = this.pending;
    if (!next) return Promise.resolve();
    this.pending = undefined;
    this.inFlight = this.options.save(next.value).then(
      () => {
        this.inFlight = undefined;
        if (this.pending) {
          // Changes made during the write: write them one interval after the previous one.
          if (!this.disposed && this.timer === undefined) this.arm(this.intervalMs);
        } else this.setState('saved');
      },
      (error: unknown) => {
        this.inFlight = undefined;
        this.pending ??= next;
        this.setState('error', error);
        if (!this.disposed && this.timer === undefined) this.arm(this.retryMs);
      },
    );
    return this.inFlight;
  }

  private setState(state: SaveState, error?: unknown) {
    if (state === this.state && state !== 'error') return;
    this.state = state;
    this.options.onStateChange?.(state, error);
  }
}
