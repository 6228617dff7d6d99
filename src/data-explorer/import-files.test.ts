import { describe, expect, test } from 'vitest';
import { problemPlace, readImportFiles, renameModelProblems } from './import-files';
import { datasetSource, rememberImportedFiles } from './describe-dataset';
import { formatShare, formatValue } from './format';

const file = (name: string, content: string | number[] = '') => ({
  name,
  arrayBuffer: () => Promise.resolve((typeof content === 'string' ? new TextEncoder().encode(content) : Uint8Array.from(content)).buffer as ArrayBuffer),
});
const utf8 = (text: string) => [...new TextEncoder().encode(text)];

describe('import files', () => {
  test('one model and the CSVs are read', async () => {
    const r = await readImportFiles([file('shop.json', '{}'), file('customers.csv', 'id\n1'), file('orders.CSV', 'x')]);
    expect(r).toEqual({
      ok: true,
      files: { modelName: 'shop.json', model: '{}', csvs: [{ name: 'customers.csv', text: 'id\n1' }, { name: 'orders.CSV', text: 'x' }] },
    });
  });

  test('no model, two models and other files are problems', async () => {
    expect(await readImportFiles([file('customers.csv')])).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/no data model/) }] });
    const two = await readImportFiles([file('a.json'), file('b.json')]);
    expect(two.ok === false && two.problems.map((p) => p.file)).toEqual(['a.json', 'b.json']);
    const other = await readImportFiles([file('m.json'), file('notes.txt')]);
    expect(other.ok === false && other.problems).toEqual([{ file: 'notes.txt', line: 0, column: 0, message: expect.any(String) }]);
  });

  test('UTF-8 with or without a byte-order mark is read; other encodings are refused at their first bad byte', async () => {
    const read = await readImportFiles([file('shop.json', [0xef, 0xbb, 0xbf, ...utf8('{}')]), file('customers.csv', [0xef, 0xbb, 0xbf, ...utf8('id,name\n1,Zoé\n')])]);
    expect(read).toEqual({ ok: true, files: { modelName: 'shop.json', model: '{}', csvs: [{ name: 'customers.csv', text: 'id,name\n1,Zoé\n' }] } });
    // Latin-1: é is the lone byte 0xE9 (in the model's label, and on line 3 of the CSV).
    const latin1 = await readImportFiles([file('shop.json', [...utf8('{"name": "Caf'), 0xe9, ...utf8('"}')]), file('customers.csv', [...utf8('id,name\r\n1,Ann\r\n2,Zo'), 0xe9, 0x0d, 0x0a])]);
    expect(latin1).toEqual({
      ok: false,
      problems: [
        { file: 'shop.json', line: 1, column: 14, message: 'not UTF-8 text (byte 0xE9): save the file as UTF-8' },
        { file: 'customers.csv', line: 3, column: 5, message: 'not UTF-8 text (byte 0xE9): save the file as UTF-8' },
      ],
    });
  });

  test('model problems point at the picked model file; places say what is known', () => {
    expect(renameModelProblems([{ file: 'data-model.json', line: 0, column: 0, message: 'x' }, { file: 'a.csv', line: 2, column: 1, message: 'y' }], 'shop.json').map((p) => p.file)).toEqual(['shop.json', 'a.csv']);
    expect(problemPlace({ file: 'a.csv', line: 3, column: 2 })).toBe('a.csv, line 3, column 2');
    expect(problemPlace({ file: 'a.csv', line: 3, column: 0 })).toBe('a.csv, line 3');
    expect(problemPlace({ file: '', line: 0, column: 0 })).toBe('Import');
  });
});

describe('dataset description', () => {
  test('sample size and seed come from the id; imports remember their files', () => {
    expect(datasetSource({ id: 'sample-100000-42' })).toEqual({ kind: 'sample', profiles: 100000, seed: 42 });
    rememberImportedFiles('import-abc', ['orders.csv', 'customers.csv']);
    expect(datasetSource({ id: 'import-abc' })).toEqual({ kind: 'import', files: ['customers.csv', 'orders.csv'] });
    expect(datasetSource({ id: 'other' })).toEqual({ kind: 'unknown' });
  });

  test('values: empty, enum labels, shares', () => {
    expect(formatValue(null)).toBe('(empty)');
    expect(formatValue('a', { name: 's', label: '', type: 'enum', values: [{ value: 'a', label: 'Segment A' }], description: '' })).toBe('Segment A (a)');
    expect(formatValue('2025-01-01T10:00:00', { name: 't', label: '', type: 'timestamp', values: [], description: '' })).toBe('2025-01-01 10:00:00');
    expect(formatShare(0.5)).toBe('50.0%');
    expect(formatShare(0.0004)).toBe('<0.1%');
  });
});
