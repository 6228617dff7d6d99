import { test, expect } from 'vitest';
import { openNodeDuckDB } from './node-duckdb';
test('opens DuckDB in Node and runs a query', async () => {
  const c = await openNodeDuckDB();
  const t = await c.query('select 41 + 1 as a');
  expect(t.toArray()[0].a).toBe(42);
  await c.close();
});

test('reports the size of its wasm memory, which grows with what the database holds', async () => {
  const c = await openNodeDuckDB();
  const before = c.wasmMemoryBytes!();
  expect(before).toBeGreaterThan(0);
  // 4 million 8-byte numbers: at least 32 MB more.
  await c.query('CREATE TABLE t AS SELECT range AS x FROM range(4000000)');
  expect(c.wasmMemoryBytes!() - before).toBeGreaterThanOrEqual(32 * 2 ** 20);
  await c.close();
});
