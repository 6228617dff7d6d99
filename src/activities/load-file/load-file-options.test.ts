import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../engine/engine';
import { campaign } from '../../engine/testing/fixture';
import { engineWith, rowsOf } from '../../engine/testing/activity-harness';
import { convertCell } from './parse';

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith();
}, 60_000);
afterAll(async () => engine.close());

/** A Load file with its `out` and `rejected` outputs connected, on `content` with `columns`. */
const fileDoc = (content: string, columns: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
  campaign(
    [
      { id: 'load', type: 'load-file', config: { fileName: 'list.csv', content, columns, ...extra } },
      { id: 'e', type: 'end' },
    ],
    [
      ['out', 'load', 'e'],
      ['bad', 'load', 'e', 'rejected'],
    ],
  );

async function read(doc: ReturnType<typeof fileDoc>) {
  const r = await engine.counts(doc);
  expect(r.errors).toEqual({});
  return { counts: r.counts, out: await rowsOf(engine, doc, 'out'), bad: await rowsOf(engine, doc, 'bad') };
}

describe('every column type, read from a file', () => {
  // Line 1 converts in every column; line 2 has a bad value in four columns (and an extra cell);
  // line 3 has only a note, its other cells empty. A line with no value at all is not a record.
  const content = [
    'id,joined,seen,vip,score,note',
    '7,2025-03-04,2025-03-04 10:30,Y,1.5e1,  spaced ',
    'x,2025-13-01,2025-03-04 25:00,maybe,1,5,extra',
    ',,,,,z',
    ',,,,,',
  ].join('\r\n');
  const typed = (onError: string, defaults: Record<string, string> = {}) =>
    [
      { name: 'id', type: 'integer' },
      { name: 'joined', type: 'date' },
      { name: 'seen', type: 'timestamp' },
      { name: 'vip', type: 'boolean' },
      { name: 'score', type: 'decimal' },
      { name: 'note', type: 'string' },
    ].map((c) => ({ ...c, onError, defaultValue: defaults[c.name] ?? '' }));

  test('reject: a line with bad values is rejected once, with every reason', async () => {
    const { counts, out, bad } = await read(fileDoc(content, typed('reject')));
    expect(counts).toEqual({ out: 2, bad: 1 });
    expect(out).toEqual([
      {
        line: 1,
        id: 7,
        joined: '2025-03-04',
        seen: '2025-03-04T10:30:00',
        vip: true,
        score: 15,
        note: '  spaced ',
      },
      { line: 3, id: null, joined: null, seen: null, vip: null, score: null, note: 'z' },
    ]);
    expect(bad).toEqual([
      {
        line: 2,
        reason:
          'id: "x" is not a whole number; joined: "2025-13-01" is not a date (YYYY-MM-DD); seen: "2025-03-04 25:00" is not a date-time (YYYY-MM-DD HH:MM:SS); vip: "maybe" is not true or false',
      },
    ]);
  });

  test('ignore: bad values are left empty and the line is kept', async () => {
    const { counts, out } = await read(fileDoc(content, typed('ignore')));
    expect(counts).toEqual({ out: 3, bad: 0 });
    expect(out[1]).toEqual({ line: 2, id: null, joined: null, seen: null, vip: null, score: 1, note: '5' });
  });

  test('default: bad values take the default of their column; empty cells stay empty', async () => {
    const defaults = { id: '0', joined: '2025-01-01', seen: '2025-01-01 09:00', vip: 'no' };
    const { counts, out } = await read(fileDoc(content, typed('default', defaults)));
    expect(counts).toEqual({ out: 3, bad: 0 });
    expect(out[1]).toEqual({
      line: 2,
      id: 0,
      joined: '2025-01-01',
      seen: '2025-01-01T09:00:00',
      vip: false,
      score: 1,
      note: '5',
    });
    expect(out[2]).toEqual({
      line: 3,
      id: null,
      joined: null,
      seen: null,
      vip: null,
      score: null,
      note: 'z',
    });
  });
});

describe('how the file is cut', () => {
  test('tab and pipe delimiters; a line with fewer cells has empty values', async () => {
    const columns = [
      { name: 'a', type: 'integer' },
      { name: 'b', type: 'string' },
    ];
    expect((await read(fileDoc('a\tb\n1\tx\n2', columns, { delimiter: '\t' }))).out).toEqual([
      { line: 1, a: 1, b: 'x' },
      { line: 2, a: 2, b: null },
    ]);
    expect((await read(fileDoc('a|b\n3|y', columns, { delimiter: '|' }))).out).toEqual([
      { line: 1, a: 3, b: 'y' },
    ]);
  });

  test('a byte order mark and Windows line ends do not hide the first heading', async () => {
    const { out } = await read(
      fileDoc('\uFEFFemail;n\r\nann@x.com;1\r\n', [{ name: 'email' }, { name: 'n', type: 'integer' }]),
    );
    expect(out).toEqual([{ line: 1, email: 'ann@x.com', n: 1 }]);
  });

  test('empty lines are not records and do not shift line numbers of later records', async () => {
    expect((await read(fileDoc('n\n1\n\n2\n', [{ name: 'n', type: 'integer' }]))).out).toEqual([
      { line: 1, n: 1 },
      { line: 2, n: 2 },
    ]);
  });

  test('a file with only its heading line gives no records and no rejected line', async () => {
    expect((await read(fileDoc('n\n', [{ name: 'n', type: 'integer' }]))).counts).toEqual({ out: 0, bad: 0 });
  });
});

describe('what the marketer is told', () => {
  test.each([
    ['no file', '', [{ name: 'n' }], /Choose the file to load/],
    ['no columns', 'n\n1', [], /Describe the columns/],
    ['an unclosed quote', 'n\n"1', [{ name: 'n' }], /cannot be read: line \d+/],
    ['two columns with one name', 'n\n1', [{ name: 'n' }, { name: 'n' }], /already has a column n\./],
    ['a column named like the line number', 'line\n1', [{ name: 'line' }], /already has a column line\./],
  ])('%s', async (_name, content, columns, message) => {
    expect((await engine.counts(fileDoc(content, columns))).errors.load).toMatch(message);
  });
});

describe('converting one cell', () => {
  test.each([
    ['integer', ' -12 ', -12],
    ['integer', '9007199254740993', undefined],
    ['decimal', '.5', 0.5],
    ['decimal', '12,5', undefined],
    ['boolean', 'N', false],
    ['boolean', '1', true],
    ['date', '2024-02-29', '2024-02-29'],
    ['date', '2025-02-29', undefined],
    ['timestamp', '2025-03-04T08:05', '2025-03-04 08:05:00'],
    ['timestamp', '2025-03-04', '2025-03-04 00:00:00'],
    ['timestamp', '2025-03-04 08:60', undefined],
    ['string', ' keeps its spaces ', ' keeps its spaces '],
    ['integer', '   ', null],
  ] as const)('%s %j', (type, raw, expected) => {
    const r = convertCell(type, raw);
    if (expected === undefined) expect(r.ok).toBe(false);
    else expect(r).toEqual({ ok: true, value: expected });
  });
});

describe('columns found by their heading', () => {
  test('a repeated heading: each column reads its own position, exact case first', async () => {
    const content = 'email,Email,EMAIL\nann@x.com,ANN@X.COM,Ann@X.com';
    const { out } = await read(
      fileDoc(content, [
        { name: 'email_2', source: 'Email' },
        { name: 'email', source: 'email' },
        { name: 'email_3', source: 'email' },
      ]),
    );
    expect(out).toEqual([{ line: 1, email_2: 'ANN@X.COM', email: 'ann@x.com', email_3: 'Ann@X.com' }]);
  });

  test('the same heading may be read twice, under two names', async () => {
    const { out } = await read(
      fileDoc('n\n5', [
        { name: 'a', source: 'n', type: 'integer' },
        { name: 'b', source: 'N', type: 'string' },
      ]),
    );
    expect(out).toEqual([{ line: 1, a: 5, b: '5' }]);
  });
});
