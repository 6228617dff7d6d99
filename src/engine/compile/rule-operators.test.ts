import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AttributeCondition, CollectionCondition, Condition, ConditionGroup } from '../../domain/rule';
import { operatorLabel, operatorsFor } from '../../domain/rule-operators';
import { findEntity } from '../../domain/data-model';
import { Engine } from '../engine';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import { sampleDataModel } from '../data/sample-model';
import { rowsToArrow } from '../data/rows-to-arrow';
import type { Cell } from '../data/rows-to-arrow';
import { campaign, fixtureModel, fixtureRows } from '../testing/fixture';
import { and, fixtureEngine } from '../testing/engine-harness';

/**
 * Every operator the query modeler offers, type by type, on the fixture rows (testing/fixture.ts,
 * today = 2025-06-30). Each expected list is worked out by hand from these rows:
 *
 *   id name   email      country birth_date tier   score opt_in created    last_seen         account
 *   1  Ann    ann@x.com  FR      1990-07-05 gold   80    true   2025-06-20 2025-06-29 10:00  10 Acme
 *   2  Bob    bob@x.com  US      1985-02-28 none   20    false  2024-01-15 2025-01-02 08:30  -
 *   3  Cid    -          FR      -          silver 55    true   2025-05-31 -                 10 Acme
 *   4  Dee    DEE@y.org  DE      2000-07-10 gold   95    true   2023-03-01 2025-06-30 23:59  11 Globex
 *   5  O'Eve  ''         -       1979-12-31 none   -     false  2025-06-30 2025-06-15 12:00  -
 *   6  Fay    fay@x.com  FR      1995-06-30 bronze 40    true   2025-06-01 2024-12-31 23:00  11 Globex
 *
 * Negative operators keep records without a value (someone without a score "is not 55").
 */

/**
 * Keys of the profiles (or `dimension`) a rule selects, read from the transition's preview and
 * checked against its count. The audience continues when empty, so that "nobody" is a count of 0.
 */
async function audienceKeys(
  on: Engine,
  rule: ConditionGroup,
  dimension = 'profiles',
): Promise<number[] | { error: string }> {
  const doc = campaign(
    [
      { id: 'q', type: 'build-audience', config: { targetDimension: dimension, rule, emitWhenEmpty: true } },
      { id: 'e', type: 'end' },
    ],
    [['t', 'q', 'e']],
  );
  const result = await on.counts(doc);
  if (result.errors.q) return { error: result.errors.q };
  const keys = (await on.preview(doc, 't')).rows.map((r) =>
    Number(r[dimension === 'profiles' ? 'profile_id' : 'account_id']),
  );
  expect(result.counts.t).toBe(keys.length);
  return keys;
}

let engine: Engine;
beforeAll(async () => {
  engine = (await fixtureEngine()).engine;
}, 60_000);
afterAll(async () => engine.close());

const attr = (
  path: string,
  operator: AttributeCondition['operator'],
  value?: AttributeCondition['value'],
  extra: Partial<AttributeCondition> = {},
): AttributeCondition => ({
  kind: 'attribute',
  id: 'a',
  path: path.split('.'),
  operator,
  ...(value !== undefined ? { value } : {}),
  ...extra,
});

type Case = [name: string, condition: Condition, expected: number[]];
const run = (cases: Case[]) =>
  test.each(cases)('%s', async (_name, condition, expected) => {
    expect(await audienceKeys(engine, and(condition))).toEqual(expected);
  });

describe('numbers: equals, not equals, <, <=, >, >=, between, in list, empty', () => {
  run([
    ['score is 55', attr('score', 'equals', 55), [3]],
    ['score is not 55 keeps the missing score', attr('score', 'not-equals', 55), [1, 2, 4, 5, 6]],
    ['score < 40 is strict', attr('score', 'lt', 40), [2]],
    ['score <= 40 includes the bound', attr('score', 'lte', 40), [2, 6]],
    ['score > 95 is strict', attr('score', 'gt', 95), []],
    ['score >= 95 includes the bound', attr('score', 'gte', 95), [4]],
    ['score between 20 and 55 includes both bounds', attr('score', 'between', 20, { value2: 55 }), [2, 3, 6]],
    ['score is one of 20, 95', attr('score', 'in', [20, 95]), [2, 4]],
    ['score is none of 20, 95 keeps the missing score', attr('score', 'not-in', [20, 95]), [1, 3, 5, 6]],
    ['score is empty', attr('score', 'is-empty'), [5]],
    ['score is not empty', attr('score', 'is-not-empty'), [1, 2, 3, 4, 6]],
    ['a number typed as text is read as a number', attr('score', 'equals', '55'), [3]],
  ]);
});

describe('text: in list, starts with, contains, like and their negatives', () => {
  run([
    ['email is exactly DEE@y.org', attr('email', 'equals', 'DEE@y.org'), [4]],
    ['email is one of two addresses', attr('email', 'in', ['ann@x.com', 'fay@x.com']), [1, 6]],
    [
      'email is none of two addresses keeps missing emails',
      attr('email', 'not-in', ['ann@x.com', 'fay@x.com']),
      [2, 3, 4, 5],
    ],
    ['email starts with ANN (any case)', attr('email', 'starts-with', 'ANN'), [1]],
    [
      'email does not start with ann keeps missing emails',
      attr('email', 'not-starts-with', 'ann'),
      [2, 3, 4, 5, 6],
    ],
    ['name contains a quote', attr('name', 'contains', "'"), [5]],
    [
      'email does not contain @x. keeps missing and blank emails',
      attr('email', 'not-contains', '@x.'),
      [3, 4, 5],
    ],
    ['name like _ob (one character, then ob)', attr('name', 'like', '_ob'), [2]],
    ["name like O'% (a quote in the pattern)", attr('name', 'like', "O'%"), [5]],
    ['email not like %x.com keeps missing and blank emails', attr('email', 'not-like', '%x.com'), [3, 4, 5]],
    ['a percent sign in contains is a character, not a pattern', attr('name', 'contains', '%'), []],
  ]);
});

/**
 * One rule for text: case and surrounding spaces are ignored unless the condition matches case.
 * Before, "is", "is one of" and "matches pattern" compared exactly; these cases failed then.
 */
describe('text: case and surrounding spaces ignored, unless Match case', () => {
  run([
    ['email is dee@y.org (any case)', attr('email', 'equals', 'dee@y.org'), [4]],
    ['email is " ann@x.com " (spaces typed around it)', attr('email', 'equals', ' ann@x.com '), [1]],
    ['email is one of ANN@X.COM, Dee@Y.org', attr('email', 'in', ['ANN@X.COM', 'Dee@Y.org']), [1, 4]],
    ['email matches pattern %X.COM (any case)', attr('email', 'like', '%X.COM'), [1, 2, 6]],
    ['Match case: email is dee@y.org', attr('email', 'equals', 'dee@y.org', { matchCase: true }), []],
    ['Match case: email is DEE@y.org', attr('email', 'equals', 'DEE@y.org', { matchCase: true }), [4]],
    ['Match case: email matches pattern %X.COM', attr('email', 'like', '%X.COM', { matchCase: true }), []],
    ['Match case: email starts with ANN', attr('email', 'starts-with', 'ANN', { matchCase: true }), []],
    ['Match case: email is not dee@y.org keeps Dee', attr('email', 'not-equals', 'dee@y.org', { matchCase: true }), [1, 2, 3, 4, 5, 6]],
  ]);
});

/** Records without a value kept or left out (`missing`); without it, as the operator documents. */
describe('records without a value, by choice', () => {
  // Purchases: 1 -> 50, 20; 2 -> 200; 4 -> 15.5, 15.5; 6 -> 5; profiles 3 and 5 have none.
  const purchases = (aggregate: CollectionCondition['aggregate']): CollectionCondition => ({ kind: 'collection', id: 'c', path: ['purchases'], quantifier: 'aggregate', where: and(), aggregate });
  run([
    ['score is not 55, leaving out the missing score', attr('score', 'not-equals', 55, { missing: 'exclude' }), [1, 2, 4, 6]],
    ['email does not contain @x., leaving out missing and blank emails', attr('email', 'not-contains', '@x.', { missing: 'exclude' }), [4]],
    ['country is none of FR, leaving out the unknown country', attr('country', 'not-in', ['FR'], { missing: 'exclude' }), [2, 4]],
    ['score is at least 55, keeping the missing score', attr('score', 'gte', 55, { missing: 'include' }), [1, 3, 4, 5]],
    ['account company is none of Globex, leaving out people without account', attr('account.company', 'not-in', ['Globex'], { missing: 'exclude' }), [1, 3]],
    ['account company is Acme, keeping people without account', attr('account.company', 'equals', 'Acme', { missing: 'include' }), [1, 2, 3, 5]],
    ['account company is empty: no account, or an account without company', attr('account.company', 'is-empty'), [2, 5]],
    ['account company is empty: no account', attr('account.company', 'is-empty', undefined, { linkedEmpty: 'no-record' }), [2, 5]],
    ['account company is empty: an account without company (none)', attr('account.company', 'is-empty', undefined, { linkedEmpty: 'empty-field' }), []],
    ['average amount is not 15.5, leaving out people without purchase', purchases({ fn: 'avg', field: 'amount', operator: 'not-equals', value: 15.5, missing: 'exclude' }), [1, 2, 6]],
    ['at most 1 purchase, leaving out people without purchase', purchases({ fn: 'count', operator: 'lte', value: 1, missing: 'exclude' }), [2, 6]],
    ['at least 2 purchases, keeping people without purchase', purchases({ fn: 'count', operator: 'gte', value: 2, missing: 'include' }), [1, 3, 4, 5]],
  ]);
});

describe('enums: values, not labels', () => {
  run([
    ['tier is gold', attr('tier', 'equals', 'gold'), [1, 4]],
    ['tier is not gold', attr('tier', 'not-equals', 'gold'), [2, 3, 5, 6]],
    ['country is empty', attr('country', 'is-empty'), [5]],
    ['country is not empty', attr('country', 'is-not-empty'), [1, 2, 3, 4, 6]],
    ['country is none of FR keeps the unknown country', attr('country', 'not-in', ['FR']), [2, 4, 5]],
  ]);

  test('the modeler offers enum operators and shows labels; the rule stores the value', async () => {
    const profiles = findEntity(sampleDataModel, 'profiles')!;
    const country = profiles.fields.find((f) => f.name === 'country')!;
    expect(operatorsFor(country)).toEqual([
      'equals',
      'not-equals',
      'in',
      'not-in',
      'is-empty',
      'is-not-empty',
    ]);
    expect(country.values.find((v) => v.value === 'FR')?.label).toBe('France');
    const tier = profiles.fields.find((f) => f.name === 'loyalty_tier')!;
    expect(tier.values.every((v) => v.label !== '')).toBe(true);
    // A label where a value belongs is reported, not silently matched against nothing.
    expect(await audienceKeys(engine, and(attr('tier', 'equals', 'Gold')))).toEqual({
      error: expect.stringMatching(/"Gold" is not a value of tier/),
    });
  });
});

describe('booleans', () => {
  run([
    ['opt-in is empty: every profile has a value', attr('opt_in', 'is-empty'), []],
    ['opt-in is not empty', attr('opt_in', 'is-not-empty'), [1, 2, 3, 4, 5, 6]],
  ]);
});

describe('dates: absolute', () => {
  run([
    ['created is on 2025-06-20', attr('created', 'equals', '2025-06-20'), [1]],
    ['created is not on 2025-06-20', attr('created', 'not-equals', '2025-06-20'), [2, 3, 4, 5, 6]],
    [
      'created between 2025-05-31 and 2025-06-20 includes both days',
      attr('created', 'between', '2025-05-31', { value2: '2025-06-20' }),
      [1, 3, 6],
    ],
    ['birth date before 1990-01-01', attr('birth_date', 'before', '1990-01-01'), [2, 5]],
    ['birth date after 1990-07-05 is strict', attr('birth_date', 'after', '1990-07-05'), [4, 6]],
    ['birth date is empty', attr('birth_date', 'is-empty'), [3]],
    ['birth date is not empty', attr('birth_date', 'is-not-empty'), [1, 2, 4, 5, 6]],
    [
      'last seen after 2025-06-29 (a day: after that whole day)',
      attr('last_seen', 'after', '2025-06-29'),
      [4],
    ],
    [
      'last seen is on 2025-06-29 at 10:00 (a date-time value)',
      attr('last_seen', 'equals', '2025-06-29T10:00'),
      [1],
    ],
  ]);
});

/**
 * The modeler picks a day for a date-time field ("Last seen is on 29 June"): the date-time is
 * compared by its day, so "is on" means any time that day and "between" includes the whole last day.
 */
describe('date-time fields compared with a day', () => {
  test.each<Case>([
    ['last seen is on 2025-06-29 (a day)', attr('last_seen', 'equals', '2025-06-29'), [1]],
    [
      'last seen is not on 2025-06-29 (a day)',
      attr('last_seen', 'not-equals', '2025-06-29'),
      [2, 3, 4, 5, 6],
    ],
    [
      'last seen between 2025-06-15 and 2025-06-30 includes the whole last day',
      attr('last_seen', 'between', '2025-06-15', { value2: '2025-06-30' }),
      [1, 4, 5],
    ],
  ])('%s', async (_name, condition, expected) => {
    expect(await audienceKeys(engine, and(condition))).toEqual(expected);
  });
});

describe('dates: relative to today (2025-06-30)', () => {
  run([
    [
      'created in the last 10 days (2025-06-21 .. today)',
      attr('created', 'in-last', 10, { unit: 'days' }),
      [5],
    ],
    [
      'created in the last 11 days includes 2025-06-20',
      attr('created', 'in-last', 11, { unit: 'days' }),
      [1, 5],
    ],
    [
      'created more than 1 month ago (before 2025-05-30)',
      attr('created', 'more-than-ago', 1, { unit: 'months' }),
      [2, 4],
    ],
    [
      'created more than 4 weeks ago (before 2025-06-02)',
      attr('created', 'more-than-ago', 4, { unit: 'weeks' }),
      [2, 3, 4, 6],
    ],
    ['last seen this month (a timestamp, by its day)', attr('last_seen', 'this-month'), [1, 4, 5]],
    ['last seen last month', attr('last_seen', 'last-month'), []],
    [
      'last seen more than 30 days ago (before 2025-05-31)',
      attr('last_seen', 'more-than-ago', 30, { unit: 'days' }),
      [2, 6],
    ],
    ['birthday today (within 0 days)', attr('birth_date', 'anniversary-within', 0), [6]],
    ['birthday within 5 days includes the fifth day', attr('birth_date', 'anniversary-within', 5), [1, 6]],
    ['birthday within 10 days', attr('birth_date', 'anniversary-within', 10), [1, 4, 6]],
  ]);
});

describe('through a many-to-one link', () => {
  run([
    ['account company starts with ac', attr('account.company', 'starts-with', 'ac'), [1, 3]],
    ['account company is one of Globex', attr('account.company', 'in', ['Globex']), [4, 6]],
    [
      'account company is none of Globex keeps people without account',
      attr('account.company', 'not-in', ['Globex']),
      [1, 2, 3, 5],
    ],
  ]);
});

describe('collections: exists, does not exist, aggregates over the filtered lines', () => {
  // Purchases: profile 1 -> 50, 20 (products 100, 101); 2 -> 200 (100); 4 -> 15.5, 15.5 (102, 102);
  // 6 -> 5 (101); profiles 3 and 5 have none.
  const purchases = (
    quantifier: CollectionCondition['quantifier'],
    where: Condition[] = [],
    aggregate?: CollectionCondition['aggregate'],
  ): CollectionCondition => ({
    kind: 'collection',
    id: 'c',
    path: ['purchases'],
    quantifier,
    where: and(...where),
    ...(aggregate ? { aggregate } : {}),
  });
  run([
    ['has no purchase over 100', purchases('not-exists', [attr('amount', 'gt', 100)]), [1, 3, 4, 5, 6]],
    [
      'smallest purchase at most 15.5 (no purchase: no smallest)',
      purchases('aggregate', [], { fn: 'min', field: 'amount', operator: 'lte', value: 15.5 }),
      [4, 6],
    ],
    [
      'number of purchases is not 1',
      purchases('aggregate', [], { fn: 'count', operator: 'not-equals', value: 1 }),
      [1, 3, 4, 5],
    ],
    [
      'fewer than 2 purchases',
      purchases('aggregate', [], { fn: 'count', operator: 'lt', value: 2 }),
      [2, 3, 5, 6],
    ],
    [
      'at most 1 purchase',
      purchases('aggregate', [], { fn: 'count', operator: 'lte', value: 1 }),
      [2, 3, 5, 6],
    ],
    [
      'exactly 2 purchases over 10 (the count of the filtered lines)',
      purchases('aggregate', [attr('amount', 'gt', 10)], { fn: 'count', operator: 'equals', value: 2 }),
      [1, 4],
    ],
    [
      'total between 30 and 70',
      purchases('aggregate', [], { fn: 'sum', field: 'amount', operator: 'between', value: 30, value2: 70 }),
      [1, 4],
    ],
    [
      'at least 2 different products',
      purchases('aggregate', [], { fn: 'count-distinct', field: 'product_id', operator: 'gte', value: 2 }),
      [1],
    ],
  ]);
});

describe('an operator that does not fit is a problem on the condition', () => {
  test.each([
    ['a date operator on a number', attr('score', 'before', '2025-01-01'), /applies to dates/],
    ['a negative number of days', attr('created', 'in-last', -1, { unit: 'days' }), /whole number/],
    ['between without an upper bound', attr('score', 'between', 1), /upper bound/],
    ['an empty list', attr('tier', 'in', []), /at least one value/],
    ['a list where one value is expected', attr('score', 'equals', [1, 2]), /single value/],
    ['text that is not a date', attr('last_seen', 'after', 'soon'), /expects a date/],
  ])('%s', async (_name, condition, message) => {
    expect(await audienceKeys(engine, and(condition))).toEqual({ error: expect.stringMatching(message) });
  });
});

describe('anniversaries across the end of the year and on 29 February', () => {
  // Birth dates only matter here; the reference date is moved to the end of a year, then to
  // February of a year without a 29th.
  const births: [number, string, string][] = [
    [1, '1990-12-31', '2025-12-05'],
    [2, '1985-01-03', '2026-01-02'],
    [3, '2000-02-29', '2024-12-15'],
    [4, '1970-12-20', '2025-11-30'],
  ];
  const rows: Record<string, Record<string, Cell>[]> = {
    ...fixtureRows,
    profiles: births.map(([id, birth, created]) => ({ profile_id: id, birth_date: birth, created })),
  };
  const engineOn = async (referenceDate: string) => {
    const model = { ...fixtureModel, referenceDate };
    const e = new Engine(await openNodeDuckDB());
    await e.loadDataset({
      id: `fixture-${referenceDate}`,
      model,
      tables: model.entities.map((x) => ({
        entity: x.name,
        *batches() {
          yield rowsToArrow(x, rows[x.name] ?? []);
        },
      })),
    });
    return e;
  };

  test('on 2025-12-28, birthdays within 7 days reach into January (31 Dec, 3 Jan)', async () => {
    const e = await engineOn('2025-12-28');
    try {
      expect(await audienceKeys(e, and(attr('birth_date', 'anniversary-within', 7)))).toEqual([1, 2]);
      // 20 December has passed: its next anniversary is a year away.
      expect(await audienceKeys(e, and(attr('birth_date', 'anniversary-within', 300)))).toEqual([1, 2, 3]);
      expect(await audienceKeys(e, and(attr('birth_date', 'anniversary-within', 365)))).toEqual([1, 2, 3, 4]);
    } finally {
      await e.close();
    }
  }, 60_000);

  test('in a year without 29 February, that birthday falls on 1 March', async () => {
    const e = await engineOn('2025-02-25');
    try {
      expect(await audienceKeys(e, and(attr('birth_date', 'anniversary-within', 3)))).toEqual([]);
      expect(await audienceKeys(e, and(attr('birth_date', 'anniversary-within', 4)))).toEqual([3]);
    } finally {
      await e.close();
    }
  }, 60_000);

  test('on 2026-01-10, last month is December 2025 and this month January 2026', async () => {
    const e = await engineOn('2026-01-10');
    try {
      expect(await audienceKeys(e, and(attr('created', 'last-month')))).toEqual([1]);
      expect(await audienceKeys(e, and(attr('created', 'this-month')))).toEqual([2]);
      expect(await audienceKeys(e, and(attr('created', 'in-last', 2, { unit: 'months' })))).toEqual([
        1, 2, 4,
      ]);
    } finally {
      await e.close();
    }
  }, 60_000);
});

describe('labels the modeler shows', () => {
  test('dates read "is on"; other types "is"', () => {
    expect(operatorLabel('equals', { type: 'date' })).toBe('is on');
    expect(operatorLabel('not-equals', { type: 'timestamp' })).toBe('is not on');
    expect(operatorLabel('equals', { type: 'enum' })).toBe('is');
    expect(operatorLabel('anniversary-within', { type: 'date' })).toBe('anniversary within');
  });
});
