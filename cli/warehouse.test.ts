import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { EXIT, runCli } from './run';
import { campaign } from '../src/engine/testing/fixture';

/**
 * The command line on a warehouse (embedded ClickHouse, `chdb://<dir>`): load writes the data
 * model's tables there, and counts computes on them the same numbers as DuckDB.
 */
const dir = mkdtempSync(join(tmpdir(), 'cc-warehouse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const warehouse = `chdb://${join(dir, 'wh')}`;

describe('campaign --warehouse', () => {
  test('load writes the tables; counts on them equal DuckDB counts of the same data', async () => {
    const loaded = await runCli(['load', '--warehouse', warehouse, '--profiles', '1000']);
    expect(loaded.stderr).toBe('');
    expect(JSON.parse(loaded.stdout)).toMatchObject({ database: 'campaign_data', rows: { profiles: 1000 } });
    const onWarehouse = await runCli(['counts', 'bench/reference-campaign.json', '--warehouse', warehouse]);
    const onDuckDB = await runCli(['counts', 'bench/reference-campaign.json', '--profiles', '1000']);
    expect(onWarehouse.code).toBe(EXIT.ok);
    expect(Object.keys(JSON.parse(onWarehouse.stdout)).length).toBeGreaterThan(20);
    expect(onWarehouse.stdout).toBe(onDuckDB.stdout);
  }, 120_000);

  test('trace on the loaded data: the same trace of each record as on DuckDB, simulated channels included', async () => {
    for (const record of ['1', '17', '640']) {
      const onWarehouse = await runCli(['trace', 'bench/reference-campaign.json', '--warehouse', warehouse, '--record', record, '--simulate', '--format', 'json']);
      const onDuckDB = await runCli(['trace', 'bench/reference-campaign.json', '--profiles', '1000', '--record', record, '--simulate', '--format', 'json']);
      expect(onWarehouse.stderr).toBe('');
      expect(onWarehouse.code).toBe(EXIT.ok);
      expect(JSON.parse(onWarehouse.stdout)).toMatchObject({ key: record, found: true });
      expect(onWarehouse.stdout).toBe(onDuckDB.stdout);
    }
  }, 240_000);

  test('sql on a warehouse prints ClickHouse statements; without one, DuckDB statements', async () => {
    const onWarehouse = await runCli(['sql', 'bench/reference-campaign.json', '--warehouse', warehouse]);
    expect(onWarehouse.code).toBe(EXIT.ok);
    expect(onWarehouse.stdout).toMatch(/\nCREATE TABLE wt_[0-9a-f]{16}\nENGINE = Memory AS\nSELECT /);
    expect(onWarehouse.stdout).not.toMatch(/TEMP TABLE/);
    const onDuckDB = await runCli(['sql', 'bench/reference-campaign.json', '--profiles', '1000']);
    expect(onDuckDB.stdout).toMatch(/\nCREATE TEMP TABLE wt_[0-9a-f]{16} AS\nSELECT /);
    expect(onDuckDB.stdout).not.toMatch(/ENGINE = /);
    // One block per activity, in the same order on both.
    const blocks = (text: string) => text.split('\n').filter((l) => /^-- .*\(\S+\)$/.test(l));
    expect(blocks(onWarehouse.stdout)).toEqual(blocks(onDuckDB.stdout));
  }, 120_000);

  test('a statement the warehouse refuses is reported on its activity; the others are counted', async () => {
    const file = join(dir, 'sort-by-link.json');
    const rule = { kind: 'group', id: 'g', combinator: 'and', children: [] };
    const doc = campaign(
      [
        { id: 'q', type: 'build-audience', config: { targetDimension: 'profiles', rule } },
        {
          id: 's',
          type: 'split',
          config: { subsets: [{ id: 'top', label: 'Top', limit: { kind: 'count', value: 5 }, order: { mode: 'sort', field: 'account.name', direction: 'asc' } }] },
        },
        { id: 'e', type: 'end' },
      ],
      [['t1', 'q', 's'], ['t2', 's', 'e', 'top']],
    );
    writeFileSync(file, JSON.stringify(doc));
    // With data of its own: loaded into the warehouse for this command, dropped at its end.
    const out = await runCli(['counts', file, '--warehouse', warehouse, '--profiles', '500']);
    expect(out.code).toBe(EXIT.activityFailed);
    expect(JSON.parse(out.stdout)).toEqual({ t1: 500 });
    expect(out.stderr).toMatch(/^error: .*\(s\): ClickHouse refused the statement: .+ \(NOT_IMPLEMENTED\)\n$/);
  }, 120_000);

  test('load refuses a date the warehouse cannot hold, naming its table, column and row; what was loaded stays', async () => {
    const data = join(dir, 'old-dates');
    cpSync('cli/fixtures/shop-data', data, { recursive: true });
    const customers = readFileSync(join(data, 'customers.csv'), 'utf8').replace('2025-06-01', '1850-06-01');
    writeFileSync(join(data, 'customers.csv'), customers);
    const out = await runCli(['load', '--warehouse', warehouse, '--data', data]);
    expect(out.code).toBe(EXIT.engineFailed);
    expect(out.stderr).toMatch(/^error: .*table customers, column joined, row 2: 1850-06-01 is outside the dates the warehouse holds \(1900-01-01 to 2299-12-31/);
    // The data loaded before is still there, whole.
    const counts = await runCli(['counts', 'bench/reference-campaign.json', '--warehouse', warehouse]);
    expect(counts.code).toBe(EXIT.ok);
    expect(counts.stdout).toBe((await runCli(['counts', 'bench/reference-campaign.json', '--profiles', '1000'])).stdout);
  }, 60_000);

  test('load without a warehouse or without data is a usage error', async () => {
    expect((await runCli(['load', '--profiles', '10'])).code).toBe(EXIT.usage);
    expect((await runCli(['load', '--warehouse', warehouse])).code).toBe(EXIT.usage);
    expect((await runCli(['counts', 'bench/reference-campaign.json', '--warehouse', 'postgres://x'])).stderr).toMatch(/^--warehouse: Not a warehouse URL/);
  });
});
