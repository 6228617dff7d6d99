import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AttributeCondition, CollectionCondition, Condition } from '../../domain/rule';
import type { Engine } from '../engine';
import { and, audienceKeys, fixtureEngine } from '../testing/engine-harness';

// Expected keys below are worked out by hand from the rows in testing/fixture.ts (today = 2025-06-30).

let engine: Engine;
beforeAll(async () => {
  engine = (await fixtureEngine()).engine;
}, 60_000);
afterAll(async () => engine.close());

const attr = (path: string, operator: AttributeCondition['operator'], value?: AttributeCondition['value'], extra: Partial<AttributeCondition> = {}): AttributeCondition => ({
  kind: 'attribute',
  id: 'a',
  path: path.split('.'),
  operator,
  ...(value !== undefined ? { value } : {}),
  ...extra,
});
const coll = (quantifier: CollectionCondition['quantifier'], where: Condition[] = [], aggregate?: CollectionCondition['aggregate']): CollectionCondition => ({
  kind: 'collection',
  id: 'c',
  path: ['purchases'],
  quantifier,
  where: and(...where),
  ...(aggregate ? { aggregate } : {}),
});

describe('attribute conditions on the target dimension', () => {
  test.each([
    ['country = FR', attr('country', 'equals', 'FR'), [1, 3, 6]],
    ['country <> FR keeps the unknown country', attr('country', 'not-equals', 'FR'), [2, 4, 5]],
    ['score < 55 (a missing score never matches)', attr('score', 'lt', 55), [2, 6]],
    ['score <= 55', attr('score', 'lte', 55), [2, 3, 6]],
    ['score > 55', attr('score', 'gt', 55), [1, 4]],
    ['score >= 80', attr('score', 'gte', 80), [1, 4]],
    ['score between 40 and 80', attr('score', 'between', 40, { value2: 80 }), [1, 3, 6]],
    ['tier in gold, silver', attr('tier', 'in', ['gold', 'silver']), [1, 3, 4]],
    ['tier not in gold, silver', attr('tier', 'not-in', ['gold', 'silver']), [2, 5, 6]],
    ['email is empty (null or blank)', attr('email', 'is-empty'), [3, 5]],
    ['email is not empty', attr('email', 'is-not-empty'), [1, 2, 4, 6]],
    ['name starts with d (any case)', attr('name', 'starts-with', 'd'), [4]],
    ['name does not start with d', attr('name', 'not-starts-with', 'd'), [1, 2, 3, 5, 6]],
    ['email contains X.COM (any case)', attr('email', 'contains', 'X.COM'), [1, 2, 6]],
    ['email does not contain x.com', attr('email', 'not-contains', 'x.com'), [3, 4, 5]],
    ['name like %e%', attr('name', 'like', '%e%'), [4, 5]],
    ['name not like %e%', attr('name', 'not-like', '%e%'), [1, 2, 3, 6]],
    ["name = O'Eve (a quote in the value)", attr('name', 'equals', "O'Eve"), [5]],
    ['hostile text matches nothing and breaks nothing', attr('name', 'equals', "'; DROP TABLE profiles; --"), []],
    ['opt-in is true', attr('opt_in', 'is-true'), [1, 3, 4, 6]],
    ['opt-in is false', attr('opt_in', 'is-false'), [2, 5]],
  ])('%s', async (_name, condition, expected) => {
    expect(await audienceKeys(engine, and(condition))).toEqual(expected);
  });
});

describe('date conditions, relative to the reference date', () => {
  test.each([
    ['created in the last 30 days', attr('created', 'in-last', 30, { unit: 'days' }), [1, 5, 6]],
    ['created in the last 2 weeks', attr('created', 'in-last', 2, { unit: 'weeks' }), [1, 5]],
    ['created in the last month', attr('created', 'in-last', 1, { unit: 'months' }), [1, 3, 5, 6]],
    // 2025-05-31 is exactly 30 days ago: not in the last 30 days (2025-06-01 .. today), so more than 30 days ago.
    ['created more than 30 days ago', attr('created', 'more-than-ago', 30, { unit: 'days' }), [2, 3, 4]],
    ['created 31 days ago or earlier', attr('created', 'more-than-ago', 31, { unit: 'days' }), [2, 4]],
    ['created this month', attr('created', 'this-month'), [1, 5, 6]],
    ['created last month', attr('created', 'last-month'), [3]],
    ['created before 2025-01-01', attr('created', 'before', '2025-01-01'), [2, 4]],
    ['created after 2025-06-01', attr('created', 'after', '2025-06-01'), [1, 5]],
    ['created on or after 2025-06-01', attr('created', 'on-or-after', '2025-06-01'), [1, 5, 6]],
    ['created on or before 2025-06-01', attr('created', 'on-or-before', '2025-06-01'), [2, 3, 4, 6]],
    ['last seen after 2025-06-29 12:00 (timestamp)', attr('last_seen', 'after', '2025-06-29T12:00'), [4]],
    ['last seen in the last 7 days (timestamp)', attr('last_seen', 'in-last', 7, { unit: 'days' }), [1, 4]],
    ['last seen before 2025-01-01 (day of a timestamp)', attr('last_seen', 'before', '2025-01-01'), [6]],
    ['birthday within 7 days', attr('birth_date', 'anniversary-within', 7), [1, 6]],
  ])('%s', async (_name, condition, expected) => {
    expect(await audienceKeys(engine, and(condition))).toEqual(expected);
  });
});

describe('links and collections', () => {
  test.each([
    ['account tier = enterprise (many-to-one link)', attr('account.tier', 'equals', 'enterprise'), [1, 3]],
    ['account company <> Acme keeps people without account', attr('account.company', 'not-equals', 'Acme'), [2, 4, 5, 6]],
    ['account company is empty', attr('account.company', 'is-empty'), [2, 5]],
    ['has purchases', coll('exists'), [1, 2, 4, 6]],
    ['has no purchase', coll('not-exists'), [3, 5]],
    ['has a purchase over 100', coll('exists', [attr('amount', 'gt', 100)]), [2]],
    ['bought a book (link inside the collection)', coll('exists', [attr('product.category', 'equals', 'books')]), [1, 6]],
    ['bought in the last 7 days', coll('exists', [attr('purchase_date', 'in-last', 7, { unit: 'days' })]), [1, 4]],
    ['at least 2 purchases', coll('aggregate', [], { fn: 'count', operator: 'gte', value: 2 }), [1, 4]],
    ['no purchase, as a count', coll('aggregate', [], { fn: 'count', operator: 'equals', value: 0 }), [3, 5]],
    ['spent more than 30', coll('aggregate', [], { fn: 'sum', field: 'amount', operator: 'gt', value: 30 }), [1, 2, 4]],
    ['spent less than 10 (no purchase = 0)', coll('aggregate', [], { fn: 'sum', field: 'amount', operator: 'lt', value: 10 }), [3, 5, 6]],
    ['average basket 15..40', coll('aggregate', [], { fn: 'avg', field: 'amount', operator: 'between', value: 15, value2: 40 }), [1, 4]],
    ['largest purchase >= 200', coll('aggregate', [], { fn: 'max', field: 'amount', operator: 'gte', value: 200 }), [2]],
    ['exactly one distinct product', coll('aggregate', [], { fn: 'count-distinct', field: 'product_id', operator: 'equals', value: 1 }), [2, 4, 6]],
  ])('%s', async (_name, condition, expected) => {
    expect(await audienceKeys(engine, and(condition))).toEqual(expected);
  });

  test('accounts with a person scoring over 90', async () => {
    const rule = and({ kind: 'collection', id: 'p', path: ['people'], quantifier: 'exists', where: and(attr('score', 'gt', 90)) });
    expect(await audienceKeys(engine, rule, 'accounts')).toEqual([11]);
  });
});

describe('groups', () => {
  test('empty rule selects every record', async () => {
    expect(await audienceKeys(engine, and())).toEqual([1, 2, 3, 4, 5, 6]);
  });
  test('OR', async () => {
    const rule = { kind: 'group' as const, id: 'o', combinator: 'or' as const, children: [attr('country', 'equals', 'US'), attr('score', 'gt', 90)] };
    expect(await audienceKeys(engine, rule)).toEqual([2, 4]);
  });
  test('AND', async () => {
    expect(await audienceKeys(engine, and(attr('country', 'equals', 'FR'), attr('opt_in', 'is-true')))).toEqual([1, 3, 6]);
  });
  test('EXCEPT removes later children from the first', async () => {
    const rule = { kind: 'group' as const, id: 'x', combinator: 'except' as const, children: [attr('country', 'equals', 'FR'), attr('score', 'lt', 50)] };
    expect(await audienceKeys(engine, rule)).toEqual([1, 3]);
  });
  test('nested groups', async () => {
    const inner = { kind: 'group' as const, id: 'o', combinator: 'or' as const, children: [attr('country', 'equals', 'FR'), attr('country', 'equals', 'DE')] };
    expect(await audienceKeys(engine, and(attr('tier', 'in', ['gold']), inner))).toEqual([1, 4]);
  });
});

describe('bad rules are reported, not thrown', () => {
  test.each([
    ['unknown field', attr('shoe_size', 'equals', 42), /no field shoe_size/],
    ['text operator on a number', attr('score', 'starts-with', '4'), /applies to text/],
    ['value outside the enum', attr('country', 'equals', 'XX'), /not a value of country/],
    ['missing value', attr('score', 'gt'), /needs a value/],
    ['not a number', attr('score', 'gt', 'lots'), /expects a number/],
    ['not a date', attr('created', 'before', 'yesterday'), /expects a date/],
    ['collection used as a field', attr('purchases.amount', 'gt', 3), /collection/],
    ['sum of text', coll('aggregate', [], { fn: 'sum', field: 'purchase_date', operator: 'gt', value: 1 }), /numeric/],
  ])('%s', async (_name, condition, message) => {
    const result = await audienceKeys(engine, and(condition));
    expect(result).toEqual({ error: expect.stringMatching(message) });
  });
});
