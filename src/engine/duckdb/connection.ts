import type { Table } from 'apache-arrow';
import type { SqlDialect } from '../sql/dialect';

/**
 * What the engine needs from DuckDB. Both the Node blocking binding (tests, command line) and the
 * browser's AsyncDuckDB connection satisfy it through thin adapters, so the same engine code runs
 * in both places and gives the same counts.
 */
export interface DuckConnection {
  /**
   * The SQL dialect the database reads; DuckDB when absent. A ClickHouse warehouse answers the
   * same contract (src/engine/clickhouse/), so the engine runs on either.
   */
  dialect?: SqlDialect;
  /**
   * Prefix of the schemas the engine creates (datasets, saved audiences, run history), when the
   * database is shared with other engines (a ClickHouse warehouse, where schemas are databases).
   */
  schemaPrefix?: string;
  /**
   * Prefix of the schemas of saved audiences and run history when they outlive the engine on a
   * shared database (a server on a warehouse keeps them beside the data): `schemaPrefix` otherwise.
   */
  stateSchemaPrefix?: string;
  /** Runs one statement; returns its result (empty for DDL). Rejects with DuckDB's message. */
  query(sql: string): Promise<Table>;
  /** Creates table `schema.name` from Arrow IPC stream bytes (`create`), or appends to it. */
  insertArrowIPC(bytes: Uint8Array, target: { schema: string; name: string; create: boolean }): Promise<void>;
  /**
   * Why the database stopped answering, once it has (its worker failed or went silent); undefined
   * while it works. Only the browser's DuckDB, which runs in a worker of its own, can stop this way.
   */
  stopped?(): string | undefined;
  /** Releases the connection and the database behind it. */
  close(): Promise<void>;
  /**
   * Bytes of DuckDB-WASM's linear memory (its high-water mark: wasm memory only grows), when this
   * DuckDB runs in this thread (Node's blocking binding); measured by the benchmarks.
   */
  wasmMemoryBytes?(): number;
  /**
   * Database files the browser keeps between visits (the origin-private file system), when this
   * DuckDB can use them: see src/engine/kept/.
   */
  files?: DatabaseFiles;
}

/** Database files in the browser's origin-private file system (`opfs://` paths). */
export interface DatabaseFiles {
  /** Writes an empty database at `path`, which DuckDB can then attach. */
  create(path: string): Promise<void>;
  /** Lets DuckDB open `path` and its write-ahead log (they must exist): call before ATTACH. */
  register(path: string): Promise<void>;
  /** Lets go of `path` and its log (after DETACH), so that they can be removed. */
  release(path: string): Promise<void>;
}

/**
 * DuckDB-WASM errors can carry the whole minified bundle in their stack; keep only the message, and
 * only its first lines, which is what a person can act on.
 */
export function duckErrorMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  return raw.split('\n').filter((l) => l.trim() !== '').slice(0, 4).join('\n');
}
