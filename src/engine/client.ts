import type { CampaignDoc } from '../domain/campaign';
import type { ColumnInfo, CountsResult, DatasetInfo, PreviewResult } from './engine';
import type { CsvFile } from './data/csv-import';
import type { PlainRow } from './rows';
import type {
  DataSource,
  Distribution,
  EngineApi,
  EngineRequest,
  EngineResponse,
  LoadOutcome,
  RecordedRun,
  RequestType,
  SavedAudiences,
} from './protocol';
import type { RunRecord } from './state/engine-store';
import { deserializeError } from './protocol';

/** The part of a Worker the client uses, so that tests can connect it to an in-process handler. */
export interface WorkerLike {
  postMessage(message: EngineRequest): void;
  onmessage: ((event: MessageEvent<EngineResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface EngineClientOptions {
  /** Creates the engine worker; defaults to src/engine/worker.ts. */
  createWorker?: () => WorkerLike;
  /** Data loaded when the engine starts; defaults to the sample data (100,000 profiles, seed 42). */
  initialData?: DataSource;
}

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
}

function abortError(message: string): Error {
  const e = new Error(message);
  e.name = 'AbortError';
  return e;
}

/**
 * Talks to the engine worker. The worker (and DuckDB with it) starts on the first request, not
 * before; every request gets a promise; a newer counts request makes older pending ones reject with
 * an `AbortError` (the worker also stops computing them).
 */
export class EngineClient {
  private worker: WorkerLike | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly options: EngineClientOptions;

  constructor(options: EngineClientOptions = {}) {
    this.options = options;
  }

  private start(): WorkerLike {
    if (this.worker) return this.worker;
    const worker =
      this.options.createWorker?.() ??
      (new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike);
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      const error = new Error(`The engine stopped: ${event.message || 'worker error'}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    this.worker = worker;
    // First message: the data to load. Other requests wait for it on the worker's side.
    this.send('load', { source: this.options.initialData ?? DEFAULT_DATA }).catch(() => undefined);
    return worker;
  }

  private receive(response: EngineResponse): void {
    const p = this.pending.get(response.id);
    if (!p) return; // answered after it was cancelled
    this.pending.delete(response.id);
    if (response.ok) p.resolve(response.result);
    else p.reject(deserializeError(response.error));
  }

  /** Sends one request; `signal` lets the caller stop waiting for it. */
  send<K extends RequestType>(
    type: K,
    params: EngineApi[K]['params'],
    signal?: AbortSignal,
  ): Promise<EngineApi[K]['result']> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError('cancelled'));
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, type });
      signal?.addEventListener('abort', () => {
        if (this.pending.delete(id)) reject(abortError('cancelled'));
      });
      worker.postMessage({ id, type, params } as EngineRequest);
    });
  }

  /** Exact counts per transition, errors per activity. Supersedes earlier pending counts requests. */
  counts(doc: CampaignDoc, signal?: AbortSignal): Promise<CountsResult> {
    for (const [id, p] of this.pending) {
      if (p.type !== 'counts') continue;
      this.pending.delete(id);
      p.reject(abortError('superseded by a newer counts request'));
    }
    return this.send('counts', { doc }, signal);
  }

  preview(doc: CampaignDoc, transitionId: string, limit = 100, signal?: AbortSignal): Promise<PreviewResult> {
    return this.send('preview', { doc, transitionId, limit }, signal);
  }

  previewSchema(doc: CampaignDoc, transitionId: string, signal?: AbortSignal): Promise<ColumnInfo[]> {
    return this.send('previewSchema', { doc, transitionId }, signal);
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
    return this.send('load', { source: { kind: 'sample', profiles, seed } });
  }

  /** Imports a data model and one CSV per entity; on problems the current data stays. */
  importCsv(model: string, files: CsvFile[]): Promise<LoadOutcome> {
    return this.send('load', { source: { kind: 'csv', model, files } });
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

  /** Stops the worker; pending requests reject. A later request starts a new one. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(abortError('engine terminated'));
    this.pending.clear();
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
