import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { parseArgs } from 'node:util';
import { createRequestHandler } from '../src/engine/worker-handler';
import type { DuckConnection } from '../src/engine/duckdb/connection';
import { openNativeDuckDB } from '../src/engine/duckdb/native-duckdb';
import { openWarehouse } from '../src/engine/clickhouse/open-warehouse';
import { computeOnWarehouseData } from '../cli/warehouse';
import { decodeImportFile } from '../src/engine/data/csv-import';
import { SAMPLE_SIZES } from '../src/engine/data/sample-dataset';
import { MAX_SAMPLE_PROFILES } from '../src/engine/protocol-schemas';
import type { DataSource, EngineApi, EngineResponse } from '../src/engine/protocol';
import type { DatasetInfo, Engine } from '../src/engine/engine';
import type { RestoreOutcome } from '../src/engine/state/engine-store';
import { createEngineServer } from './http-server';

export const serveUsage = `Usage: npm run serve -- [options]

Starts the engine on native DuckDB and serves its protocol over HTTP (docs/running-on-larger-data.md).

Options:
  --data <dir>          a directory with data-model.json and one <entity>.csv per entity
  --profiles <n>        size of the built-in sample data (default ${SAMPLE_SIZES.default.toLocaleString('en-US')}), instead of --data
  --seed <n>            seed of the sample data (default 42)
  --db <file>           a database file: data larger than memory pages from disk (default: in memory)
  --warehouse <url>     evaluate on ClickHouse (clickhouse://host:8123/db, or chdb://<dir> embedded)
                        instead of native DuckDB; without --data or --profiles, on the data that
                        "campaign load --warehouse" wrote there
  --threads <n>         DuckDB threads (default: every core)
  --port <n>            port (default 7700)
  --host <name>         address to listen on (default 127.0.0.1: this machine only)
  --token <text>        the token requests must carry (default: a new random one at each start)
  --origin <url>        an origin of the app allowed to call the server (repeatable); the dev and
                        preview servers (http://127.0.0.1:5173, :4173, also as localhost) always
                        are; the first one is the app address printed
  --max-request-mb <n>  largest request body (default 64)
`;

/** The app's local servers (Vite's dev and preview), allowed by default, under both host names. */
export const DEFAULT_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173', 'http://localhost:4173', 'http://127.0.0.1:4173'];

export interface ServeOptions {
  data: { kind: 'dir'; dir: string } | { kind: 'sample'; profiles: number; seed: number } | { kind: 'warehouse' };
  db?: string;
  /** A warehouse URL (openWarehouse): the engine evaluates there instead of on native DuckDB. */
  warehouse?: string;
  threads?: number;
  port: number;
  host: string;
  token: string;
  origins: string[];
  maxRequestBytes: number;
  /** The address the app is opened at (for the printed link): the first `--origin`, else the dev server's (`npm start`). */
  appOrigin: string;
}

function whole(text: string | undefined, name: string, fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} expects a whole number from ${min} to ${max.toLocaleString('en-US')}, not “${text}”.`);
  return n;
}

function origin(text: string): string {
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  } catch {
    // reported below
  }
  throw new Error(`--origin expects an address such as http://localhost:5173, not “${text}”.`);
}

/** Reads the command line; throws an Error whose message says what is wrong. */
export function parseServeArgs(argv: string[]): ServeOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      profiles: { type: 'string' },
      seed: { type: 'string' },
      db: { type: 'string' },
      warehouse: { type: 'string' },
      threads: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string' },
      origin: { type: 'string', multiple: true },
      'max-request-mb': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.data !== undefined && values.profiles !== undefined) throw new Error('Give --data or --profiles, not both.');
  if (values.warehouse !== undefined && values.db !== undefined) throw new Error('Give --warehouse or --db, not both: a warehouse keeps its own data.');
  if (values.warehouse !== undefined && !/^(clickhouses?|chdb):\/\//.test(values.warehouse))
    throw new Error(`--warehouse expects clickhouse://host:8123/database or chdb://<directory>, not “${values.warehouse}”.`);
  if (values.token !== undefined && values.token.length < 8) throw new Error('--token needs at least 8 characters.');
  const extra = (values.origin ?? []).map(origin);
  return {
    data:
      values.data !== undefined
        ? { kind: 'dir', dir: values.data }
        : values.warehouse !== undefined && values.profiles === undefined
          ? { kind: 'warehouse' }
          : { kind: 'sample', profiles: whole(values.profiles, 'profiles', SAMPLE_SIZES.default, 1, MAX_SAMPLE_PROFILES), seed: whole(values.seed, 'seed', 42, 0) },
    ...(values.db !== undefined ? { db: values.db } : {}),
    ...(values.warehouse !== undefined ? { warehouse: values.warehouse } : {}),
    ...(values.threads !== undefined ? { threads: whole(values.threads, 'threads', 1, 1, 1024) } : {}),
    port: whole(values.port, 'port', 7700, 0, 65_535),
    host: values.host ?? '127.0.0.1',
    token: values.token ?? randomBytes(24).toString('base64url'),
    origins: [...new Set([...DEFAULT_ORIGINS, ...extra])],
    maxRequestBytes: whole(values['max-request-mb'], 'max-request-mb', 64, 1, 4096) * 1_048_576,
    appOrigin: extra[0] ?? 'http://127.0.0.1:5173',
  };
}

/** A data directory as the `load` request takes it (its files are checked by the engine's import). */
async function directorySource(dir: string): Promise<DataSource> {
  const modelBytes = await readFile(join(dir, 'data-model.json')).catch(() => {
    throw new Error(`${join(dir, 'data-model.json')}: not found`);
  });
  const names = (await readdir(dir)).filter((n) => n.endsWith('.csv')).sort();
  const decoded = [
    { name: 'data-model.json', ...decodeImportFile('data-model.json', modelBytes) },
    ...(await Promise.all(names.map(async (name) => ({ name, ...decodeImportFile(name, await readFile(join(dir, name))) })))),
  ];
  const unreadable = decoded.flatMap((d) => (d.ok ? [] : [`${join(dir, d.problem.file)}:${d.problem.line}:${d.problem.column}: ${d.problem.message}`]));
  if (unreadable.length > 0) throw new Error(unreadable.join('\n'));
  const [model, ...files] = decoded.map((d) => ({ name: d.name, text: d.ok ? d.text : '' }));
  return { kind: 'csv', model: model!.text, files };
}

/** The engine's schemas an earlier start left in a database file (`ds_<n>`): replaced at each start. */
async function clearEarlierData(conn: DuckConnection): Promise<void> {
  const left = await conn.query(`SELECT schema_name AS s FROM duckdb_schemas() WHERE database_name = current_database() AND regexp_matches(schema_name, '^ds_[0-9]+$')`);
  for (const row of left.toArray() as { s: string }[]) await conn.query(`DROP SCHEMA "${row.s}" CASCADE`);
}

export interface RunningServer {
  server: Server;
  url: string;
  /** The address that opens the app connected to this server. */
  appUrl: string;
  dataset: string;
  /** What the database kept from earlier starts (with `--db` or on a warehouse). */
  kept?: RestoreOutcome;
  close(): Promise<void>;
}

/**
 * Opens native DuckDB, loads the data through the engine's own `load` request, then listens. The
 * connection opens behind `openConnection`, so that another database can take its place.
 */
export async function startServer(options: ServeOptions, openConnection?: () => Promise<DuckConnection>): Promise<RunningServer> {
  let connection: DuckConnection | undefined;
  const warehouse = options.warehouse;
  const open =
    openConnection ??
    (warehouse
      ? async () => {
          // Saved audiences and runs are kept beside the data, in databases no engine drops.
          const c = await openWarehouse(warehouse);
          return { ...c, stateSchemaPrefix: `${c.dataDatabase}_` };
        }
      : async () => {
          const c = await openNativeDuckDB({ ...(options.db ? { path: options.db } : {}), ...(options.threads ? { threads: options.threads } : {}) });
          if (options.db) await clearEarlierData(c);
          return c;
        });
  // On a warehouse without --data or --profiles: the data `campaign load --warehouse` wrote there.
  const onLoadedData = options.data.kind === 'warehouse';
  // A database that outlives the process (a file, a warehouse) keeps the saved audiences and runs:
  // a restarted server reads them back before it answers.
  const keepsState = options.db !== undefined || warehouse !== undefined;
  let kept: Promise<RestoreOutcome> | undefined;
  const prepare = async (engine: Engine, c: DuckConnection) => {
    if (keepsState)
      kept = engine.loadKeptState().catch((e: unknown) => ({ audiences: 0, runs: 0, problems: [`The saved audiences and runs kept in the database could not be read: ${e instanceof Error ? e.message : String(e)}`] }));
    await kept;
    if (onLoadedData) await computeOnWarehouseData(engine, c, (c as DuckConnection & { dataDatabase?: string }).dataDatabase ?? 'campaign_data');
  };
  const handle = createRequestHandler(async () => (connection = await open()), {
    ...(onLoadedData || keepsState ? { prepare } : {}),
  });
  let dataset: DatasetInfo;
  if (options.data.kind === 'warehouse') {
    const answer: EngineResponse = await handle({ id: 1, type: 'dataset', params: {} });
    if (!answer.ok) throw new Error(`The warehouse's data could not be read: ${answer.error.message}`);
    dataset = answer.result as DatasetInfo;
  } else {
    const source: DataSource = options.data.kind === 'dir' ? await directorySource(options.data.dir) : { kind: 'sample', profiles: options.data.profiles, seed: options.data.seed };
    const loaded: EngineResponse = await handle({ id: 1, type: 'load', params: { source } });
    if (!loaded.ok) throw new Error(`The data could not be loaded: ${loaded.error.message}`);
    const outcome = loaded.result as EngineApi['load']['result'];
    if (!outcome.ok) {
      const where = options.data.kind === 'dir' ? options.data.dir : '';
      throw new Error(outcome.problems.map((p) => `${join(where, p.file)}${p.line > 0 ? `:${p.line}${p.column > 0 ? `:${p.column}` : ''}` : ''}: ${p.message}`).join('\n'));
    }
    dataset = outcome.dataset;
  }
  const keptState = await kept;
  const sizes = Object.entries(dataset.rowCounts).map(([entity, n]) => `${n.toLocaleString('en-US')} ${entity}`);

  const server = createEngineServer({ handle, token: options.token, origins: options.origins, maxRequestBytes: options.maxRequestBytes });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const appUrl = `${options.appOrigin}/?engine=${encodeURIComponent(url)}&token=${encodeURIComponent(options.token)}`;
  return {
    server,
    url,
    appUrl,
    dataset: `${dataset.model.name}: ${sizes.join(', ')}${warehouse ? ` (on ${warehouse.replace(/\/\/[^@/]*@/, '//')})` : ''}`,
    ...(keptState ? { kept: keptState } : {}),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connection?.close();
    },
  };
}
