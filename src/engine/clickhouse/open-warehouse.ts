import type { DuckConnection } from '../duckdb/connection';

/**
 * The connection the engine evaluates on, from a warehouse URL:
 * - `clickhouse://[user[:password]@]host[:port]/database` (`clickhouses://` over HTTPS): a
 *   ClickHouse server or cluster, through the official client;
 * - `chdb://<directory>`: embedded ClickHouse keeping its data in that directory (`chdb://` alone:
 *   a temporary one), for tests and trials.
 * Each connection names its schemas with a prefix of its own, so several engines can share one
 * warehouse; closing it drops its working tables (see docs/running-on-larger-data.md).
 * `dataDatabase` is where `campaign load` writes a data model's tables: the URL's database
 * (`campaign_data` for chdb).
 */
export async function openWarehouse(url: string): Promise<DuckConnection & { dataDatabase: string }> {
  const scheme = /^([a-z]+):\/\//.exec(url)?.[1];
  if (scheme === 'clickhouse' || scheme === 'clickhouses') {
    const { openClickHouse } = await import('./client-connection');
    return openClickHouse(url, `cc_${Math.random().toString(36).slice(2, 8)}_`);
  }
  if (scheme === 'chdb') {
    const { openChdb } = await import('./chdb-connection');
    const dir = url.slice('chdb://'.length);
    return { ...(await openChdb(dir === '' ? undefined : dir)), dataDatabase: 'campaign_data' };
  }
  throw new Error(`Not a warehouse URL: ${url}. Use clickhouse://host:8123/database or chdb://<directory>.`);
}
