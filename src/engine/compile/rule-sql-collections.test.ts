import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AttributeCondition, CollectionCondition, Condition, ConditionGroup } from '../../domain/rule';
import type { Engine } from '../engine';
import { and, audienceKeys, fixtureEngine } from '../testing/engine-harness';

// Collection conditions compile to sub-queries over the collection's keys (a semi-join, or a
// grouped aggregate). These cases check the records that have no line at all, which only the
// comparison with the aggregate's value over no lines can decide. Purchases per profile in
// testing/fixture.ts: 1 -> 50, 20 (2025-06-01, 06-25); 2 -> 200; 3 -> none; 4 -> 15.5, 15.5
// (06-29, 06-30); 5 -> none; 6 -> 5. Today is 2025-06-30.

let engine: Engine;
beforeAll(async () => {
  engine = (await fixtureEngine()).engine;
}, 60_000);
afterAll(async () => engine.close());

const coll = (quantifier: CollectionCondition['quantifier'], where: Condition[] = [], aggregate?: CollectionCondition['aggregate']): CollectionCondition => ({
  kind: 'collection',
  id: 'c',
  path: ['purchases'],
  quantifier,
  where: and(...where),
  ...(aggregate ? { aggregate } : {}),
});
const recent: AttributeCondition = { kind: 'attribute', id: 'd', path: ['purchase_date'], operator: 'in-last', value: 7, unit: 'days' };

describe('aggregates decide records without lines by the value over no lines', () => {
  test.each([
    ['count <> 2: no purchase is a count of 0, so it passes', { fn: 'count', operator: 'not-equals', value: 2 } as const, [2, 3, 5, 6]],
    ['count between 0 and 1', { fn: 'count', operator: 'between', value: 0, value2: 1 } as const, [2, 3, 5, 6]],
    ['count between 1 and 1 leaves out those without purchases', { fn: 'count', operator: 'between', value: 1, value2: 1 } as const, [2, 6]],
    ['sum between 10 and 40', { fn: 'sum', field: 'amount', operator: 'between', value: 10, value2: 40 } as const, [4]],
    ['sum <= 5 includes those who spent nothing', { fn: 'sum', field: 'amount', operator: 'lte', value: 5 } as const, [3, 5, 6]],
    ['min <= 15.5: no purchase has no minimum', { fn: 'min', field: 'amount', operator: 'lte', value: 15.5 } as const, [4, 6]],
    ['average amount is not 15.5: no purchase has no average, which "is not" keeps', { fn: 'avg', field: 'amount', operator: 'not-equals', value: 15.5 } as const, [1, 2, 3, 5, 6]],
    ['distinct products < 2', { fn: 'count-distinct', field: 'product_id', operator: 'lt', value: 2 } as const, [2, 3, 4, 5, 6]],
  ])('%s', async (_name, aggregate, expected) => {
    expect(await audienceKeys(engine, and(coll('aggregate', [], aggregate)))).toEqual(expected);
  });

  test('a filtered count: fewer than 1 purchase in the last 7 days', async () => {
    expect(await audienceKeys(engine, and(coll('aggregate', [recent], { fn: 'count', operator: 'lt', value: 1 })))).toEqual([2, 3, 5, 6]);
  });
});

describe('exists and its negation stay complements', () => {
  test('no purchase in the last 7 days', async () => {
    expect(await audienceKeys(engine, and(coll('not-exists', [recent])))).toEqual([2, 3, 5, 6]);
  });
  test('EXCEPT a collection condition', async () => {
    const rule: ConditionGroup = { kind: 'group', id: 'x', combinator: 'except', children: [and(), coll('aggregate', [], { fn: 'count', operator: 'gte', value: 2 })] };
    expect(await audienceKeys(engine, rule)).toEqual([2, 3, 5, 6]);
  });
  test('OR of a collection condition and an attribute', async () => {
    const rule: ConditionGroup = {
      kind: 'group',
      id: 'o',
      combinator: 'or',
      children: [coll('exists', [recent]), { kind: 'attribute', id: 'n', path: ['name'], operator: 'like', value: '%e%' }],
    };
    expect(await audienceKeys(engine, rule)).toEqual([1, 4, 5]);
  });
});
