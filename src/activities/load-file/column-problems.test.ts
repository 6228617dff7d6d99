import { describe, expect, test } from 'vitest';
import { validateCampaign } from '../../domain/validate';
import { campaign } from '../../engine/testing/fixture';

/** Problems of a Load file (connected to an End) on `content` with `columns`, as the editor shows them. */
function problemsOf(
  content: string,
  columns: Record<string, unknown>[],
  extra: Record<string, unknown> = {},
) {
  const doc = campaign(
    [
      { id: 'load', type: 'load-file', config: { fileName: 'list.csv', content, columns, ...extra } },
      { id: 'e', type: 'end' },
    ],
    [['out', 'load', 'e']],
  );
  return validateCampaign(doc)
    .filter((p) => p.activityId === 'load')
    .map((p) => [p.severity, p.path, p.message]);
}

describe('Load file: each column checked where it is described', () => {
  test('a well described file has no problem', () => {
    expect(
      problemsOf('email;amount\na@x.com;1', [
        { name: 'email' },
        { name: 'amount', type: 'decimal', onError: 'default', defaultValue: '0' },
      ]),
    ).toEqual([]);
  });

  test('names that are not column names, repeated, or the line number', () => {
    expect(
      problemsOf('a,b,c\n1,2,3', [
        { name: 'e mail', source: 'a' },
        { name: 'B' },
        { name: 'b', source: 'c' },
        { name: 'line', source: 'a' },
      ]),
    ).toEqual([
      [
        'error',
        'columns[0].name',
        'Column 1: “e mail” is not a column name (letters, digits and underscores, starting with a letter).',
      ],
      ['error', 'columns[2].name', 'Column 3: another column is already named “b”.'],
      ['error', 'columns[3].name', 'Column 4: “line” is the line number; choose another name.'],
    ]);
  });

  test('a heading the file does not have; without headings, columns are read in order', () => {
    expect(
      problemsOf('email,amount\na@x.com,1', [{ name: 'mail' }, { name: 'total', source: 'Amount ' }]),
    ).toEqual([['error', 'columns[0].source', 'Column mail: the file has no heading “mail”.']]);
    expect(problemsOf('a@x.com,1', [{ name: 'mail' }], { header: false })).toEqual([]);
  });

  test('a default value that is not of the column type', () => {
    expect(
      problemsOf('n,d\n1,2', [
        { name: 'n', type: 'integer', onError: 'default', defaultValue: 'none' },
        { name: 'd', type: 'date', onError: 'ignore', defaultValue: 'ignored' },
      ]),
    ).toEqual([
      ['error', 'columns[0].defaultValue', 'Column n: the default value "none" is not a whole number.'],
    ]);
  });

  test('without a file or columns, what to do first', () => {
    expect(problemsOf('', [])).toEqual([['warning', 'content', 'Choose the file to load.']]);
    expect(problemsOf('a\n1', [])).toEqual([['warning', 'columns', 'Describe the columns to read.']]);
  });
});
