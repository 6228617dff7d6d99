import { quoteIdent, sqlLiteral } from './quote';
import type { SqlScalar } from './quote';

/**
 * What differs between the SQL engines a campaign runs on. Activities and the engine state what
 * they want once (a seeded random number, a table made from a query, a column list without some
 * columns...) and the dialect of the connection writes it. Everything not listed here is written
 * in the SQL both engines read alike.
 */
export interface SqlDialect {
  /** `duckdb` or `clickhouse`. */
  readonly name: 'duckdb' | 'clickhouse';
  /** Quotes an identifier taken from the data model. */
  ident(name: string): string;
  /** The one escaping function for user values. */
  literal(value: SqlScalar): string;
  /**
   * An unsigned 64-bit number from the md5 of the text expression `textSql`: its first 16
   * hexadecimal digits read as a big-endian integer. md5 is the same on DuckDB, ClickHouse and
   * Postgres, so every seeded pick is the same on every engine.
   */
  md5Number(textSql: string): string;
}

/** `<key>|<seed>` as text, the input of every seeded pick. */
function seededText(d: SqlDialect, keySql: string, seed: number): string {
  return `CAST(${keySql} AS VARCHAR) || ${d.literal(`|${seed}`)}`;
}

/**
 * A deterministic pseudo-random number per record: the md5 number of `<key>|<seed>`. The same key
 * and seed give the same number on every engine, in Node and in the browser.
 */
export function seededNumber(d: SqlDialect, keySql: string, seed: number): string {
  return d.md5Number(seededText(d, keySql, seed));
}

/** DuckDB, in the browser (WASM) and in Node. */
export const duckdbDialect: SqlDialect = {
  name: 'duckdb',
  ident: quoteIdent,
  literal: sqlLiteral,
  md5Number: (text) => `('0x' || substr(md5(${text}), 1, 16))::UBIGINT`,
};
