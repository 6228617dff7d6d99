import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { tableFromIPC } from 'apache-arrow';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { duckErrorMessage, type DuckConnection } from './connection';
import { resultToTable } from './native-result-to-arrow';
import { appendTable, duckType } from './native-append-arrow';
import { quoteIdent, sqlLiteral } from '../sql/quote';

export interface NativeDuckDBOptions {
  /**
   * A database file: tables live on disk and DuckDB pages them in, so data larger than memory fits
   * (its spill files go beside it). In memory when absent (DuckDB still spills to a temporary folder).
   */
  path?: string;
  /** Threads DuckDB uses for one query; all cores by default. */
  threads?: number;
  /** DuckDB's memory limit (e.g. `8GB`); DuckDB's default (80% of the machine's memory) when absent. */
  memoryLimit?: string;
}

/**
 * Opens native DuckDB (`@duckdb/node-api`) as a DuckConnection: the server engine's database. It
 * answers with the same Arrow tables as DuckDB-WASM (see native-result-to-arrow.ts) and creates the
 * same column types from Arrow data, so the engine gives the same counts on both.
 *
 * One connection, one statement at a time: the engine's working tables are TEMP tables, which
 * belong to the connection, and DuckDB runs each statement on every thread anyway.
 */
export async function openNativeDuckDB(options: NativeDuckDBOptions = {}): Promise<DuckConnection> {
  const config: Record<string, string> = { threads: String(options.threads ?? availableParallelism()) };
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  const instance = await DuckDBInstance.create(options.path ?? ':memory:', config);
  const conn = await instance.connect();

  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T,>(statement: () => Promise<T>): Promise<T> => {
    const run = () =>
      statement().catch((e: unknown) => {
        // Keep DuckDB's message, as the browser's DuckDB gives it.
        throw new Error(duckErrorMessage(e));
      });
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    query: (sql) =>
      serial(async () => {
        const result = await conn.run(options.path ? storeOnDisk(sql, options.path) : sql);
        return resultToTable(result.columnNames(), result.columnTypes(), await result.getColumns());
      }),
    insertArrowIPC: (bytes, target) => serial(() => insertArrow(conn, bytes, target)),
    close: async () => {
      await queue;
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * With a database file, the engine's compressed store of large tables (attached in memory in the
 * browser, see attachCompressedStore) becomes a file beside it, so that those tables too may be
 * larger than memory. A file left by an earlier start is replaced.
 */
function storeOnDisk(sql: string, path: string): string {
  const attach = /^ATTACH ':memory:' AS "([A-Za-z0-9_]+)" \(COMPRESS\)$/.exec(sql.trim());
  if (!attach) return sql;
  const file = `${path}.${attach[1]}.duckdb`;
  rmSync(file, { force: true });
  rmSync(`${file}.wal`, { force: true });
  return `ATTACH ${sqlLiteral(file)} AS "${attach[1]}"`;
}

/**
 * Creates `target` from the Arrow data's columns (when `create`) and appends its rows. `schema`
 * may name a schema of the main database or an attached database (the engine loads large data into
 * an attached store), as DuckDB resolves `a.b` in SQL.
 */
async function insertArrow(
  conn: DuckDBConnection,
  bytes: Uint8Array,
  target: { schema: string; name: string; create: boolean },
): Promise<void> {
  const table = tableFromIPC(bytes);
  const relation = `${quoteIdent(target.schema)}.${quoteIdent(target.name)}`;
  if (target.create) {
    const columns = table.schema.fields.map((f) => `${quoteIdent(f.name)} ${duckType(f.type, f.name).toString()}`);
    await conn.run(`CREATE TABLE ${relation} (${columns.join(', ')})`);
  }
  const where = await conn.run(
    `SELECT database_name, schema_name FROM duckdb_tables() WHERE table_name = $name AND (schema_name = $schema OR (database_name = $schema AND schema_name = 'main')) ORDER BY schema_name = $schema DESC LIMIT 1`,
    { name: target.name, schema: target.schema },
  );
  const found = (await where.getRowObjectsJS())[0] as { database_name: string; schema_name: string } | undefined;
  if (!found) throw new Error(`Table ${target.schema}.${target.name} does not exist.`);
  const appender = await conn.createAppender(target.name, found.schema_name, found.database_name);
  try {
    appendTable(appender, table);
  } finally {
    appender.closeSync();
  }
}
