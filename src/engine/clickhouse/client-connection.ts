import { Readable } from 'node:stream';
import { createClient, type ClickHouseSettings } from '@clickhouse/client';
import type { DuckConnection } from '../duckdb/connection';
import { CLICKHOUSE_SETTINGS } from './settings';
import { clickhouseConnection } from './warehouse-connection';

/**
 * A ClickHouse server or cluster through the official HTTP client, from
 * `clickhouse://user:password@host:8123/database` (`clickhouses://` for HTTPS). Working tables are
 * made in that database; the dataset's tables in databases of their own, named with `schemaPrefix`
 * so that engines sharing the warehouse never meet.
 */
export async function openClickHouse(url: string, schemaPrefix: string): Promise<DuckConnection> {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || 'default';
  const client = createClient({
    url: `${u.protocol === 'clickhouses:' ? 'https' : 'http'}://${u.hostname}:${u.port || (u.protocol === 'clickhouses:' ? '8443' : '8123')}`,
    username: decodeURIComponent(u.username) || 'default',
    password: decodeURIComponent(u.password),
    database,
    clickhouse_settings: { ...CLICKHOUSE_SETTINGS, default_format: 'ArrowStream' } as unknown as ClickHouseSettings,
  });
  const ping = await client.ping();
  if (!ping.success) throw new Error(`ClickHouse at ${u.hostname}:${u.port || 8123} does not answer: ${ping.error.message}`);
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
    close: () => client.close(),
  });
  return { ...connection, schemaPrefix };
}
