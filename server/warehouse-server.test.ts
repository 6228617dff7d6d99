import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../cli/run';
import { parseServeArgs, startServer } from './start';

/**
 * `npm run serve -- --warehouse <url>`: the engine server evaluates on ClickHouse (embedded here,
 * `chdb://<dir>`), on the data `campaign load --warehouse` wrote there, and answers the same counts
 * and traces as the command line on DuckDB.
 */
const dir = mkdtempSync(join(tmpdir(), 'cc-serve-warehouse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const warehouse = `chdb://${join(dir, 'wh')}`;
const TOKEN = 'warehouse-token-42';

describe('serve --warehouse', () => {
  test('counts over HTTP on the warehouse data equal the DuckDB counts of the same data', async () => {
    expect((await runCli(['load', '--warehouse', warehouse, '--profiles', '800'])).stderr).toBe('');
    const running = await startServer(parseServeArgs(['--warehouse', warehouse, '--port', '0', '--token', TOKEN]));
    try {
      expect(running.dataset).toMatch(/800 profiles/);
      const doc = JSON.parse(readFileSync('bench/reference-campaign.json', 'utf8'));
      const res = await fetch(`${running.url}/rpc`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ id: 1, type: 'counts', params: { doc } }) });
      const answer = (await res.json()) as { ok: boolean; result: { counts: Record<string, number>; errors: Record<string, string> } };
      expect(answer.ok).toBe(true);
      expect(answer.result.errors).toEqual({});
      // The trace of a record, asked of the server, is the one the command line computes on DuckDB.
      const traced = await fetch(`${running.url}/rpc`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ id: 2, type: 'trace', params: { doc, key: '5' } }) });
      const trace = (await traced.json()) as { ok: boolean; result: Record<string, unknown> };
      expect(trace.ok).toBe(true);
      const onDuckDB = JSON.parse((await runCli(['counts', 'bench/reference-campaign.json', '--profiles', '800'])).stdout) as Record<string, number>;
      expect(Object.keys(answer.result.counts).length).toBeGreaterThan(20);
      expect(answer.result.counts).toEqual(onDuckDB);
      const { elapsedMs: _elapsed, ...stable } = trace.result;
      expect(stable).toEqual(JSON.parse((await runCli(['trace', 'bench/reference-campaign.json', '--profiles', '800', '--record', '5', '--format', 'json'])).stdout));
    } finally {
      await running.close();
    }
  }, 180_000);

  test('a warehouse with a database file, or a URL that is not one, is refused with what to give', () => {
    expect(() => parseServeArgs(['--warehouse', warehouse, '--db', 'x.duckdb'])).toThrow(/--warehouse or --db/);
    expect(() => parseServeArgs(['--warehouse', 'postgres://h/db'])).toThrow(/--warehouse expects clickhouse:\/\//);
  });
});
