import { test, expect } from 'vitest';
import { openNodeDuckDB } from './node-duckdb';
test('opens DuckDB in Node and runs a query', async () => {
  const c = await openNodeDuckDB();
  const t = await c.query('select 41 + 1 as a');
  expect(t.toArray()[0].a).toBe(42);
  await c.close();
});
