import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../engine/engine';
import { campaign } from '../../engine/testing/fixture';
import { all, attr, audience, engineWith, keysOf, pick, rowsOf, rules } from '../../engine/testing/activity-harness';

// The opted-in profiles {1, 3, 4, 6} and their purchases (fixture.ts):
//   profile 1: #1 50 on 2025-06-01 (product 100 shoes), #2 20 on 2025-06-25 (101 books)
//   profile 3: none
//   profile 4: #4 15.5 on 2025-06-29 (102), #5 15.5 on 2025-06-30 (102)
//   profile 6: #6 5 on 2025-01-10 (101 books)
// Accounts: 1 and 3 -> 10 Acme, 4 and 6 -> 11 Globex.

type Config = Record<string, unknown>;
const enrichDoc = (config: Config, extra: { activities?: Parameters<typeof campaign>[0]; transitions?: Parameters<typeof campaign>[1] } = {}) =>
  campaign(
    [audience('a', rules.OPT), { id: 'x', type: 'enrichment', config }, { id: 'e', type: 'end' }, ...(extra.activities ?? [])],
    [['in', 'a', 'x'], ['out', 'x', 'e'], ...(extra.transitions ?? [])],
  );
const collection = (alias: string, more: Config) => ({ id: alias, path: ['purchases'], alias, ...more });

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith();
}, 60_000);
afterAll(async () => engine.close());

async function enriched(doc: ReturnType<typeof campaign>, ...columns: string[]): Promise<unknown[][]> {
  const r = await engine.counts(doc);
  expect(r.errors).toEqual({});
  expect(r.counts.out).toBe(4);
  return pick(await rowsOf(engine, doc, 'out'), 'profile_id', ...columns);
}

describe('Enrichment attributes', () => {
  test('own attributes and attributes through a many-to-one link', async () => {
    const doc = enrichDoc({ attributes: [{ id: '1', path: ['name'], alias: 'who' }, { id: '2', path: ['account', 'company'], alias: 'company' }] });
    expect(await enriched(doc, 'who', 'company')).toEqual([
      [1, 'Ann', 'Acme'],
      [3, 'Cid', 'Acme'],
      [4, 'Dee', 'Globex'],
      [6, 'Fay', 'Globex'],
    ]);
    expect((await engine.previewSchema(doc, 'out')).slice(0, 3).map((c) => c.name)).toEqual(['profile_id', 'who', 'company']);
  });

  test('an alias that clashes or is not a column name is an error', async () => {
    expect((await engine.counts(enrichDoc({ attributes: [{ id: '1', path: ['name'], alias: 'profile_id' }] }))).errors.x).toMatch(/already has a column/);
    expect((await engine.counts(enrichDoc({ attributes: [{ id: '1', path: ['name'], alias: 'my name' }] }))).errors.x).toMatch(/not a valid column name/);
  });
});

describe('Enrichment from a collection', () => {
  test('aggregates: count, sum, avg, min, max, count distinct', async () => {
    const doc = enrichDoc({
      collections: [
        collection('n', { mode: 'aggregate', aggregate: { fn: 'count' } }),
        collection('spent', { mode: 'aggregate', aggregate: { fn: 'sum', field: 'amount' } }),
        collection('mean', { mode: 'aggregate', aggregate: { fn: 'avg', field: 'amount' } }),
        collection('smallest', { mode: 'aggregate', aggregate: { fn: 'min', field: 'amount' } }),
        collection('latest', { mode: 'aggregate', aggregate: { fn: 'max', field: 'purchase_date' } }),
        collection('products', { mode: 'aggregate', aggregate: { fn: 'count-distinct', field: 'product_id' } }),
      ],
    });
    expect(await enriched(doc, 'n', 'spent', 'mean', 'smallest', 'latest', 'products')).toEqual([
      [1, 2, 70, 35, 20, '2025-06-25', 2],
      [3, 0, 0, null, null, null, 0],
      [4, 2, 31, 15.5, 15.5, '2025-06-30', 1],
      [6, 1, 5, 5, 5, '2025-01-10', 1],
    ]);
  });

  test('an aggregate over the filtered collection, with a filter through a link', async () => {
    const doc = enrichDoc({
      collections: [
        collection('june', { mode: 'aggregate', aggregate: { fn: 'sum', field: 'amount' }, where: all(attr('purchase_date', 'after', '2025-05-31')) }),
        collection('books', { mode: 'aggregate', aggregate: { fn: 'count' }, where: all(attr('product.category', 'equals', 'books')) }),
      ],
    });
    expect(await enriched(doc, 'june', 'books')).toEqual([
      [1, 70, 1],
      [3, 0, 0],
      [4, 31, 0],
      [6, 0, 1],
    ]);
  });

  test('the first N lines in a chosen order, N columns per field', async () => {
    const doc = enrichDoc({
      collections: [collection('last', { mode: 'first', count: 2, fields: ['amount', 'purchase_date'], sort: { field: 'purchase_date', direction: 'desc' } })],
    });
    expect(await enriched(doc, 'last_1_amount', 'last_1_purchase_date', 'last_2_amount', 'last_2_purchase_date')).toEqual([
      [1, 20, '2025-06-25', 50, '2025-06-01'],
      [3, null, null, null, null],
      [4, 15.5, '2025-06-30', 15.5, '2025-06-29'],
      [6, 5, '2025-01-10', null, null],
    ]);
  });

  test('a collection reached through a many-to-one link: colleagues of the same account', async () => {
    const doc = enrichDoc({ collections: [{ id: 'c', path: ['account', 'people'], alias: 'colleagues', mode: 'aggregate', aggregate: { fn: 'count' } }] });
    // Acme has people 1 and 3, Globex 4 and 6.
    expect(await enriched(doc, 'colleagues')).toEqual([
      [1, 2],
      [3, 2],
      [4, 2],
      [6, 2],
    ]);
  });

  test('first lines in ascending order, and without a sort (by line key)', async () => {
    const doc = enrichDoc({
      collections: [
        collection('cheapest', { mode: 'first', count: 1, fields: ['purchase_id'], sort: { field: 'amount', direction: 'asc' } }),
        collection('firstid', { mode: 'first', count: 1, fields: ['purchase_id'] }),
      ],
    });
    // Profile 4's two purchases tie at 15.5: the lower key (4) comes first.
    expect(await enriched(doc, 'cheapest_1_purchase_id', 'firstid_1_purchase_id')).toEqual([
      [1, 2, 1],
      [3, null, null],
      [4, 4, 4],
      [6, 6, 6],
    ]);
  });

  test('sum of a text field is refused', async () => {
    const doc = enrichDoc({ collections: [collection('bad', { mode: 'aggregate', aggregate: { fn: 'sum', field: 'purchase_date' } })] });
    expect((await engine.counts(doc)).errors.x).toMatch(/numeric/);
  });
});

describe('Enrichment joins with another working table', () => {
  test('by key: columns of an enriched French audience', async () => {
    const doc = enrichDoc(
      { joins: [{ id: 'j', transitionId: 'fr-x', keys: [{ left: 'profile_id', right: 'profile_id' }], columns: [{ name: 'score_fr', alias: 'fr_score' }] }] },
      {
        activities: [audience('fr', rules.FR), { id: 'fx', type: 'enrichment', config: { attributes: [{ id: '1', path: ['score'], alias: 'score_fr' }] } }],
        transitions: [['fr-in', 'fr', 'fx'], ['fr-x', 'fx', 'x', 'out', 'join']],
      },
    );
    expect(await enriched(doc, 'fr_score')).toEqual([
      [1, 80],
      [3, 55],
      [4, null],
      [6, 40],
    ]);
  });

  test('by a field of the dimension: accounts joined on account_id', async () => {
    const doc = enrichDoc(
      { joins: [{ id: 'j', transitionId: 'acc-x', keys: [{ left: 'account_id', right: 'account_id' }], columns: [{ name: 'company', alias: '' }] }] },
      {
        activities: [audience('acc', all(), 'accounts'), { id: 'ax', type: 'enrichment', config: { attributes: [{ id: '1', path: ['company'], alias: 'company' }] } }],
        transitions: [['acc-in', 'acc', 'ax'], ['acc-x', 'ax', 'x', 'out', 'join']],
      },
    );
    expect(await enriched(doc, 'company')).toEqual([
      [1, 'Acme'],
      [3, 'Acme'],
      [4, 'Globex'],
      [6, 'Globex'],
    ]);
  });

  test('a join without its table is an error', async () => {
    const doc = enrichDoc({ joins: [{ id: 'j', transitionId: 'none', keys: [{ left: 'profile_id', right: 'profile_id' }], columns: [{ name: 'x', alias: 'y' }] }] });
    expect((await engine.counts(doc)).errors.x).toMatch(/Tables to join/);
  });
});

describe('enriched columns downstream', () => {
  const spent = collection('spent', { mode: 'aggregate', aggregate: { fn: 'sum', field: 'amount' } });
  const company = { id: 'c', path: ['account', 'company'], alias: 'company' };

  test('Split sorts on an enrichment column', async () => {
    const doc = campaign(
      [
        audience('a', rules.OPT),
        { id: 'x', type: 'enrichment', config: { collections: [spent] } },
        { id: 's', type: 'split', config: { subsets: [{ id: 'top', label: 'Top', limit: { kind: 'count', value: 2 }, order: { mode: 'sort', field: 'spent', direction: 'desc' } }] } },
        { id: 'e', type: 'end' },
      ],
      [['in', 'a', 'x'], ['out', 'x', 's'], ['top', 's', 'e', 'top']],
    );
    expect(await keysOf(engine, doc, 'top')).toEqual([1, 4]); // 70 and 31
    expect(pick(await rowsOf(engine, doc, 'top'), 'spent')).toEqual([[70], [31]]);
  });

  test('Deduplication on an enrichment column keeps the highest of another', async () => {
    const doc = campaign(
      [
        audience('a', rules.OPT),
        { id: 'x', type: 'enrichment', config: { attributes: [company], collections: [spent] } },
        { id: 'd', type: 'deduplication', config: { fields: ['company'], method: 'expression', expression: { field: 'spent', order: 'highest' }, complement: true } },
        { id: 'e', type: 'end' },
      ],
      [['in', 'a', 'x'], ['out', 'x', 'd'], ['kept', 'd', 'e'], ['dup', 'd', 'e', 'complement']],
    );
    // Acme {1: 70, 3: 0} -> 1; Globex {4: 31, 6: 5} -> 4.
    expect(await keysOf(engine, doc, 'kept')).toEqual([1, 4]);
    expect(await keysOf(engine, doc, 'dup')).toEqual([3, 6]);
  });
});

describe('Enrichment join with a loaded file', () => {
  test('coupon codes from a file, joined on email (text compared as is)', async () => {
    const content = 'mail,coupon\nann@x.com,SAVE10\nfay@x.com,SAVE20\nfay@x.com,LATER\nzed@z.com,NONE';
    const doc = enrichDoc(
      { joins: [{ id: 'j', transitionId: 'file', keys: [{ left: 'email', right: 'mail' }], columns: [{ name: 'coupon', alias: 'coupon' }] }] },
      {
        activities: [{ id: 'load', type: 'load-file', config: { content, columns: [{ name: 'mail' }, { name: 'coupon' }] } }],
        transitions: [['file', 'load', 'x', 'out', 'join']],
      },
    );
    // Fay has two lines: the first one (line 2) is used.
    expect(await enriched(doc, 'coupon')).toEqual([
      [1, 'SAVE10'],
      [3, null],
      [4, null],
      [6, 'SAVE20'],
    ]);
  });
});

describe('Enrichment join by an advanced rule, and several matching rows', () => {
  // Opted-in profiles' emails: 1 ann@x.com | 3 none | 4 DEE@y.org | 6 fay@x.com.
  // File lines: 1 ANN@X.COM 9 GOLD10 | 2 ann@x.com 3 LOW | 3 fay@x.com 7 FAY7 | 4 fay@x.com 8 FAY8 | 5 dee@y.org 6 DEE6.
  const content = 'mail,score,coupon\nANN@X.COM,9,GOLD10\nann@x.com,3,LOW\nfay@x.com,7,FAY7\nfay@x.com,8,FAY8\ndee@y.org,6,DEE6';
  const file = { id: 'load', type: 'load-file', config: { content, columns: [{ name: 'mail' }, { name: 'score', type: 'integer' }, { name: 'coupon' }] } };
  const rule = {
    combinator: 'and',
    comparisons: [
      { id: 'a', left: { side: 'records', name: 'email', transform: 'lower' }, operator: 'equals', right: { side: 'other', name: 'mail', transform: 'lower' } },
      { id: 'b', left: { side: 'other', name: 'score' }, operator: 'gt', right: { side: 'value', value: 5 } },
    ],
  };
  const joinDoc = (join: Config) =>
    enrichDoc({ joins: [{ id: 'j', transitionId: 'file', keys: [], columns: [{ name: 'coupon', alias: 'coupon' }], ...join }] }, { activities: [file], transitions: [['file', 'load', 'x', 'out', 'join']] });

  test('lower(email) = lower(file.mail) AND file.score > 5: the first matching line by default', async () => {
    // 1: line 1 (line 2 scores 3); 4: line 5 by folded case; 6: lines 3 and 4 match, line 3 comes first.
    expect(await enriched(joinDoc({ mode: 'rule', rule }), 'coupon')).toEqual([
      [1, 'GOLD10'],
      [3, null],
      [4, 'DEE6'],
      [6, 'FAY7'],
    ]);
  });

  test('the first matching line in a chosen order: the highest score', async () => {
    expect(await enriched(joinDoc({ mode: 'rule', rule, sort: { column: 'score', direction: 'desc' } }), 'coupon')).toEqual([
      [1, 'GOLD10'],
      [3, null],
      [4, 'DEE6'],
      [6, 'FAY8'],
    ]);
  });

  test('reject: a record with several matching lines gets nothing, and is kept', async () => {
    expect(await enriched(joinDoc({ mode: 'rule', rule, multiple: 'reject' }), 'coupon')).toEqual([
      [1, 'GOLD10'],
      [3, null],
      [4, 'DEE6'],
      [6, null],
    ]);
    // A simple key join rejects the same way: email = mail exactly matches line 2 for 1, lines 3 and 4 for 6.
    expect(await enriched(joinDoc({ mode: 'keys', keys: [{ left: 'email', right: 'mail' }], multiple: 'reject' }), 'coupon')).toEqual([
      [1, 'LOW'],
      [3, null],
      [4, null],
      [6, null],
    ]);
  });

  test('a joined column is usable downstream: a Split keeps the records whose file score is 7 or more', async () => {
    const doc = campaign(
      [
        audience('a', rules.OPT),
        file,
        { id: 'x', type: 'enrichment', config: { joins: [{ id: 'j', transitionId: 'file', mode: 'rule', rule, keys: [], columns: [{ name: 'score', alias: 'file_score' }] }] } },
        { id: 's', type: 'split', config: { subsets: [{ id: 'hi', label: 'High', filter: all({ kind: 'attribute', id: 'c', source: 'column', path: ['file_score'], operator: 'gte', value: 7 }) }] } },
        { id: 'e', type: 'end' },
      ],
      [['in', 'a', 'x'], ['file', 'load', 'x', 'out', 'join'], ['t', 'x', 's'], ['hi', 's', 'e', 'hi']],
    );
    // file_score: 1 -> 9, 3 -> none, 4 -> 6, 6 -> 7.
    expect((await engine.counts(doc)).errors).toEqual({});
    expect(await keysOf(engine, doc, 'hi')).toEqual([1, 6]);
  });

  test('a rule that does not tie the records to the table, or a column the table lacks, is refused', async () => {
    const loose = joinDoc({ mode: 'rule', rule: { combinator: 'and', comparisons: [rule.comparisons[1]] } });
    expect((await engine.counts(loose)).errors.x).toMatch(/At least one comparison must set the records against the joined table/);
    const unknown = joinDoc({ mode: 'rule', rule: { combinator: 'and', comparisons: [{ ...rule.comparisons[0], right: { side: 'other', name: 'email_address' } }] } });
    expect((await engine.counts(unknown)).errors.x).toMatch(/the joined table has no column email_address/);
  });
});
