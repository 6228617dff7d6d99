import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { AttributeCondition, Condition, ConditionGroup } from '../../domain/rule';
import type { Engine } from '../engine';
import { and, audienceKeys, fixtureEngine } from '../testing/engine-harness';
import { campaign } from '../testing/fixture';
import { audience, keysOf } from '../testing/activity-harness';

// A Build audience compiles its rule as a filter (see RuleUse): positive conditions without
// COALESCE, and conditions on the same linked record as one semi-join. Expected keys are worked
// out by hand from testing/fixture.ts: accounts 10 Acme enterprise (people 1, 3), 11 Globex smb
// (people 4, 6); people 2 and 5 have no account.

let engine: Engine;
beforeAll(async () => {
  engine = (await fixtureEngine()).engine;
}, 60_000);
afterAll(async () => engine.close());

const attr = (path: string, operator: AttributeCondition['operator'], value?: AttributeCondition['value']): AttributeCondition => ({
  kind: 'attribute',
  id: `${path}-${operator}`,
  path: path.split('.'),
  operator,
  ...(value !== undefined ? { value } : {}),
});
const group = (combinator: ConditionGroup['combinator'], ...children: Condition[]): ConditionGroup => ({ kind: 'group', id: combinator, combinator, children });

/** The SQL of a Build audience with `rule` (the code view). */
function audienceSql(rule: ConditionGroup): string {
  const doc = campaign([{ id: 'q', type: 'build-audience', config: { targetDimension: 'profiles', rule } }], []);
  return engine.sql(doc).sql.q ?? '';
}
const semiJoins = (sql: string) => sql.split('IN (SELECT').length - 1;

describe('conditions on the same linked record', () => {
  test.each([
    ['AND: an enterprise account named Acme', group('and', attr('account.tier', 'equals', 'enterprise'), attr('account.company', 'equals', 'Acme')), [1, 3]],
    ['AND: no account is both Globex and enterprise', group('and', attr('account.company', 'equals', 'Globex'), attr('account.tier', 'equals', 'enterprise')), []],
    ['OR: Globex or enterprise', group('or', attr('account.company', 'equals', 'Globex'), attr('account.tier', 'equals', 'enterprise')), [1, 3, 4, 6]],
    ['AND with another condition between them', group('and', attr('account.tier', 'equals', 'smb'), attr('country', 'equals', 'FR'), attr('account.company', 'starts-with', 'glo')), [6]],
  ])('%s: one semi-join, the right records', async (_name, rule, expected) => {
    expect(semiJoins(audienceSql(rule))).toBe(1);
    expect(await audienceKeys(engine, rule)).toEqual(expected);
  });

  test('a negative condition on the link stays apart: it also holds without an account', async () => {
    const rule = group('or', attr('account.tier', 'equals', 'enterprise'), attr('account.company', 'not-equals', 'Acme'));
    expect(semiJoins(audienceSql(rule))).toBe(2);
    expect(await audienceKeys(engine, rule)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('a positive condition is written without COALESCE; an excluded one keeps it', () => {
    const sql = audienceSql(group('except', attr('country', 'equals', 'US'), attr('account.tier', 'equals', 'enterprise')));
    expect(sql).toContain(`WHERE (t."country" = 'US'\n`);
    expect(sql).toMatch(/NOT COALESCE\(t\."account_id" IN \(SELECT/);
  });

  test('under EXCEPT an unknown linked value is not a match: people without account stay', async () => {
    // US: Bob (2), no account. "Except enterprise accounts" must keep him.
    expect(await audienceKeys(engine, group('except', attr('country', 'equals', 'US'), attr('account.tier', 'equals', 'enterprise')))).toEqual([2]);
    // Everyone except people of smb accounts: 1, 2, 3, 5.
    expect(await audienceKeys(engine, group('except', and(), group('and', attr('account.tier', 'equals', 'smb'), attr('account.company', 'equals', 'Globex'))))).toEqual([1, 2, 3, 5]);
  });
});

describe('a rule selects the same records as a filter and as a value', () => {
  // Leaves that can be unknown (missing values, no account, no purchase) in every way the compiler treats.
  const leaves: Condition[] = [
    attr('country', 'equals', 'FR'),
    attr('country', 'not-equals', 'FR'),
    attr('score', 'gt', 50),
    attr('email', 'contains', 'x.com'),
    attr('email', 'is-empty'),
    attr('last_seen', 'in-last', 30),
    attr('account.tier', 'equals', 'enterprise'),
    attr('account.company', 'starts-with', 'g'),
    attr('account.company', 'not-equals', 'Acme'),
    attr('account.company', 'is-empty'),
    { kind: 'collection', id: 'bought', path: ['purchases'], quantifier: 'exists', where: and(attr('amount', 'gt', 18)) },
    { kind: 'collection', id: 'none', path: ['purchases'], quantifier: 'not-exists', where: and() },
    { kind: 'collection', id: 'avg', path: ['purchases'], quantifier: 'aggregate', where: and(), aggregate: { fn: 'avg', field: 'amount', operator: 'gte', value: 20 } },
  ];
  const rule: fc.Arbitrary<ConditionGroup> = fc.letrec<{ node: Condition; group: ConditionGroup }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constantFrom(...leaves), tie('group')),
    group: fc.record({
      kind: fc.constant('group' as const),
      id: fc.constant('g'),
      combinator: fc.constantFrom('and' as const, 'or' as const, 'except' as const),
      children: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
    }),
  })).group;

  /** Keys a Split subset with `rule` takes from everyone: the subset's filter is a value (a column). */
  async function splitKeys(r: ConditionGroup): Promise<number[]> {
    const doc = campaign(
      [audience('a'), { id: 's', type: 'split', config: { subsets: [{ id: 'x', label: 'X', filter: r }] } }, { id: 'e', type: 'end' }],
      [['in', 'a', 's'], ['x', 's', 'e', 'x']],
    );
    return keysOf(engine, doc, 'x');
  }

  test('random rules: a Build audience (filter) selects what a Split subset (value) takes', async () => {
    await fc.assert(
      fc.asyncProperty(rule, async (r) => {
        expect(await audienceKeys(engine, r)).toEqual(await splitKeys(r));
      }),
      { numRuns: 60, seed: 7 },
    );
  }, 120_000);
});
