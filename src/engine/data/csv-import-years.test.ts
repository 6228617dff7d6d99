import { describe, expect, test } from 'vitest';
import { importCsvDataset } from './csv-import';
import { Engine } from '../engine';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import { campaign } from '../testing/fixture';
import type { AttributeCondition } from '../../domain/rule';

/**
 * Dates and date-times across the whole range of accepted years go into DuckDB and come back
 * unchanged. Seconds since 1970 of the years before 1901 and after 2038 do not fit in 32 bits: a
 * 32-bit column turned 2040-01-01 12:00:00 into 1903-11-26 05:31:44.
 */
const model = JSON.stringify({
  name: 'Years',
  referenceDate: '2025-06-30',
  entities: [
    {
      name: 'people',
      primaryKey: 'id',
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'born', type: 'date' },
        { name: 'seen', type: 'timestamp' },
      ],
    },
  ],
  dimensions: [{ entity: 'people' }],
});

const rows = [
  [1, '0001-01-01', '0001-01-01 00:00:00'],
  [2, '1890-05-05', '1890-05-05 08:15:30'],
  [3, '1899-12-31', '1899-12-31 23:59:59'],
  [4, '1970-01-01', '1970-01-01 00:00:00'],
  [5, '1969-12-31', '1969-12-31 23:59:59'],
  [6, '2038-01-19', '2038-01-19 03:14:08'],
  [7, '2039-06-15', '2039-06-15 12:00:00'],
  [8, '2040-01-01', '2040-01-01 12:00:00'],
  [9, '9999-12-31', '9999-12-31 23:59:59'],
] as const;
const csv = `id,born,seen\n${rows.map((r) => r.join(',')).join('\n')}\n`;

async function loaded(): Promise<Engine> {
  const r = importCsvDataset(model, [{ name: 'people.csv', text: csv }]);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const engine = new Engine(await openNodeDuckDB());
  await engine.loadDataset(r.dataset);
  return engine;
}

/** Number of people a Build audience with one condition selects. */
async function countWhere(engine: Engine, condition: Omit<AttributeCondition, 'kind' | 'id'>): Promise<number | undefined> {
  const doc = campaign(
    [
      { id: 'q', type: 'build-audience', config: { targetDimension: 'people', rule: { kind: 'group', id: 'g', combinator: 'and', children: [{ kind: 'attribute', id: 'c', ...condition }] }, emitWhenEmpty: true } },
      { id: 'e', type: 'end' },
    ],
    [['t', 'q', 'e']],
  );
  const result = await engine.counts(doc);
  if (result.errors.q) throw new Error(result.errors.q);
  return result.counts.t;
}

describe('dates and date-times of every accepted year', () => {
  test('come back from the engine as they were written (0001, 1899, 1970, 2038, 2039, 9999)', async () => {
    const engine = await loaded();
    expect(await engine.entityRows('people')).toEqual(rows.map(([id, born, seen]) => ({ id, born, seen: seen.replace(' ', 'T') })));
    await engine.close();
  });

  test('are compared in the engine on their true value', async () => {
    const engine = await loaded();
    // Before 1900: 0001, 1890 and 1899 (ids 1, 2, 3), for both dates and date-times.
    expect(await countWhere(engine, { path: ['born'], operator: 'before', value: '1900-01-01' })).toBe(3);
    expect(await countWhere(engine, { path: ['seen'], operator: 'before', value: '1900-01-01T00:00' })).toBe(3);
    // After the 32-bit limit (2038-01-19 03:14:07): ids 6 to 9.
    expect(await countWhere(engine, { path: ['seen'], operator: 'after', value: '2038-01-19T03:14:07' })).toBe(4);
    expect(await countWhere(engine, { path: ['born'], operator: 'after', value: '2039-01-01' })).toBe(3);
    await engine.close();
  });

  test('a year outside 0001–9999 is refused with its line and column', () => {
    const r = importCsvDataset(model, [{ name: 'people.csv', text: 'id,born,seen\n1,0000-01-01,\n2,,0000-12-31 10:00\n' }]);
    expect(r).toEqual({
      ok: false,
      problems: [
        { file: 'people.csv', line: 2, column: 2, message: 'born: "0000-01-01" is not a date (YYYY-MM-DD)' },
        { file: 'people.csv', line: 3, column: 3, message: 'seen: "0000-12-31 10:00" is not a date-time (YYYY-MM-DD HH:MM:SS)' },
      ],
    });
  });
});
