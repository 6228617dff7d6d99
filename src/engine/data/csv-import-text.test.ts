import { describe, expect, test } from 'vitest';
import { decodeImportFile, importCsvDataset } from './csv-import';
import type { CsvFile } from './csv-import';
import { Engine } from '../engine';
import { openNodeDuckDB } from '../duckdb/node-duckdb';

/** How imported files are read: encoding, byte-order mark, delimiters, line endings, number range. */
const modelOf = (fields: [string, string][], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    name: 'Text',
    referenceDate: '2025-06-30',
    entities: [{ name: 'people', primaryKey: fields[0]![0], fields: fields.map(([name, type]) => ({ name, type })), ...extra }],
    dimensions: [{ entity: 'people' }],
  });
const idName = modelOf([
  ['id', 'integer'],
  ['name', 'string'],
]);
const people = (text: string): CsvFile[] => [{ name: 'people.csv', text }];

async function rowsOf(model: string, files: CsvFile[]) {
  const r = importCsvDataset(model, files);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const engine = new Engine(await openNodeDuckDB());
  await engine.loadDataset(r.dataset);
  const rows = await engine.entityRows('people');
  await engine.close();
  return rows;
}

const problemsOf = (model: string, files: CsvFile[]) => {
  const r = importCsvDataset(model, files);
  return r.ok ? [] : r.problems;
};

describe('delimiters', () => {
  test('a file of one column, ending with a line break, is read with the default delimiter', async () => {
    expect(await rowsOf(modelOf([['id', 'integer']]), people('id\n1\n2\n'))).toEqual([{ id: 1 }, { id: 2 }]);
  });

  test('a small file with a final line break: comma or semicolon, detected', async () => {
    expect(await rowsOf(idName, people('id,name\n1,Ann\n'))).toEqual([{ id: 1, name: 'Ann' }]);
    expect(await rowsOf(idName, people('id;name\r\n1;Ann\r\n'))).toEqual([{ id: 1, name: 'Ann' }]);
  });

  test("the model's delimiter is used when it states one, even where another would look likely", async () => {
    const names = 'name\nSmith, Ann\nDoe, Bob\n';
    const model = modelOf([['name', 'string']], { delimiter: ';' });
    expect(await rowsOf(model, people(names))).toEqual([{ name: 'Doe, Bob' }, { name: 'Smith, Ann' }]);
    expect(await rowsOf(modelOf([['id', 'integer'], ['name', 'string']], { delimiter: '|' }), people('id|name\n1|Smith, Ann\n'))).toEqual([{ id: 1, name: 'Smith, Ann' }]);
    // Without it, the commas cut the names: the mismatch is reported, not guessed around.
    expect(problemsOf(modelOf([['name', 'string']]), people(names))[0]).toMatchObject({ line: 2, message: 'expected 1 columns, found 2' });
  });

  test('a delimiter the model cannot use is refused with its path', () => {
    expect(problemsOf(modelOf([['id', 'integer']], { delimiter: ':' }), people('id\n1\n'))).toEqual([
      { file: 'data-model.json', line: 0, column: 0, message: expect.stringMatching(/^entities\.0\.delimiter: /) },
    ]);
  });
});

describe('line endings', () => {
  const bad = ['id,name', '1,Ann', 'x,Bob', '3,Cid', 'y,Dee'];
  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ] as const)
    test(`problems are reported on their own line with ${name} line endings`, () => {
      expect(problemsOf(idName, people(bad.join(eol) + eol)).map((p) => [p.line, p.column])).toEqual([
        [3, 1],
        [5, 1],
      ]);
    });
});

describe('encoding', () => {
  test('a byte-order mark at the start of the model or of a CSV is not part of the text', async () => {
    expect(await rowsOf(`\uFEFF${idName}`, people('\uFEFFid,name\n1,Ann\n'))).toEqual([{ id: 1, name: 'Ann' }]);
    const decoded = decodeImportFile('people.csv', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('id\n')]));
    expect(decoded).toEqual({ ok: true, text: 'id\n' });
  });

  test('Latin-1 bytes are refused with the file, line and column of the first one', () => {
    // "Zoé" written in Latin-1 on line 3: the é is the byte 0xE9, which UTF-8 never has alone.
    const bytes = Uint8Array.from([...new TextEncoder().encode('id,name\r\n1,Ann\r\n2,Zo'), 0xe9, ...new TextEncoder().encode('\r\n')]);
    expect(decodeImportFile('people.csv', bytes)).toEqual({
      ok: false,
      problem: { file: 'people.csv', line: 3, column: 5, message: 'not UTF-8 text (byte 0xE9): save the file as UTF-8' },
    });
  });
});

describe('numbers out of range', () => {
  const amounts = modelOf([
    ['id', 'integer'],
    ['amount', 'decimal'],
  ]);

  test('a decimal beyond a double, or too close to 0 to be held, is refused with file, line and column', () => {
    expect(problemsOf(amounts, people('id,amount\n1,1e308\n2,1e400\n3,-1E+400\n4,1e-400\n5,0e-400\n6,1e-320\n'))).toEqual([
      { file: 'people.csv', line: 3, column: 2, message: 'amount: "1e400" is out of range: numbers go up to about ±1.797e308' },
      { file: 'people.csv', line: 4, column: 2, message: 'amount: "-1E+400" is out of range: numbers go up to about ±1.797e308' },
      { file: 'people.csv', line: 5, column: 2, message: 'amount: "1e-400" is out of range: it is too close to 0 (about 4.9e-324 at least)' },
    ]);
  });

  test('a whole number beyond 2^53 - 1 is refused; the largest one is kept exactly', async () => {
    expect(problemsOf(amounts, people('id,amount\n9007199254740992,1\n'))).toEqual([
      { file: 'people.csv', line: 2, column: 1, message: 'id: "9007199254740992" is out of range: whole numbers go up to ±9007199254740991' },
    ]);
    expect(await rowsOf(amounts, people('id,amount\n9007199254740991,1e308\n-9007199254740991,-2.5e-300\n'))).toEqual([
      { id: -9007199254740991, amount: -2.5e-300 },
      { id: 9007199254740991, amount: 1e308 },
    ]);
  });
});

describe('names that differ only by case', () => {
  test('a model with Orders and orders, or id and ID, is refused before any file is read', () => {
    const model = JSON.parse(idName) as { entities: { name: string; fields: { name: string }[] }[] };
    model.entities.push({ ...model.entities[0]!, name: 'People', fields: [...model.entities[0]!.fields] });
    model.entities[0]!.fields.push({ name: 'ID', type: 'integer' } as never);
    expect(problemsOf(JSON.stringify(model), [...people('id,name,ID\n1,Ann,1\n'), { name: 'People.csv', text: 'id,name\n1,Ann\n' }])).toEqual([
      { file: 'data-model.json', line: 0, column: 0, message: 'entities.1.name: entity People has the same name as people (names are compared without case)' },
      { file: 'data-model.json', line: 0, column: 0, message: 'entities.0.fields.2.name: field ID of people has the same name as id (names are compared without case)' },
    ]);
  });
});
