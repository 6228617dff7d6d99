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

/**
 * `test`, or on ClickHouse `test.fails` for a case ClickHouse is known to refuse (the reason is in
 * docs/running-on-larger-data.md): the case still runs there, and the day ClickHouse computes it,
 * the test reports it so that the exception is removed.
 */
export function refusedOnClickHouse<T extends { fails: unknown }>(test: T): T | T['fails'] {
  return testEngine() === 'clickhouse' ? test.fails : test;
}
