import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../engine/engine';
import { validateCampaign } from '../../domain/validate';
import { campaign } from '../../engine/testing/fixture';
import { engineWith, rowsOf } from '../../engine/testing/activity-harness';
import { convertCell } from './parse';

/** How Load file reads its text: detected delimiters of small files, numbers and years in range. */
let engine: Engine;
beforeAll(async () => {
  engine = await engineWith();
}, 60_000);
afterAll(async () => engine.close());

const fileDoc = (content: string, columns: Record<string, unknown>[]) =>
  campaign(
    [
      { id: 'load', type: 'load-file', config: { fileName: 'list.csv', content, columns } },
      { id: 'e', type: 'end' },
    ],
    [
      ['out', 'load', 'e'],
      ['bad', 'load', 'e', 'rejected'],
    ],
  );
const problems = (doc: ReturnType<typeof fileDoc>) => validateCampaign(doc).filter((p) => p.activityId === 'load').map((p) => p.message);

describe('Load file: the delimiter of a small file', () => {
  test('a semicolon file of one record ending with a line break: headings found, values read', async () => {
    const doc = fileDoc('id;name\n1;Ann\n', [{ name: 'id', type: 'integer' }, { name: 'name' }]);
    // The headings were read with a comma, as one heading "id;name": both columns were "missing".
    expect(problems(doc)).toEqual([]);
    expect((await engine.counts(doc)).counts).toEqual({ out: 1, bad: 0 });
    expect(await rowsOf(engine, doc, 'out')).toEqual([{ line: 1, id: 1, name: 'Ann' }]);
  });

  test('a file of one column, ending with a line break', async () => {
    const doc = fileDoc('email\nann@x.com\nbob@y.org\n', [{ name: 'email' }]);
    expect(problems(doc)).toEqual([]);
    expect(await rowsOf(engine, doc, 'out')).toEqual([
      { line: 1, email: 'ann@x.com' },
      { line: 2, email: 'bob@y.org' },
    ]);
  });
});

describe('Load file: values out of range are rejected lines, with the reason', () => {
  test('1e400 is not read as Infinity', async () => {
    const doc = fileDoc('n,amount\n1,2.5\n2,1e400\n3,1e-400\n', [{ name: 'n', type: 'integer' }, { name: 'amount', type: 'decimal' }]);
    expect((await engine.counts(doc)).counts).toEqual({ out: 1, bad: 2 });
    expect(await rowsOf(engine, doc, 'bad')).toEqual([
      { line: 2, reason: 'amount: "1e400" is out of range: numbers go up to about ±1.797e308' },
      { line: 3, reason: 'amount: "1e-400" is out of range: it is too close to 0 (about 4.9e-324 at least)' },
    ]);
  });

  test('dates of the years 0001 to 9999 convert; year 0000 does not', () => {
    expect(convertCell('date', '0001-01-01')).toEqual({ ok: true, value: '0001-01-01' });
    expect(convertCell('timestamp', '9999-12-31 23:59:59')).toEqual({ ok: true, value: '9999-12-31 23:59:59' });
    expect(convertCell('date', '0000-01-01').ok).toBe(false);
    expect(convertCell('integer', '9007199254740992')).toEqual({ ok: false, message: '"9007199254740992" is out of range: whole numbers go up to ±9007199254740991' });
  });

  test('dates and date-times before 1901 and after 2038 come back from the engine unchanged', async () => {
    const doc = fileDoc('d,t\n0001-01-01,1890-05-05 08:00\n9999-12-31,2040-01-01 12:00:00\n', [{ name: 'd', type: 'date' }, { name: 't', type: 'timestamp' }]);
    expect(await rowsOf(engine, doc, 'out')).toEqual([
      { line: 1, d: '0001-01-01', t: '1890-05-05T08:00:00' },
      { line: 2, d: '9999-12-31', t: '2040-01-01T12:00:00' },
    ]);
  });
});
