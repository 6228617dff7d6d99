import { Readable } from 'node:stream';
import { createClient, type ClickHouseSettings } from '@clickhouse/client';
import type { DuckConnection } from '../duckdb/connection';
import { CLICKHOUSE_SETTINGS } from './settings';
import { clickhouseConnection, clickhouseErrorMessage } from './warehouse-connection';
import { quoteIdent } from '../sql/quote';

/**
 * A ClickHouse server or cluster through the official HTTP client, from
 * `clickhouse://user:password@host:8123/database` (`clickhouses://` for HTTPS). The URL's database
 * holds the data a `load` wrote (`dataDatabase`). This connection's working tables live in a
 * database of its own (`<schemaPrefix>work`), and the datasets it loads itself in databases named
 * with `schemaPrefix`, so that engines sharing the warehouse never meet; closing drops them all.
 */
export async function openClickHouse(url: string, schemaPrefix: string): Promise<DuckConnection & { dataDatabase: string }> {
  const u = new URL(url);
  const dataDatabase = decodeURIComponent(u.pathname.replace(/^\//, '')) || 'default';
  const database = `${schemaPrefix}work`;
  const base = createClient({
    url: `${u.protocol === 'clickhouses:' ? 'https' : 'http'}://${u.hostname}:${u.port || (u.protocol === 'clickhouses:' ? '8443' : '8123')}`,
    username: decodeURIComponent(u.username) || 'default',
    password: decodeURIComponent(u.password),
  });
  try {
    await base.command({ query: `CREATE DATABASE IF NOT EXISTS ${quoteIdent(database)}` });
  } catch (e) {
    throw new Error(`ClickHouse at ${u.hostname}:${u.port || 8123}: ${clickhouseErrorMessage(e)}`, { cause: e });
  } finally {
    await base.close();
  }
  const client = createClient({
    url: `${u.protocol === 'clickhouses:' ? 'https' : 'http'}://${u.hostname}:${u.port || (u.protocol === 'clickhouses:' ? '8443' : '8123')}`,
    username: decodeURIComponent(u.username) || 'default',
    password: decodeURIComponent(u.password),
    database,
    clickhouse_settings: { ...CLICKHOUSE_SETTINGS, default_format: 'ArrowStream' } as unknown as ClickHouseSettings,
  });
  const connection = clickhouseConnection({
    run: async (sql) => {
      const result = await client.exec({ query: sql });
      const chunks: Buffer[] = [];
      for await (const chunk of result.stream as AsyncIterable<Buffer>) chunks.push(chunk);
      return new Uint8Array(Buffer.concat(chunks));
    },
    insertArrow: async (table, bytes) => {
      const result = await client.exec({ query: `INSERT INTO ${table} FORMAT ArrowStream`, values: Readable.from([Buffer.from(bytes)]) });
      result.stream.destroy();
    },
    close: async () => {
      // Everything this connection made: its working tables' database and the datasets it loaded.
      const listed = await client.query({ query: `SELECT name FROM system.databases WHERE startsWith(name, {prefix:String})`, query_params: { prefix: schemaPrefix }, format: 'JSONEachRow' });
      for (const row of await listed.json<{ name: string }>()) await client.command({ query: `DROP DATABASE IF EXISTS ${quoteIdent(row.name)}` }).catch(() => undefined);
      await client.close();
    },
  });
  return { ...connection, schemaPrefix, dataDatabase };
}
