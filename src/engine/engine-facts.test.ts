import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AttributeCondition, CollectionCondition, ConditionGroup } from '../domain/rule';
import type { Engine } from './engine';
import { and, audienceKeys, fixtureEngine } from './testing/engine-harness';
import { campaign } from './testing/fixture';

// Facts derived from the data alone (which profiles have a matching purchase, each profile's
// number of purchases...) are computed once and read again by every later computation that asks
// for the same facts. Purchases in testing/fixture.ts: profile 1 -> 2, 2 -> 1, 4 -> 2, 6 -> 1.

let engine: Engine;
let statements: string[];
beforeAll(async () => {
  ({ engine, statements } = await fixtureEngine());
}, 60_000);
afterAll(async () => engine.close());

const country = (value: string): AttributeCondition => ({ kind: 'attribute', id: 'a', path: ['country'], operator: 'equals', value });
const bought = (min: number): CollectionCondition => ({
  kind: 'collection',
  id: 'c',
  path: ['purchases'],
  quantifier: 'aggregate',
  where: and(),
  aggregate: { fn: 'count', operator: 'gte', value: min },
});
const hasPurchase: CollectionCondition = { kind: 'collection', id: 'e', path: ['purchases'], quantifier: 'exists', where: and() };
const readsPurchases = (from: number) => statements.slice(from).filter((s) => s.includes('"purchases"'));

const audience = (rule: ConditionGroup) =>
  campaign(
    [
      { id: 'q', type: 'build-audience', config: { targetDimension: 'profiles', rule } },
      { id: 'e', type: 'end' },
    ],
    [['t', 'q', 'e']],
  );

describe('facts of collection conditions', () => {
  test('a rule edit that keeps its collection condition reads no purchase again', async () => {
    expect(await audienceKeys(engine, and(country('FR'), bought(2)))).toEqual([1]);
    const before = statements.length;
    expect(await audienceKeys(engine, and(country('DE'), bought(2)))).toEqual([4]);
    expect(readsPurchases(before)).toEqual([]);
  });

  test('changing the compared value reads the same facts: counts per profile do not depend on it', async () => {
    const before = statements.length;
    expect(await audienceKeys(engine, and(bought(1)))).toEqual([1, 2, 4, 6]);
    expect(await audienceKeys(engine, and(bought(0)))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(readsPurchases(before)).toEqual([]);
  });

  test('the same condition elsewhere in a rule, or alone, reads the same facts', async () => {
    await audienceKeys(engine, and(hasPurchase));
    const before = statements.length;
    const nested: ConditionGroup = { kind: 'group', id: 'o', combinator: 'or', children: [country('US'), and(country('FR'), hasPurchase)] };
    expect(await audienceKeys(engine, nested)).toEqual([1, 2, 6]);
    expect(readsPurchases(before)).toEqual([]);
  });

  test('the code view shows the facts a rule reads', async () => {
    const { sql } = engine.sql(audience(and(bought(2))));
    expect(sql.q).toMatch(/CREATE TEMP TABLE IF NOT EXISTS df_\w+ AS\nSELECT r1\."profile_id" AS "k", count\(\*\) AS "v"/);
  });

  test('facts no campaign reads any more are dropped', async () => {
    await engine.counts(audience(and(bought(2))));
    const before = statements.length;
    await engine.counts(audience(and(country('FR'))));
    expect(statements.slice(before).some((s) => /^DROP TABLE IF EXISTS "df_/.test(s))).toBe(true);
  });
});

describe('facts of enrichment aggregates', () => {
  test('a recount after an upstream edit joins the counts per profile already computed', async () => {
    const enriched = (value: string) =>
      campaign(
        [
          { id: 'q', type: 'build-audience', config: { targetDimension: 'profiles', rule: and(country(value)) } },
          {
            id: 'x',
            type: 'enrichment',
            config: { collections: [{ id: 'c1', path: ['purchases'], mode: 'aggregate', alias: 'orders', where: and(), aggregate: { fn: 'count' } }] },
          },
          { id: 'e', type: 'end' },
        ],
        [
          ['t1', 'q', 'x'],
          ['t2', 'x', 'e'],
        ],
      );
    const first = await engine.counts(enriched('FR'));
    expect(first.errors).toEqual({});
    const before = statements.length;
    await engine.counts(enriched('DE'));
    expect(readsPurchases(before)).toEqual([]);
    const rows = (await engine.preview(enriched('DE'), 't2')).rows.map((r) => [Number(r.profile_id), Number(r.orders)]);
    expect(rows).toEqual([[4, 2]]);
  });
});

describe('facts of deduplication', () => {
  const deduplicated = (rule: ConditionGroup) =>
    campaign(
      [
        { id: 'q', type: 'build-audience', config: { targetDimension: 'profiles', rule, emitWhenEmpty: true } },
        { id: 'd', type: 'deduplication', config: { fields: ['tier'], keep: 1, complement: true, method: 'expression', expression: { field: 'score', order: 'highest' } } },
        { id: 'e', type: 'end' },
        { id: 'x', type: 'end' },
      ],
      [
        ['t1', 'q', 'd'],
        ['kept', 'd', 'e'],
        ['dups', 'd', 'x', 'complement'],
      ],
    );
  const keys = async (rule: ConditionGroup, transition: string) => (await engine.preview(deduplicated(rule), transition)).rows.map((r) => Number(r.profile_id));

  test('records whose values no other record shares are kept without ranking; a recount reuses the shared values', async () => {
    // Tiers: gold 1 (score 80), 4 (95); none 2 (20), 5 (no score); silver 3; bronze 6.
    expect(await keys(and(), 'kept')).toEqual([2, 3, 4, 6]);
    expect(await keys(and(), 'dups')).toEqual([1, 5]);
    const before = statements.length;
    expect(await keys(and(country('FR')), 'kept')).toEqual([1, 3, 6]);
    expect(await keys(and(country('FR')), 'dups')).toEqual([]);
    expect(statements.slice(before).some((s) => s.includes('QUALIFY'))).toBe(false);
  });
});
