import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../engine/engine';
import { campaign } from '../../engine/testing/fixture';
import { engineWith, rowsOf } from '../../engine/testing/activity-harness';

const csv = [
  'email,amount,joined,vip',
  'ann@x.com,12.5,2025-01-02,yes',
  'bob@x.com,abc,2025-02-30,no',
  `"o'neil@x.com, jr",7,,true`,
  'dee@y.org,3,2025-03-04,maybe',
  `"x'); DROP TABLE t; --\\",1,,`,
].join('\n');

const columns = [
  { name: 'email', type: 'string' },
  { name: 'amount', type: 'decimal', onError: 'reject' },
  { name: 'joined', type: 'date', onError: 'ignore' },
  { name: 'vip', type: 'boolean', onError: 'default', defaultValue: 'false' },
];

const loadDoc = (config: Record<string, unknown>, withRejected = true) =>
  campaign(
    [{ id: 'load', type: 'load-file', config: { fileName: 'list.csv', content: csv, columns, ...config } }, { id: 'e', type: 'end' }],
    [['out', 'load', 'e'], ...(withRejected ? [['bad', 'load', 'e', 'rejected'] as [string, string, string, string]] : [])],
  );

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith();
}, 60_000);
afterAll(async () => engine.close());

describe('Load file', () => {
  test('typed columns; per-column error handling: reject, ignore, default', async () => {
    const doc = loadDoc({});
    const r = await engine.counts(doc);
    expect(r.errors).toEqual({});
    expect(r.counts).toEqual({ out: 4, bad: 1 });
    expect(await rowsOf(engine, doc, 'out')).toEqual([
      { line: 1, email: 'ann@x.com', amount: 12.5, joined: '2025-01-02', vip: true },
      { line: 3, email: "o'neil@x.com, jr", amount: 7, joined: null, vip: true },
      { line: 4, email: 'dee@y.org', amount: 3, joined: '2025-03-04', vip: false },
      { line: 5, email: `x'); DROP TABLE t; --\\`, amount: 1, joined: null, vip: null },
    ]);
    expect(await rowsOf(engine, doc, 'bad')).toEqual([{ line: 2, reason: 'amount: "abc" is not a number' }]);
  });

  test('the count of rejected lines is reported even when that output is not connected', async () => {
    const r = await engine.counts(loadDoc({}, false));
    expect(r.outputs?.load).toEqual({ out: 4, rejected: 1 });
  });

  test('without a header, columns are read in order; another delimiter', async () => {
    const doc = campaign(
      [
        {
          id: 'load',
          type: 'load-file',
          config: { content: '7;a\n8;b\nx;c', header: false, delimiter: ';', columns: [{ name: 'n', type: 'integer', onError: 'ignore' }, { name: 'label' }] },
        },
        { id: 'e', type: 'end' },
      ],
      [['out', 'load', 'e']],
    );
    expect(await rowsOf(engine, doc, 'out')).toEqual([
      { line: 1, n: 7, label: 'a' },
      { line: 2, n: 8, label: 'b' },
      { line: 3, n: null, label: 'c' },
    ]);
  });

  test('headings are matched by name or by the chosen source heading', async () => {
    const doc = loadDoc({ columns: [{ name: 'mail', source: 'EMAIL' }] });
    expect((await engine.counts(doc)).counts.out).toBe(5);
    expect((await engine.counts(loadDoc({ columns: [{ name: 'phone' }] }))).errors.load).toMatch(/no column "phone"/);
  });

  test('an invalid default value or column name is an error', async () => {
    expect((await engine.counts(loadDoc({ columns: [{ name: 'amount', type: 'decimal', onError: 'default', defaultValue: 'n/a' }] }))).errors.load).toMatch(/default value/);
    expect((await engine.counts(loadDoc({ columns: [{ name: 'e mail', source: 'email' }] }))).errors.load).toMatch(/not a valid column name/);
  });
});
