import { afterEach, describe, expect, test, vi } from 'vitest';
import { importCsvDataset } from './csv-import';
import type { CsvFile } from './csv-import';
import { Engine } from '../engine';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import { campaign } from '../testing/fixture';

const model = JSON.stringify({
  name: 'Shop',
  referenceDate: '2025-06-30',
  entities: [
    {
      name: 'customers',
      primaryKey: 'id',
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'name', type: 'string' },
        { name: 'vip', type: 'boolean' },
        { name: 'joined', type: 'date' },
        {
          name: 'segment',
          type: 'enum',
          values: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
          ],
        },
      ],
      links: [
        {
          name: 'orders',
          target: 'orders',
          cardinality: 'one-to-many',
          on: [{ from: 'id', to: 'customer_id' }],
        },
      ],
    },
    {
      name: 'orders',
      primaryKey: 'order_id',
      fields: [
        { name: 'order_id', type: 'integer' },
        { name: 'customer_id', type: 'integer' },
        { name: 'total', type: 'decimal' },
        { name: 'at', type: 'timestamp' },
      ],
      links: [
        {
          name: 'customer',
          target: 'customers',
          cardinality: 'many-to-one',
          on: [{ from: 'customer_id', to: 'id' }],
        },
      ],
    },
  ],
  dimensions: [{ entity: 'customers' }],
});

const customers =
  'id,name,vip,joined,segment\n1,"Smith, Ann",true,2024-01-02,a\n2,Bob,no,,b\n3,"Multi\nline",1,2025-06-30,\n';
const orders =
  'order_id,customer_id,total,at\n10,1,9.5,2025-06-01 10:00\n11,1,20,2025-06-02T11:30:00\n12,3,,\n';
const files = (overrides: Partial<Record<'customers' | 'orders', string>> = {}): CsvFile[] => [
  { name: 'customers.csv', text: overrides.customers ?? customers },
  { name: 'orders.csv', text: overrides.orders ?? orders },
];

describe('CSV import', () => {
  test('a good import loads and counts', async () => {
    const r = importCsvDataset(model, files());
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.rowCounts).toEqual({ customers: 3, orders: 3 });
    const engine = new Engine(await openNodeDuckDB());
    await engine.loadDataset(r.dataset);
    expect(await engine.entityRows('customers')).toEqual([
      { id: 1, name: 'Smith, Ann', vip: true, joined: '2024-01-02', segment: 'a' },
      { id: 2, name: 'Bob', vip: false, joined: null, segment: 'b' },
      { id: 3, name: 'Multi\nline', vip: true, joined: '2025-06-30', segment: null },
    ]);
    expect((await engine.entityRows('orders'))[1]).toEqual({
      order_id: 11,
      customer_id: 1,
      total: 20,
      at: '2025-06-02T11:30:00',
    });
    const doc = campaign(
      [
        {
          id: 'q',
          type: 'build-audience',
          config: {
            targetDimension: 'customers',
            rule: {
              kind: 'group',
              id: 'g',
              combinator: 'and',
              children: [
                {
                  kind: 'collection',
                  id: 'c',
                  path: ['orders'],
                  quantifier: 'exists',
                  where: { kind: 'group', id: 'w', combinator: 'and', children: [] },
                },
              ],
            },
          },
        },
        { id: 'e', type: 'end' },
      ],
      [['t', 'q', 'e']],
    );
    expect((await engine.counts(doc)).counts).toEqual({ t: 2 });
    await engine.close();
  });

  describe('the dataset id', () => {
    afterEach(() => {
      vi.useRealTimers();
    });
    const undated = (() => {
      const { referenceDate: _r, ...rest } = JSON.parse(model) as Record<string, unknown>;
      return JSON.stringify(rest);
    })();
    const importOn = (day: string, modelText: string, csv = files()) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(`${day}T23:30:00Z`));
      const r = importCsvDataset(modelText, csv);
      vi.useRealTimers();
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return r.dataset;
    };

    test('without a reference date: the import day is "today", and the id stays the same from day to day', () => {
      const monday = importOn('2026-03-02', undated);
      const tuesday = importOn('2026-03-03', undated);
      expect(monday.model.referenceDate).toBe('2026-03-02');
      expect(tuesday.model.referenceDate).toBe('2026-03-03');
      expect(monday.referenceDateIsImportDay).toBe(true);
      expect(tuesday.id).toBe(monday.id);
      expect(monday.id).toMatch(/^import-[0-9a-z]+$/);
    });

    test('follows the content: the model as written and every file', () => {
      const base = importOn('2026-03-02', undated).id;
      const dated = importOn('2026-03-02', model);
      expect(dated.referenceDateIsImportDay).toBeUndefined();
      expect(dated.id).not.toBe(base);
      // A reference date that happens to be the import day is still other data: it does not move.
      expect(
        importOn('2026-03-02', JSON.stringify({ ...JSON.parse(undated), referenceDate: '2026-03-02' })).id,
      ).not.toBe(base);
      expect(importOn('2026-03-02', undated, files({ orders: orders.replace('9.5', '9.6') })).id).not.toBe(base);
      expect(importOn('2026-03-05', undated, files()).id).toBe(base);
    });
  });

  test('wrong column count, with the line and column', () => {
    const r = importCsvDataset(
      model,
      files({ orders: 'order_id,customer_id,total,at\n10,1,9.5,2025-06-01\n11,1\n' }),
    );
    expect(r).toEqual({
      ok: false,
      problems: [{ file: 'orders.csv', line: 3, column: 3, message: 'expected 4 columns, found 2' }],
    });
  });

  test('a value that does not parse for its type', () => {
    const r = importCsvDataset(
      model,
      files({ customers: 'id,name,vip,joined,segment\n1,Ann,true,2024-01-02,a\n2,Bob,maybe,2024-13-01,c\n' }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { file: 'customers.csv', line: 3, column: 3, message: 'vip: "maybe" is not true or false' },
      {
        file: 'customers.csv',
        line: 3,
        column: 4,
        message: 'joined: "2024-13-01" is not a date (YYYY-MM-DD)',
      },
      { file: 'customers.csv', line: 3, column: 5, message: 'segment: "c" is not one of a, b' },
    ]);
  });

  test('line numbers count the lines of quoted multi-line values and blank lines', () => {
    const r = importCsvDataset(
      model,
      files({ customers: 'id,name,vip,joined,segment\n1,"a\nb\nc",true,,a\n\nx,Bob,true,,a\n' }),
    );
    expect(r).toEqual({
      ok: false,
      problems: [{ file: 'customers.csv', line: 6, column: 1, message: 'id: "x" is not a whole number' }],
    });
  });

  test('duplicate keys', () => {
    const r = importCsvDataset(
      model,
      files({
        customers: 'segment,id,name,vip,joined\na,1,Ann,true,\nb,1,Bob,false,\n',
        orders: 'order_id,customer_id,total,at\n',
      }),
    );
    expect(r).toEqual({
      ok: false,
      problems: [
        { file: 'customers.csv', line: 3, column: 2, message: 'id: duplicate key 1 (first on line 2)' },
      ],
    });
  });

  test('a link to a missing key', () => {
    const r = importCsvDataset(
      model,
      files({ orders: 'order_id,customer_id,total,at\n10,1,9.5,\n11,7,1,\n' }),
    );
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          file: 'orders.csv',
          line: 3,
          column: 2,
          message: 'customer_id: no customers has id 7 (link customer)',
        },
      ],
    });
  });

  test('missing file, unknown and missing columns', () => {
    const r = importCsvDataset(model, [{ name: 'customers.csv', text: 'id,name,vip,joined,colour\n' }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      {
        file: 'customers.csv',
        line: 1,
        column: 5,
        message: 'unknown column "colour" (not a field of customers)',
      },
      { file: 'customers.csv', line: 1, column: 0, message: 'missing columns: segment' },
      { file: 'orders.csv', line: 0, column: 0, message: 'missing: entity orders needs this file' },
    ]);
  });

  test('a bad data model is reported with its path', () => {
    const r = importCsvDataset(
      '{"name":"x","entities":[{"name":"bad name","primaryKey":"id","fields":[]}]}',
      [],
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.file)).toContain('data-model.json');
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(/entities\.0\.name/);
    expect(importCsvDataset('{not json', [])).toMatchObject({
      ok: false,
      problems: [{ file: 'data-model.json', message: expect.stringMatching(/not valid JSON/) }],
    });
  });
});
