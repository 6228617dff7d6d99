import { Bool, DataType, Table, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import type { Dictionary, Field } from 'apache-arrow';
import type { DuckConnection } from '../duckdb/connection';
import { clickhouseDialect } from '../sql/dialect';
import { quoteIdent } from '../sql/quote';
import { clickhouseColumns } from './arrow-columns';

/** What a ClickHouse connection needs from the embedded engine or from the HTTP client. */
export interface ClickHouseTransport {
  /** Runs one statement; returns its result as Arrow IPC stream bytes (empty for DDL). */
  run(sql: string): Promise<Uint8Array>;
  /** Appends Arrow IPC stream bytes to an existing table (`table (columns)`). */
  insertArrow(table: string, bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/**
 * A connection on ClickHouse with the engine's contract (DuckConnection): Arrow tables with the
 * same JavaScript values as DuckDB's (BIGINT as bigint, DATE as days, TIMESTAMP as wall-clock
 * microseconds), tables loaded from Arrow bytes, and ClickHouse's own reason when it refuses a
 * statement, which the engine shows on the activity that wrote it.
 */
export function clickhouseConnection(transport: ClickHouseTransport): DuckConnection {
  return {
    dialect: clickhouseDialect,
    query: async (sql) => {
      let bytes: Uint8Array;
      try {
        bytes = await transport.run(sql);
      } catch (e) {
        throw new Error(clickhouseErrorMessage(e), { cause: e });
      }
      return bytes.byteLength === 0 ? new Table() : tableFromIPC(bytes);
    },
    insertArrowIPC: async (bytes, target) => {
      const table = `${quoteIdent(target.schema)}.${quoteIdent(target.name)}`;
      try {
        if (target.create) {
          const schema = tableFromIPC(bytes).schema;
          await transport.run(`CREATE TABLE ${table} (${clickhouseColumns(schema)}) ENGINE = MergeTree ORDER BY tuple()`);
        }
        const insert = insertable(bytes);
        await transport.insertArrow(`${table} (${insert.columns.map(quoteIdent).join(', ')})`, insert.bytes);
      } catch (e) {
        throw new Error(clickhouseErrorMessage(e), { cause: e });
      }
    },
    close: () => transport.close(),
  };
}

/**
 * ClickHouse's reason for refusing a statement, as a person can act on it: without the error
 * code's preamble, the echo of the whole statement, or the server's stack trace; with the name of
 * the error (`UNKNOWN_FUNCTION`), which is what a search finds.
 */
export function clickhouseErrorMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  // The HTTP client parses the server's text into its message and the error's name (`type`);
  // embedded ClickHouse leaves the name in the text.
  const type = (e as { type?: unknown } | null)?.type;
  const name = (typeof type === 'string' && /^[A-Z_]{3,}$/.test(type) ? type : undefined) ?? /\(([A-Z_]{3,})\)(?:\s*\(version [^)]*\))?\s*$/.exec(raw.trim())?.[1];
  let text = raw
    .replace(/^Code: \d+\.\s*/, '')
    .replace(/^DB::Exception:\s*/, '')
    .replace(/\s*In scope [\s\S]*$/, '')
    .replace(/\s*Stack trace[\s\S]*$/, '')
    .replace(/\s*\([A-Z_]{3,}\)(?:\s*\(version [^)]*\))?\s*$/, '')
    .trim();
  if (text.length > 400) text = `${text.slice(0, 400)}…`;
  return `ClickHouse refused the statement: ${text}${name ? ` (${name})` : ''}`;
}

/**
 * The bytes as ClickHouse's Arrow reader takes them, and the columns they hold:
 * - apache-arrow writes a boolean column whose values are all NULL without its values buffer,
 *   which the reader refuses: such columns are left out (they are NULL anyway);
 * - the reader refuses a dictionary that holds a value twice (the sample data's text columns
 *   share one dictionary per batch): dictionary columns are written as plain values.
 */
function insertable(bytes: Uint8Array): { bytes: Uint8Array; columns: string[] } {
  const table = tableFromIPC(bytes);
  const names = table.schema.fields.map((f) => f.name);
  const nullBoolean = (f: Field) => f.type instanceof Bool && table.numRows > 0 && table.getChild(f.name)!.nullCount === table.numRows;
  const fields = table.schema.fields.filter((f) => !nullBoolean(f));
  if (fields.length === names.length && !fields.some((f) => DataType.isDictionary(f.type))) return { bytes, columns: names };
  const columns = Object.fromEntries(
    fields.map((f) => {
      const v = table.getChild(f.name)!;
      return [f.name, DataType.isDictionary(f.type) ? vectorFromArray(Array.from(v) as unknown[], (f.type as Dictionary).dictionary) : v];
    }),
  );
  return { bytes: tableToIPC(new Table(columns), 'stream'), columns: fields.map((f) => f.name) };
}
