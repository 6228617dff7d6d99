import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../engine/engine';
import { campaign, fixtureModel } from '../../engine/testing/fixture';
import type { AttributeCondition, ConditionGroup } from '../../domain/rule';
import { validateCampaign } from '../../domain/validate';
import { all, attr, audience, engineWith, keysOf } from '../../engine/testing/activity-harness';
import { inboundSchema } from '../inbound-columns';

// Purchases per profile (fixture.ts): 1: 50 + 20 = 70 | 2: 200 | 3: none | 4: 15.5 + 15.5 = 31 | 5: none | 6: 5.
// With an Enrichment adding `spent` (sum of amounts) and `who` (name), worked out by hand:
//   id  spent  who   country
//   1   70     Ann   FR
//   2   200    Bob   US
//   3   0      Cid   FR
//   4   31     Dee   DE
//   5   0      O'Eve -
//   6   5      Fay   FR

const column = (
  name: string,
  operator: AttributeCondition['operator'],
  value?: AttributeCondition['value'],
): AttributeCondition => ({
  kind: 'attribute',
  id: `col-${name}`,
  source: 'column',
  path: [name],
  operator,
  ...(value !== undefined ? { value } : {}),
});

const enrichment = {
  id: 'x',
  type: 'enrichment',
  config: {
    attributes: [{ id: 'n', path: ['name'], alias: 'who' }],
    collections: [
      {
        id: 'c',
        path: ['purchases'],
        alias: 'spent',
        mode: 'aggregate',
        aggregate: { fn: 'sum', field: 'amount' },
      },
    ],
  },
};

/** Audience -> (Enrichment) -> Split with two subsets and the rest. */
function doc(subsets: [string, ConditionGroup][], withEnrichment = true) {
  return campaign(
    [
      audience('a'),
      ...(withEnrichment ? [enrichment] : []),
      {
        id: 's',
        type: 'split',
        config: { complement: true, subsets: subsets.map(([id, filter]) => ({ id, label: id, filter })) },
      },
      { id: 'e', type: 'end' },
    ],
    [
      ...(withEnrichment
        ? [['t1', 'a', 'x'] as [string, string, string], ['t2', 'x', 's'] as [string, string, string]]
        : [['t2', 'a', 's'] as [string, string, string]]),
      ...subsets.map(([id]): [string, string, string, string] => [`t-${id}`, 's', 'e', id]),
      ['rest', 's', 'e', 'complement'],
    ],
  );
}

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith();
}, 60_000);
afterAll(async () => engine.close());

describe('Split filters on the inbound working table columns', () => {
  test('a number column added by an Enrichment, then a text column with a field of the model', async () => {
    const d = doc([
      ['big', all(column('spent', 'gt', 30))],
      ['fr-none', all(column('spent', 'equals', 0), attr('country', 'equals', 'FR'))],
      ['a', all(column('who', 'starts-with', 'f'))],
    ]);
    const r = await engine.counts(d);
    expect(r.errors).toEqual({});
    expect(await keysOf(engine, d, 't-big')).toEqual([1, 2, 4]);
    expect(await keysOf(engine, d, 't-fr-none')).toEqual([3]);
    expect(await keysOf(engine, d, 't-a')).toEqual([6]);
    expect(await keysOf(engine, d, 'rest')).toEqual([5]);
  });

  test('empty and between on a column; a value of the wrong type is reported, not thrown', async () => {
    const d = doc([['mid', all(column('spent', 'between', 5))]]);
    expect((await engine.counts(d)).errors.s).toMatch(/needs an upper bound/);
    const between = doc([['mid', all({ ...column('spent', 'between', 5), value2: 70 })]]);
    expect(await keysOf(engine, between, 't-mid')).toEqual([1, 4, 6]);
    const wrong = doc([['bad', all(column('spent', 'gt', 'lots'))]]);
    expect((await engine.counts(wrong)).errors.s).toMatch(/expects a number/);
  });

  test('the document tells the Split which columns come in, with their types', () => {
    const schema = inboundSchema(doc([['big', all()]]), fixtureModel, 's');
    expect(schema).toEqual({
      dimension: 'profiles',
      columns: [
        { name: 'who', type: 'string' },
        { name: 'spent', type: 'decimal' },
      ],
    });
  });

  test('the declared columns follow an edit upstream, and an unchanged document gives the same answer', () => {
    const before = doc([['big', all()]]);
    const renamed = { ...before, activities: before.activities.map((a) => (a.id === 'x' ? { ...a, config: { ...a.config, attributes: [{ id: 'n', path: ['name'], alias: 'first_name' }] } } : a)) };
    expect(inboundSchema(before, fixtureModel, 's')?.columns.map((c) => c.name)).toEqual(['who', 'spent']);
    expect(inboundSchema(renamed, fixtureModel, 's')?.columns.map((c) => c.name)).toEqual(['first_name', 'spent']);
    expect(inboundSchema(before, fixtureModel, 's')?.columns.map((c) => c.name)).toEqual(['who', 'spent']);
  });

  test('once the Enrichment is removed, the condition shows a problem and the Split reports it, nothing throws', async () => {
    const d = doc([['big', all(column('spent', 'gt', 30))]], false);
    expect((await engine.counts(d)).errors.s).toMatch(/no longer have a column “spent”/);
    const problems = validateCampaign(d, fixtureModel).filter(
      (p) => p.activityId === 's' && p.code === 'rule',
    );
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'subsets[0].filter.children[0]',
        message: expect.stringMatching(/no longer have a column “spent”/),
      }),
    ]);
  });

  test('a column condition inside a list condition is refused with a message', async () => {
    const inList: ConditionGroup = all({
      kind: 'collection',
      id: 'p',
      path: ['purchases'],
      quantifier: 'exists',
      where: all(column('spent', 'gt', 1)),
    });
    const d = doc([['big', inList]]);
    expect((await engine.counts(d)).errors.s).toMatch(/cannot be read here/);
    expect(
      validateCampaign(d, fixtureModel).some(
        (p) => p.activityId === 's' && /inside a list condition/.test(p.message),
      ),
    ).toBe(true);
  });
});
