import { Engine } from './engine';
import type { DuckConnection } from './duckdb/connection';
import { sampleDataset } from './data/sample-dataset';
import { generateAhead } from './data/generate-ahead';
import { importCsvDataset } from './data/csv-import';
import type { Dataset } from './data/dataset';
import type { DatasetInfo } from './engine';
import type { DataSource, EngineApi, EngineRequest, EngineResponse, LoadOutcome } from './protocol';
import { serializeError } from './protocol';
import { checkRequest } from './protocol-schemas';
import type { StateStorage } from './state/state-storage';
import { describeDataset } from './state/dataset-label';
import { listSavedAudiences } from './state/list-saved-audiences';
import { announceSteps, inStep, type StepListener } from './data/announce-steps';
import { KeptData, isKept } from './kept/kept-data';
import type { KeptStorage } from './kept/kept-storage';

export interface RequestHandlerOptions {
  /** Where saved audiences and runs are kept between sessions (IndexedDB in the browser). */
  storage?: StateStorage;
  /**
   * Told of synchronous work that keeps the worker from answering (reading CSV files, making a
   * batch of rows), so that the client can tell a busy worker from a lost one (see EngineStep).
   */
  onStep?: StepListener;
  /**
   * Where the sample data in use is kept between visits (the origin-private file system in the
   * browser), when the database can attach files there: see kept/kept-data.ts.
   */
  keptStorage?: KeptStorage;
  /**
   * Prepares a new engine from what its database already holds: data instead of waiting for a
   * `load` (a server on a warehouse that `campaign load` filled), the saved audiences and runs of
   * earlier starts (a server on a `--db` file or a warehouse); requests wait for it as for a first load.
   */
  prepare?: (engine: Engine, connection: DuckConnection) => Promise<unknown>;
}

/**
 * The engine's side of the protocol, independent of how DuckDB is opened and of how requests
 * arrive: the browser's engine worker (DuckDB-WASM) and the server (native DuckDB, over HTTP) both
 * answer through it, and Node tests too. Every request is checked against its schema first
 * (protocol-schemas.ts): a malformed one is answered with an error naming the field. DuckDB opens
 * on the first request; requests run concurrently and the engine orders their statements.
 */
export function createRequestHandler(
  openConnection: () => Promise<DuckConnection>,
  options: RequestHandlerOptions = {},
): (request: EngineRequest | unknown) => Promise<EngineResponse> {
  let engine: Promise<Engine> | undefined;
  /** The database, once open: a ping asks it whether it still answers. */
  let connection: DuckConnection | undefined;
  let firstLoad: Promise<unknown> | undefined;
  /** Problems met restoring the state of the data in use. */
  let restoreProblems: string[] = [];
  /** The kept data, once the database is open (when it can keep data at all). */
  let kept: KeptData | undefined;
  const getEngine = () =>
    (engine ??= openConnection().then((c) => {
      connection = c;
      const e = new Engine(c);
      if (options.storage) e.keepStateIn(options.storage);
      if (options.keptStorage) {
        kept = new KeptData(c, c.files, options.keptStorage);
        e.keepDataIn(kept);
      }
      // Also when a `load` came first (it is then the first load): requests wait for both.
      if (options.prepare) {
        const prepared = options.prepare(e, c);
        firstLoad = firstLoad ? Promise.all([firstLoad, prepared]) : prepared;
      }
      return e;
    }));
  /** Whether the browser kept this dataset at an earlier visit (asked before the database opens). */
  const keptEarlier = (datasetId: string) => (options.keptStorage ? isKept(options.keptStorage, datasetId) : Promise.resolve(false));

  /** Loads a dataset, then brings back its saved audiences and runs; a failed restore never fails the load. */
  async function loadAndRestore(e: Engine, dataset: Dataset, label: string, loaded?: Promise<DatasetInfo>): Promise<LoadOutcome> {
    const info = await (loaded ?? e.loadDataset(dataset));
    try {
      const state = await e.restoreState(label);
      restoreProblems = state.problems;
      return { ok: true, dataset: info, state };
    } catch (error) {
      restoreProblems = [
        `The saved audiences and runs of this data could not be restored: ${error instanceof Error ? error.message : String(error)}`,
      ];
      return { ok: true, dataset: info, state: { audiences: 0, runs: 0, problems: restoreProblems } };
    }
  }

  async function load(source: DataSource): Promise<LoadOutcome> {
    if (source.kind === 'sample') {
      const sample = sampleDataset({ profiles: source.profiles, seed: source.seed });
      const label = describeDataset(sample.id);
      const opening = getEngine();
      // Kept at an earlier visit: opened from the browser's storage, nothing generated or loaded.
      if (await keptEarlier(sample.id)) {
        const e = await opening;
        const found = await kept?.reopen(sample.id);
        if (found) return loadAndRestore(e, sample, label, e.reopenDataset(sample, found));
      }
      // The sample's first table is generated while DuckDB starts in its own worker.
      const dataset = await generateAhead(announceSteps(sample, options.onStep), opening);
      return loadAndRestore(await opening, dataset, label);
    }
    const e = await getEngine();
    const imported = inStep(options.onStep, 'reading the CSV files', () => importCsvDataset(source.model, source.files));
    if (!imported.ok) return { ok: false, problems: imported.problems };
    const sizes = Object.entries(imported.rowCounts).map(
      ([entity, n]) => `${n.toLocaleString('en-US')} ${entity}`,
    );
    // Imported data is not kept: a new visit starts from the sample data or the address's.
    const dataset = announceSteps(imported.dataset, options.onStep);
    return loadAndRestore(e, dataset, `Imported data “${imported.dataset.model.name}”: ${sizes.join(', ')}`, e.loadDataset(dataset, { keep: false }));
  }

  /** Requests other than `load` wait for the first load, so that early requests are not refused. */
  async function ready(): Promise<Engine> {
    const e = await getEngine();
    if (firstLoad) await firstLoad.catch(() => undefined);
    return e;
  }

  async function run(request: EngineRequest): Promise<EngineApi[EngineRequest['type']]['result']> {
    switch (request.type) {
      case 'ping': {
        // Answered at once, whatever else runs: the client's sign that this worker lives.
        const database = connection?.stopped?.();
        return database === undefined ? {} : { database };
      }
      case 'load': {
        const p = load(request.params.source);
        firstLoad ??= p;
        return p;
      }
      case 'dataset': {
        const e = await ready();
        const d = e.dataset;
        if (!d) throw Object.assign(new Error('No data is loaded yet.'), { name: 'EngineError' });
        return d;
      }
      case 'counts':
        // Counting writes nothing (saved audiences are written by runs), so it waits for no storage.
        return (await ready()).counts(request.params.doc, { simulate: request.params.simulate === true });
      case 'preview':
        return (await ready()).preview(request.params.doc, request.params.transitionId, request.params.limit);
      case 'events': {
        const { doc, table, ...page } = request.params;
        return (await ready()).events(doc, table, page);
      }
      case 'report': {
        const { doc, ...params } = request.params;
        return (await ready()).report(doc, params);
      }
      case 'eventTables':
        return (await ready()).eventTables(request.params.doc);
      case 'previewSchema':
        return (await ready()).previewSchema(request.params.doc, request.params.transitionId);
      case 'recipientPreview': {
        const { doc, transitionId, paths, offset } = request.params;
        return (await ready()).recipientValues(doc, transitionId, paths, offset, 1);
      }
      case 'mailingRecipients':
        return (await ready()).recipientValues(request.params.doc, request.params.transitionId, request.params.paths);
      case 'trace': {
        const { doc, key, ...options } = request.params;
        return (await ready()).trace(doc, key, options);
      }
      case 'searchRecords': {
        const { doc, text, ...options } = request.params;
        return (await ready()).searchRecords(doc, text, options);
      }
      case 'sql':
        return (await ready()).sql(request.params.doc);
      case 'entityRows':
        return (await ready()).entityRows(request.params.entity, request.params.limit);
      case 'distribution':
        return (await ready()).distribution(
          request.params.entity,
          request.params.field,
          request.params.limit,
        );
      case 'recordRun': {
        const e = await ready();
        const recorded = await e.recordRun(request.params.doc, request.params.runAt);
        await e.stateWritten();
        return recorded;
      }
      case 'runs':
        return (await ready()).runs(request.params.campaignId);
      case 'savedAudiences': {
        const e = await ready();
        const written = await e.stateWritten();
        return listSavedAudiences(e, options.storage, [...restoreProblems, ...(written ? [written] : [])]);
      }
      case 'deleteSavedAudience': {
        const e = await ready();
        await e.deleteSavedAudience(request.params.datasetId, request.params.name);
        return listSavedAudiences(e, options.storage, [...restoreProblems]);
      }
      case 'clearRuns': {
        const e = await ready();
        return { removed: await e.clearRuns(request.params.campaignId) };
      }
      case 'simulateRun': {
        const e = await ready();
        const result = await e.simulateRun(request.params.doc, request.params.runId, request.params.launch);
        // A run may write saved audiences: answer once they reached the storage.
        await e.stateWritten();
        return result;
      }
      case 'simulatedRuns':
        return (await ready()).simulatedRuns(request.params.campaignId);
      case 'removeSimulatedRun':
        return { removed: await (await ready()).removeSimulatedRun(request.params.runId) };
      case 'simulatedRunEvents': {
        const { runId, table, ...page } = request.params;
        return (await ready()).simulatedRunEvents(runId, table, page);
      }
      case 'simulatedRunReport': {
        const { doc, runIds, ...params } = request.params;
        return (await ready()).simulatedRunReport(doc, runIds, params);
      }
    }
  }

  return async (message) => {
    const raw = (typeof message === 'object' && message !== null ? (message as { id?: unknown }).id : undefined) ?? 0;
    const id = typeof raw === 'number' ? raw : 0;
    try {
      const request = checkRequest(message);
      return { id, ok: true, result: await run(request) };
    } catch (e) {
      return { id, ok: false, error: serializeError(e) };
    }
  };
}
