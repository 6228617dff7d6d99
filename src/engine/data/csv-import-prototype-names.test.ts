import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Engine } from '../engine';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import { importCsvDataset } from './csv-import';
import { campaign } from '../testing/fixture';

// Names a data model allows that are also names of JavaScript's object prototype.
const model = {
  name: 'Prototype names',
  referenceDate: '2025-06-30',
  entities: [
    {
      name: '__proto__',
      primaryKey: 'constructor',
      fields: [
        { name: 'constructor', type: 'integer' },
        { name: '__proto__', type: 'string' },
        { name: 'toString', type: 'boolean' },
      ],
    },
  ],
  dimensions: [{ entity: '__proto__' }],
};
const csv = 'constructor,__proto__,toString\n1,gold,true\n2,silver,false\n3,gold,\n';

let engine: Engine;
beforeAll(async () => {
  engine = new Engine(await openNodeDuckDB());
}, 60_000);
afterAll(async () => engine.close());

describe('entities and fields named like the object prototype', () => {
  test('keep their values through the import, the load and a count', async () => {
    const imported = importCsvDataset(JSON.stringify(model), [{ name: '__proto__.csv', text: csv }]);
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    expect(Object.entries(imported.rowCounts)).toEqual([['__proto__', 3]]);
    const table = [...imported.dataset.tables[0]!.batches()][0]!;
    expect(table.schema.fields.map((f) => f.name)).toEqual(['constructor', '__proto__', 'toString']);
    expect(table.getChild('__proto__')!.toArray()).toEqual(['gold', 'silver', 'gold']);

    const info = await engine.loadDataset(imported.dataset);
    expect(Object.entries(info.rowCounts)).toEqual([['__proto__', 3]]);
    const doc = campaign(
      [
        { id: 'q', type: 'build-audience', config: { targetDimension: '__proto__', rule: { kind: 'group', id: 'g', combinator: 'and', children: [{ kind: 'attribute', id: 'a', path: ['__proto__'], operator: 'equals', value: 'gold' }, { kind: 'attribute', id: 'b', path: ['toString'], operator: 'is-true' }] } } },
        { id: 'e', type: 'end' },
      ],
      [['t', 'q', 'e']],
    );
    const result = await engine.counts(doc);
    expect(result.errors).toEqual({});
    expect(result.counts).toEqual({ t: 1 });
  });
});
