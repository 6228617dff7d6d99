import { describe, expect, it } from 'vitest';
import { columnNameFor, inferColumns, inferType } from './infer-columns';

describe('columns described from a file', () => {
  it('makes plain column names from headings', () => {
    expect(columnNameFor(' E-mail address ', 0)).toBe('e_mail_address');
    expect(columnNameFor('Prénom', 1)).toBe('prenom');
    expect(columnNameFor('2024 spend', 2)).toBe('c_2024_spend');
    expect(columnNameFor('', 3)).toBe('column_4');
  });

  it('infers the narrowest type of the values', () => {
    expect(inferType(['1', '2', ''])).toBe('integer');
    expect(inferType(['1', '2.5'])).toBe('decimal');
    expect(inferType(['yes', 'no'])).toBe('boolean');
    expect(inferType(['2026-01-31'])).toBe('date');
    expect(inferType(['2026-01-31 10:00'])).toBe('timestamp');
    expect(inferType(['abc', '1'])).toBe('string');
    expect(inferType([])).toBe('string');
  });

  it('describes every column, with unique names, from the heading line or in order', () => {
    const rows = [['email', 'Email', 'amount'], ['a@x.com', 'A@X.COM', '12.5'], ['b@x.com', '', 'abc']];
    expect(inferColumns(rows, true).map((c) => [c.name, c.source, c.type, c.onError])).toEqual([
      ['email', 'email', 'string', 'reject'],
      ['email_2', 'Email', 'string', 'reject'],
      ['amount', 'amount', 'string', 'reject'],
    ]);
    expect(inferColumns([['1', 'x']], false).map((c) => [c.name, c.source, c.type])).toEqual([
      ['column_1', '', 'integer'],
      ['column_2', '', 'string'],
    ]);
  });
});
