import type { DuckConnection } from '../duckdb/connection';
import { openNodeDuckDB } from '../duckdb/node-duckdb';

/** The SQL engines the engine's unit suites run on. */
export type TestEngine = 'duckdb' | 'clickhouse';

/**
 * The engine the harnesses open: DuckDB, or embedded ClickHouse when `CAMPAIGN_TEST_ENGINE` is
 * `clickhouse` (the `clickhouse` test project runs the activity suites that way: the same
 * hand-computed expected rows must hold on both engines).
 */
export function testEngine(): TestEngine {
  return process.env.CAMPAIGN_TEST_ENGINE === 'clickhouse' ? 'clickhouse' : 'duckdb';
}

/** A fresh connection on the test engine. */
export async function openTestConnection(engine: TestEngine = testEngine()): Promise<DuckConnection> {
  if (engine === 'duckdb') return openNodeDuckDB();
  const { openChdb } = await import('../clickhouse/chdb-connection');
  return openChdb();
}
