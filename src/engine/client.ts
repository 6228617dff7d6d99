import type { CampaignDoc } from '../domain/campaign';
import type { ReportParams, ReportResult } from '../domain/report';
import type { ColumnInfo, CountsResult, DatasetInfo, EventPage, PreviewResult, RecipientValues } from './engine';
import type { EventTableName } from './simulation/event-tables';
import type { CsvFile } from './data/csv-import';
import type { PlainRow } from './rows';
import type {
  DataSource,
  Distribution,
  DatabaseFault,
  EngineApi,
  EngineRequest,
  EngineMessage,
  EngineResponse,
  LoadOutcome,
  RecordedRun,
  RequestType,
  SavedAudiences,
} from './protocol';
import type { RunRecord } from './state/engine-store';
import { WRONG_TOKEN, deserializeError } from './protocol';

/** The part of a Worker the client uses, so that tests can connect it to an in-process handler. */
export interface WorkerLike {
  postMessage(message: EngineRequest | DatabaseFault): void;
  onmessage: ((event: MessageEvent<EngineMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface EngineClientOptions {
  /** Creates the engine worker; defaults to src/engine/worker.ts. */
  createWorker?: () => WorkerLike;
  /**
   * Data loaded when the engine starts; defaults to the sample data (100,000 profiles, seed 42).
   * `null`: the engine holds its own data (a server, loaded when it started), so none is sent.
   */
  initialData?: DataSource | null;
  /**
   * How a lost engine comes back. `restart` (the worker): a new worker loads the same data at once,
   * given up after three losses within two minutes. `reconnect` (a server, see http-transport.ts):
   * the server is pinged after growing delays (`retryDelaysMs`, the last one repeated) until it
   * answers, never given up; the waiting requests are sent again once it does.
   */
  recovery?: 'restart' | 'reconnect';
  /** Delays between reconnection attempts to a server; the last one repeats. */
  retryDelaysMs?: number[];
  /** How the client watches the worker; the defaults suit the app (tests shorten them). */
  watchdog?: Partial<WatchdogTimes>;
}

/** How often the worker is pinged while requests wait, and how long a ping may go unanswered. */
export interface WatchdogTimes {
  pingEveryMs: number;
  /**
   * The worker's message loop answers a ping at once, even while DuckDB computes (DuckDB runs in
   * a worker of its own); only synchronous work in the engine worker delays it, and the worker
   * says so first (see EngineStep).
   */
  answerWithinMs: number;
  /**
   * How long a ping may go unanswered while the worker said it is busy in a step: a worker that
   * died in the middle of one says nothing, so the wait is long but not for ever.
   */
  stepWithinMs: number;
}

const DEFAULT_WATCHDOG: WatchdogTimes = { pingEveryMs: 2_000, answerWithinMs: 30_000, stepWithinMs: 300_000 };

/** Delays between attempts to reach a lost server: quick at first, then every 10 s. */
const DEFAULT_RETRY_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000];

/** Losses of the engine within this window that make the client give up instead of restarting again. */
const GIVE_UP_AFTER = { losses: 3, withinMs: 120_000 };

/**
 * Whether the engine answers: running; restarting after it stopped (its data is being loaded again,
 * and waiting requests are sent again once it is back; `retrying`: a lost server is being asked
 * again); or given up after stopping again and again.
 */
export type EngineHealth =
  | { state: 'running' }
  | { state: 'restarting'; reason: string; retrying?: boolean }
  | { state: 'failed'; reason: string };

/**
 * Profiles of the sample the app starts with: 100,000, unless the build sets
 * `VITE_SAMPLE_PROFILES` (the end-to-end suite builds with 10,000 so that pages which do not
 * look at counts do not spend its machine's time loading data).
 */
const defaultProfiles = Number(import.meta.env?.VITE_SAMPLE_PROFILES) || 100_000;

export const DEFAULT_DATA: DataSource = { kind: 'sample', profiles: defaultProfiles, seed: 42 };

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  type: RequestType;
  /** The message, sent again to a new worker if the engine stops before answering. */
  message: EngineRequest;
  /** The load a (re)start sends first: not sent again, since each start sends its own. */
  internal?: boolean;
}

function abortError(message: string): Error {
  const e = new Error(message);
  e.name = 'AbortError';
  return e;
}

function stoppedError(message: string): Error {
  const e = new Error(message);
  e.name = 'EngineStopped';
  return e;
}

/**
 * Talks to the engine worker. The worker (and DuckDB with it) starts on the first request, not
 * before; every request gets a promise; a newer counts request makes older pending ones reject with
 * an `AbortError` (the worker also stops computing them).
 *
 * The engine can stop: its worker fails (`error`), or it or DuckDB's own worker dies without a word.
 * While requests wait, the client pings the worker; a ping unanswered for `answerWithinMs` (or, while
 * the worker said it is busy in a synchronous step, for `stepWithinMs`), or answered with "the
 * database stopped", is a loss. Then the client starts a new worker, loads the
 * same data into it (whose saved audiences and runs are restored from the browser's storage) and
 * sends the waiting requests again; `health` says so meanwhile. After three losses within two
 * minutes it gives up and rejects what waits, rather than loop.
 */
export class EngineClient {
  private worker: WorkerLike | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private options: EngineClientOptions;
  private times: WatchdogTimes;
  /** The data in use: loaded again into a new worker after a loss (none: the server's own data). */
  private source: DataSource | null;
  /** A lost server: the attempt under way (its ping id) or the timer of the next one. */
  private reconnect: { attempt: number; timer?: ReturnType<typeof setTimeout>; pingId?: number } | undefined;
  private health: EngineHealth = { state: 'running' };
  private readonly listeners = new Set<(health: EngineHealth) => void>();
  private losses: number[] = [];
  private watchdog: ReturnType<typeof setInterval> | undefined;
  /** The ping awaiting its answer: its id and when it was sent. */
  private ping: { id: number; sentAt: number } | undefined;
  /** The synchronous step the worker said it is busy with, and since when (see EngineStep). */
  private step: { what: string; since: number } | undefined;
  /** When the last step ended: a ping that waited behind it is answered after it. */
  private stepEndedAt = 0;
  /** The worker's start is put off (see holdStart): requests wait in `pending` meanwhile. */
  private hold: ReturnType<typeof setTimeout> | undefined;

  constructor(options: EngineClientOptions = {}) {
    this.options = options;
    this.times = { ...DEFAULT_WATCHDOG, ...options.watchdog };
    this.source = options.initialData === undefined ? DEFAULT_DATA : options.initialData;
  }

  /** The data the engine holds, or loads first: known before the engine answers (none: a server's own data). */
  get dataSource(): DataSource | null {
    return this.source;
  }

  /** Whether the engine answers, is restarting or was given up. */
  getHealth = (): EngineHealth => this.health;

  /** Calls `listener` on every change of health; returns the unsubscribe function. */
  subscribe = (listener: (health: EngineHealth) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setHealth(health: EngineHealth): void {
    this.health = health;
    for (const l of this.listeners) l(health);
  }

  /**
   * Puts off the worker's start until `releaseStart()`, or `atMostMs` at the latest. Opening a
   * campaign holds it until its canvas is drawn: the worker's start (DuckDB compiled, the data
   * generated) otherwise competes with the editor's first render for the same cores. Requests made
   * meanwhile wait and are sent once it starts. Does nothing once the worker has started.
   */
  holdStart(atMostMs: number): void {
    if (this.worker || this.hold !== undefined) return;
    this.hold = setTimeout(() => this.releaseStart(), atMostMs);
  }

  /** Starts the worker put off by `holdStart` if a request waits for it (else the next request does). */
  releaseStart(): void {
    if (this.hold === undefined) return;
    clearTimeout(this.hold);
    this.hold = undefined;
    if (this.worker || this.reconnect || this.pending.size === 0 || this.health.state === 'failed') return;
    const worker = this.start();
    for (const p of this.pending.values()) if (!p.internal) worker.postMessage(p.message);
    this.watch();
  }

  /** Whether the worker's start is put off (see holdStart). */
  get startHeld(): boolean {
    return this.hold !== undefined;
  }

  private start(): WorkerLike {
    if (this.worker) return this.worker;
    const worker =
      this.options.createWorker?.() ??
      (new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike);
    worker.onmessage = (event) => {
      if (this.worker === worker) this.receive(event.data);
    };
    worker.onerror = (event) => {
      if (this.worker !== worker) return;
      // A server's transport says which server does not answer; a worker's error needs saying whose it is.
      this.lose(this.options.recovery === 'reconnect' ? event.message : `The engine stopped: ${event.message || 'worker error'}`);
    };
    this.worker = worker;
    // First message: the data to load. Other requests wait for it on the worker's side.
    const source = this.source;
    if (!source) return worker; // a server holds its own data
    const loading = this.request('load', { source }, undefined, true);
    loading.then(
      (outcome) => {
        if (this.worker !== worker || this.health.state !== 'restarting') return;
        if (outcome.ok) this.setHealth({ state: 'running' });
        else this.giveUp('The engine restarted but could not load the data again.');
      },
      () => undefined,
    );
    return worker;
  }

  private receive(message: EngineMessage): void {
    if ('type' in message) {
      this.step = message.what === null ? undefined : { what: message.what, since: Date.now() };
      if (message.what === null) this.stepEndedAt = Date.now();
      return;
    }
    const response: EngineResponse = message;
    if (this.reconnect?.pingId === response.id) return this.reconnected(response);
    if (this.ping?.id === response.id) {
      this.ping = undefined;
      const database = response.ok ? (response.result as EngineApi['ping']['result']).database : undefined;
      if (database) this.lose(`The database stopped: ${database}`);
      return;
    }
    const p = this.pending.get(response.id);
    if (!p) return; // answered after it was cancelled
    this.pending.delete(response.id);
    this.watch();
    if (response.ok) p.resolve(response.result);
    else p.reject(deserializeError(response.error));
  }

  /** Pings the worker while requests wait; a ping left unanswered too long is a loss. */
  private watch(): void {
    if (this.pending.size === 0 || this.health.state === 'failed') {
      clearInterval(this.watchdog);
      this.watchdog = undefined;
      this.ping = undefined;
      return;
    }
    this.watchdog ??= setInterval(() => this.tick(), this.times.pingEveryMs);
  }

  private tick(): void {
    const worker = this.worker;
    if (!worker) return;
    if (this.ping) {
      const now = Date.now();
      const step = this.step;
      if (step) {
        // Busy in a step it announced: the answer comes once the step is done.
        const silent = now - Math.max(this.ping.sentAt, step.since);
        if (silent > this.times.stepWithinMs)
          this.lose(`The engine was busy ${step.what} and did not answer for ${Math.round(this.times.stepWithinMs / 60_000)} min.`);
      } else if (now - Math.max(this.ping.sentAt, this.stepEndedAt) > this.times.answerWithinMs)
        this.lose(`The engine did not answer for ${Math.round(this.times.answerWithinMs / 1000)} s.`);
      return;
    }
    const id = this.nextId++;
    this.ping = { id, sentAt: Date.now() };
    worker.postMessage({ id, type: 'ping', params: {} });
  }

  /**
   * The engine stopped: a new one starts with the same data and the waiting requests are sent to it
   * again, unless it stopped too often lately.
   */
  private lose(reason: string): void {
    if (this.options.recovery === 'reconnect') return this.retryLater(reason);
    const now = Date.now();
    this.losses = [...this.losses.filter((t) => now - t < GIVE_UP_AFTER.withinMs), now];
    this.ping = undefined;
    this.step = undefined;
    const old = this.worker;
    this.worker = undefined;
    try {
      old?.terminate(); // DuckDB's worker, started by it, ends with it
    } catch {
      // already gone
    }
    if (this.losses.length >= GIVE_UP_AFTER.losses) return this.giveUp(`${reason} It stopped ${this.losses.length} times in a row; reload the page.`);
    for (const [id, p] of this.pending) if (p.internal) this.pending.delete(id);
    this.setHealth({ state: 'restarting', reason });
    const worker = this.start();
    for (const p of this.pending.values()) if (!p.internal) worker.postMessage(p.message);
    this.watch();
  }

  /**
   * A lost server: waiting requests stay pending (new ones join them), and the server is pinged
   * after the next delay. A server that answers again gets the waiting requests (after the data the
   * app loaded into it, if any, since a restarted server starts with its own).
   */
  private retryLater(reason: string): void {
    this.ping = undefined;
    this.step = undefined;
    const old = this.worker;
    this.worker = undefined;
    old?.terminate();
    for (const [id, p] of this.pending) if (p.internal) this.pending.delete(id);
    // The first loss waits the shortest delay; each failed attempt the next one.
    const attempt = this.reconnect ? this.reconnect.attempt + 1 : 0;
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    const delay = delays[Math.min(attempt, delays.length - 1)] ?? 1_000;
    clearTimeout(this.reconnect?.timer);
    this.reconnect = { attempt, timer: setTimeout(() => this.tryReconnect(), delay) };
    this.watch();
    this.setHealth({ state: 'restarting', reason: `${reason} Trying again in ${Math.max(1, Math.round(delay / 1000))} s.`, retrying: true });
  }

  private tryReconnect(): void {
    if (!this.reconnect) return;
    const worker =
      this.options.createWorker?.() ??
      (new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike);
    worker.onmessage = (event) => {
      if (this.worker === worker) this.receive(event.data);
    };
    worker.onerror = (event) => {
      if (this.worker === worker) this.retryLater(event.message || 'The engine does not answer.');
    };
    this.worker = worker;
    const pingId = this.nextId++;
    this.reconnect = { attempt: this.reconnect.attempt, pingId };
    worker.postMessage({ id: pingId, type: 'ping', params: {} });
  }

  private reconnected(response: EngineResponse): void {
    const worker = this.worker;
    if (!worker) return;
    // A server that answers but refuses the token is back: its requests say "wrong token" until the
    // right one is given, rather than the client retrying for ever.
    if (!response.ok && response.error.name !== WRONG_TOKEN) return this.retryLater(response.error.message);
    this.reconnect = undefined;
    if (this.source) {
      const loading = this.request('load', { source: this.source }, undefined, true);
      loading.then((outcome) => {
        if (!outcome.ok) this.giveUp('The server is back but could not load the data again.');
      }, () => undefined);
    }
    for (const p of this.pending.values()) if (!p.internal) worker.postMessage(p.message);
    this.setHealth({ state: 'running' });
    this.watch();
  }

  private giveUp(reason: string): void {
    this.setHealth({ state: 'failed', reason });
    this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(stoppedError(reason));
    this.pending.clear();
    this.watch();
  }

  /** Sends one request; `signal` lets the caller stop waiting for it. */
  send<K extends RequestType>(
    type: K,
    params: EngineApi[K]['params'],
    signal?: AbortSignal,
  ): Promise<EngineApi[K]['result']> {
    return this.request(type, params, signal);
  }

  private request<K extends RequestType>(
    type: K,
    params: EngineApi[K]['params'],
    signal: AbortSignal | undefined,
    internal = false,
  ): Promise<EngineApi[K]['result']> {
    if (this.health.state === 'failed') return Promise.reject(stoppedError(this.health.reason));
    // While a lost server is retried, requests wait and are sent once it answers; while the start
    // is held, once it starts.
    const worker = this.reconnect || this.hold !== undefined ? undefined : this.start();
    const id = this.nextId++;
    const message = { id, type, params } as EngineRequest;
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError('cancelled'));
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, type, message, internal });
      signal?.addEventListener('abort', () => {
        if (this.pending.delete(id)) reject(abortError('cancelled'));
        this.watch();
      });
      worker?.postMessage(message);
      this.watch();
    });
  }

  /**
   * Makes the engine fail as a crash would, for the end-to-end suite: `engine` ends the engine
   * worker without telling anyone; `database` asks it to end DuckDB's worker the same way.
   */
  simulateFault(target: 'engine' | 'database'): void {
    if (target === 'engine') this.worker?.terminate();
    else this.worker?.postMessage({ id: 0, type: 'stop-database' });
  }

  /** Exact counts per transition, errors per activity. Supersedes earlier pending counts requests. */
  counts(doc: CampaignDoc, signal?: AbortSignal, options: { simulate?: boolean } = {}): Promise<CountsResult> {
    for (const [id, p] of this.pending) {
      if (p.type !== 'counts') continue;
      this.pending.delete(id);
      p.reject(abortError('superseded by a newer counts request'));
    }
    return this.send('counts', { doc, ...(options.simulate ? { simulate: true } : {}) }, signal);
  }

  preview(doc: CampaignDoc, transitionId: string, limit = 100, signal?: AbortSignal): Promise<PreviewResult> {
    return this.send('preview', { doc, transitionId, limit }, signal);
  }

  /** A page of an event table of the campaign's latest simulation; `csv` asks for the whole table as CSV. */
  events(doc: CampaignDoc, table: EngineApi['events']['params']['table'], page: { offset?: number; limit?: number; csv?: boolean } = {}, signal?: AbortSignal): Promise<EngineApi['events']['result']> {
    return this.send('events', { doc, table, ...page }, signal);
  }

  /** The campaign's report: totals, breakdowns, split comparisons, timeline and funnels (see EngineApi.report). */
  report(doc: CampaignDoc, params: ReportParams = {}, signal?: AbortSignal): Promise<ReportResult> {
    return this.send('report', { doc, ...params }, signal);
  }

  /** The event tables of the campaign's latest simulation, with their row counts. */
  eventTables(doc: CampaignDoc, signal?: AbortSignal): Promise<EngineApi['eventTables']['result']> {
    return this.send('eventTables', { doc }, signal);
  }

  previewSchema(doc: CampaignDoc, transitionId: string, signal?: AbortSignal): Promise<ColumnInfo[]> {
    return this.send('previewSchema', { doc, transitionId }, signal);
  }

  /** Values of a channel's tokens for its recipient at `offset` (see EngineApi.recipientPreview). */
  recipientPreview(doc: CampaignDoc, transitionId: string, paths: string[], offset: number, signal?: AbortSignal): Promise<RecipientValues> {
    return this.send('recipientPreview', { doc, transitionId, paths, offset }, signal);
  }

  /** Values of `paths` for every recipient of a channel (the direct-mail file). */
  mailingRecipients(doc: CampaignDoc, transitionId: string, paths: string[], signal?: AbortSignal): Promise<RecipientValues> {
    return this.send('mailingRecipients', { doc, transitionId, paths }, signal);
  }

  /** The trace of one record through the campaign (see EngineApi.trace). */
  trace(doc: CampaignDoc, key: string, options: { dimension?: string; simulate?: boolean } = {}, signal?: AbortSignal): Promise<EngineApi['trace']['result']> {
    return this.send('trace', { doc, key, ...options }, signal);
  }

  /** Records of the campaign's targeting dimension found by key, email or name (see EngineApi.searchRecords). */
  searchRecords(doc: CampaignDoc, text: string, options: { dimension?: string; limit?: number } = {}, signal?: AbortSignal): Promise<EngineApi['searchRecords']['result']> {
    return this.send('searchRecords', { doc, text, ...options }, signal);
  }

  sql(doc: CampaignDoc, signal?: AbortSignal): Promise<EngineApi['sql']['result']> {
    return this.send('sql', { doc }, signal);
  }

  /** The loaded dataset (resolves once the first load is done). */
  dataset(signal?: AbortSignal): Promise<DatasetInfo> {
    return this.send('dataset', {}, signal);
  }

  /** Replaces the data with the sample data of another size or seed. */
  loadSample(profiles: number, seed = 42): Promise<LoadOutcome> {
    return this.load({ kind: 'sample', profiles, seed });
  }

  /** Imports a data model and one CSV per entity; on problems the current data stays. */
  importCsv(model: string, files: CsvFile[]): Promise<LoadOutcome> {
    return this.load({ kind: 'csv', model, files });
  }

  /** Loads other data; once it is in use, it is what a restarted engine loads again. */
  private async load(source: DataSource): Promise<LoadOutcome> {
    // Loaded into a server too: a restarted server is given it again (see reconnected).
    const outcome = await this.send('load', { source });
    if (outcome.ok) this.source = source;
    return outcome;
  }

  entityRows(entity: string, limit = 100, signal?: AbortSignal): Promise<PlainRow[]> {
    return this.send('entityRows', { entity, limit }, signal);
  }

  distribution(entity: string, field: string, limit = 20, signal?: AbortSignal): Promise<Distribution[]> {
    return this.send('distribution', { entity, field, limit }, signal);
  }

  /**
   * Records a run of the campaign as of `runAt` (now by default): computes it, saves its audiences
   * and remembers each Incremental query's high-water mark, so that its next count has only newer
   * records.
   */
  recordRun(doc: CampaignDoc, runAt?: string): Promise<RecordedRun> {
    return this.send('recordRun', runAt === undefined ? { doc } : { doc, runAt });
  }

  /** The runs of a campaign on the data in use, oldest first. */
  runs(campaignId: string, signal?: AbortSignal): Promise<RunRecord[]> {
    return this.send('runs', { campaignId }, signal);
  }

  /** Every saved audience kept in this browser, with the data it belongs to. */
  savedAudiences(signal?: AbortSignal): Promise<SavedAudiences> {
    return this.send('savedAudiences', {}, signal);
  }

  /** Deletes a saved audience of the dataset `datasetId`; answers the saved audiences left. */
  deleteSavedAudience(datasetId: string, name: string): Promise<SavedAudiences> {
    return this.send('deleteSavedAudience', { datasetId, name });
  }

  /** Clears the run history of a campaign on the data in use; answers how many runs went. */
  clearRuns(campaignId: string): Promise<{ removed: number }> {
    return this.send('clearRuns', { campaignId });
  }

  /** Runs the campaign at a simulated launch as run `runId` (see EngineApi.simulateRun). */
  simulateRun(doc: CampaignDoc, runId: string, launch: string): Promise<EngineApi['simulateRun']['result']> {
    return this.send('simulateRun', { doc, runId, launch });
  }

  /** The runs the engine keeps for a campaign, in launch order. */
  simulatedRuns(campaignId: string, signal?: AbortSignal): Promise<EngineApi['simulatedRuns']['result']> {
    return this.send('simulatedRuns', { campaignId }, signal);
  }

  /** Removes a run and its event tables from the engine. */
  removeSimulatedRun(runId: string): Promise<{ removed: boolean }> {
    return this.send('removeSimulatedRun', { runId });
  }

  /** One event table of a run (feedback, tracking, steps). */
  simulatedRunEvents(runId: string, table: EventTableName, page: { offset?: number; limit?: number; csv?: boolean } = {}, signal?: AbortSignal): Promise<EventPage> {
    return this.send('simulatedRunEvents', { runId, table, ...page }, signal);
  }

  /** The report of one run or across runs. */
  simulatedRunReport(doc: CampaignDoc, runIds: string[], params: ReportParams = {}, signal?: AbortSignal): Promise<ReportResult> {
    return this.send('simulatedRunReport', { doc, runIds, ...params }, signal);
  }

  /**
   * Moves to another engine (the browser's or a server, see engine-choice.ts): the current one is
   * let go, what waits for it rejects as aborted, and the next request starts the new one.
   */
  reconfigure(options: EngineClientOptions): void {
    this.terminate();
    this.options = options;
    this.times = { ...DEFAULT_WATCHDOG, ...options.watchdog };
    this.source = options.initialData === undefined ? DEFAULT_DATA : options.initialData;
    this.losses = [];
    this.setHealth({ state: 'running' });
  }

  /** Stops the worker; pending requests reject. A later request starts a new one. */
  terminate(): void {
    clearTimeout(this.reconnect?.timer);
    this.reconnect = undefined;
    this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(abortError('engine terminated'));
    this.pending.clear();
    this.watch();
  }
}

let shared: EngineClient | undefined;

/**
 * The app's engine client, created on first call (later calls return the same one and ignore
 * their options). Creating it starts nothing: the worker starts with the first request.
 */
export function getEngineClient(options?: EngineClientOptions): EngineClient {
  shared ??= new EngineClient(options);
  return shared;
}
