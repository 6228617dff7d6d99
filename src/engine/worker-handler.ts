import { Engine } from './engine';
import type { DuckConnection } from './duckdb/connection';
import { sampleDataset } from './data/sample-dataset';
import { importCsvDataset } from './data/csv-import';
import type { DataSource, EngineApi, EngineRequest, EngineResponse, LoadOutcome } from './protocol';
import { serializeError } from './protocol';

/**
 * The worker's side of the protocol, independent of how DuckDB is opened so that it runs in Node
 * tests as well as in the browser worker. DuckDB opens on the first request; requests run
 * concurrently and the engine orders their statements.
 */
export function createRequestHandler(openConnection: () => Promise<DuckConnection>): (request: EngineRequest) => Promise<EngineResponse> {
  let engine: Promise<Engine> | undefined;
  let firstLoad: Promise<unknown> | undefined;
  const getEngine = () => (engine ??= openConnection().then((c) => new Engine(c)));

  async function load(source: DataSource): Promise<LoadOutcome> {
    const e = await getEngine();
    if (source.kind === 'sample') return { ok: true, dataset: await e.loadDataset(sampleDataset({ profiles: source.profiles, seed: source.seed })) };
    const imported = importCsvDataset(source.model, source.files);
    if (!imported.ok) return { ok: false, problems: imported.problems };
    return { ok: true, dataset: await e.loadDataset(imported.dataset) };
  }

  /** Requests other than `load` wait for the first load, so that early requests are not refused. */
  async function ready(): Promise<Engine> {
    const e = await getEngine();
    if (firstLoad) await firstLoad.catch(() => undefined);
    return e;
  }

  async function run(request: EngineRequest): Promise<EngineApi[EngineRequest['type']]['result']> {
    switch (request.type) {
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
        return (await ready()).counts(request.params.doc);
      case 'preview':
        return (await ready()).preview(request.params.doc, request.params.transitionId, request.params.limit);
      case 'previewSchema':
        return (await ready()).previewSchema(request.params.doc, request.params.transitionId);
      case 'sql':
        return (await ready()).sql(request.params.doc);
      case 'entityRows':
        return (await ready()).entityRows(request.params.entity, request.params.limit);
      case 'distribution':
        return (await ready()).distribution(request.params.entity, request.params.field, request.params.limit);
    }
  }

  return async (request) => {
    try {
      return { id: request.id, ok: true, result: await run(request) };
    } catch (e) {
      return { id: request.id, ok: false, error: serializeError(e) };
    }
  };
}
