import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Engine } from '../engine/engine';
import { openTestConnection } from '../engine/testing/test-connection';
import { sampleDataModel } from '../engine/data/sample-model';
import { rowsToArrow } from '../engine/data/rows-to-arrow';
import type { Cell } from '../engine/data/rows-to-arrow';
import type { Condition, ConditionGroup } from '../domain/rule';
import { campaign } from '../engine/testing/fixture';
import { all, attr, keysOf } from '../engine/testing/activity-harness';

// B2B on the sample data model, with rows written out:
//   accounts 1 Alpha, 2 Beta, 3 Gamma
//   buying groups 10 (account 1, engaged, completeness 0.6, engagement 70)
//                 11 (account 2, new, 0.4, 20)
//                 12 (account 3, qualified, 0.8, 50)
//   members: 10 -> 100 decision maker, 101 influencer; 11 -> 102 decision maker; 12 -> 103 end user
//   people: 100, 101 (account 1), 102 (account 2), 103, 104 (account 3)
const rows: Record<string, Record<string, Cell>[]> = {
  accounts: [1, 2, 3].map((id, i) => ({ account_id: id, name: ['Alpha', 'Beta', 'Gamma'][i]!, industry: 'software', country: 'FR', tier: 'enterprise' })),
  buying_groups: [
    { buying_group_id: 10, account_id: 1, solution_interest: 'crm', status: 'engaged', completeness: 0.6, engagement_score: 70 },
    { buying_group_id: 11, account_id: 2, solution_interest: 'crm', status: 'new', completeness: 0.4, engagement_score: 20 },
    { buying_group_id: 12, account_id: 3, solution_interest: 'analytics', status: 'qualified', completeness: 0.8, engagement_score: 50 },
  ],
  buying_group_members: [
    { member_id: 1, buying_group_id: 10, profile_id: 100, role: 'decision_maker' },
    { member_id: 2, buying_group_id: 10, profile_id: 101, role: 'influencer' },
    { member_id: 3, buying_group_id: 11, profile_id: 102, role: 'decision_maker' },
    { member_id: 4, buying_group_id: 12, profile_id: 103, role: 'end_user' },
  ],
  profiles: [
    [100, 1],
    [101, 1],
    [102, 2],
    [103, 3],
    [104, 3],
  ].map(([id, account]) => ({ profile_id: id!, account_id: account!, email: `p${id}@x.com` })),
};

let engine: Engine;
beforeAll(async () => {
  engine = new Engine(await openTestConnection());
  await engine.loadDataset({
    id: 'b2b-fixture',
    model: sampleDataModel,
    tables: sampleDataModel.entities.map((e) => ({ entity: e.name, *batches() { yield rowsToArrow(e, rows[e.name] ?? []); } })),
  });
}, 60_000);
afterAll(async () => engine.close());

const exists = (path: string, ...where: Condition[]): Condition => ({ kind: 'collection', id: path, path: [path], quantifier: 'exists', where: all(...where) });

async function audienceKeys(dimension: string, rule: ConditionGroup, key: string): Promise<number[]> {
  const doc = campaign([{ id: 'a', type: 'build-audience', config: { targetDimension: dimension, rule } }, { id: 'e', type: 'end' }], [['t', 'a', 'e']]);
  const r = await engine.counts(doc);
  expect(r.errors).toEqual({});
  const keys = await keysOf(engine, doc, 't', key);
  expect(r.counts.t).toBe(keys.length);
  return keys;
}

describe('accounts as the target dimension, with buying groups', () => {
  test('a buying group at least half complete with a decision maker', async () => {
    const rule = all(exists('buying_groups', attr('completeness', 'gte', 0.5), exists('members', attr('role', 'equals', 'decision_maker'))));
    expect(await audienceKeys('accounts', rule, 'account_id')).toEqual([1]);
  });

  test('engagement of a buying group', async () => {
    expect(await audienceKeys('accounts', all(exists('buying_groups', attr('engagement_score', 'gt', 40))), 'account_id')).toEqual([1, 3]);
  });

  test('count of buying groups by status', async () => {
    const rule = all({
      kind: 'collection',
      id: 'n',
      path: ['buying_groups'],
      quantifier: 'aggregate',
      where: all(attr('status', 'in', ['engaged', 'qualified'])),
      aggregate: { fn: 'count', operator: 'gte', value: 1 },
    });
    expect(await audienceKeys('accounts', rule, 'account_id')).toEqual([1, 3]);
  });

  test('people by their role in a buying group', async () => {
    expect(await audienceKeys('profiles', all(exists('memberships', attr('role', 'equals', 'decision_maker'))), 'profile_id')).toEqual([100, 102]);
  });

  test('change dimension accounts -> people and people -> accounts', async () => {
    const toPeople = campaign(
      [
        { id: 'a', type: 'build-audience', config: { targetDimension: 'accounts', rule: all(exists('buying_groups', attr('completeness', 'gte', 0.5))) } },
        { id: 'cd', type: 'change-dimension', config: { targetDimension: 'profiles', path: ['people'] } },
        { id: 'back', type: 'change-dimension', config: { targetDimension: 'accounts', path: ['account'] } },
        { id: 'e', type: 'end' },
      ],
      [['acc', 'a', 'cd'], ['people', 'cd', 'back'], ['accounts', 'back', 'e']],
    );
    const r = await engine.counts(toPeople);
    expect(r.counts).toEqual({ acc: 2, people: 4, accounts: 2 });
    expect(await keysOf(engine, toPeople, 'people')).toEqual([100, 101, 103, 104]);
    expect(await keysOf(engine, toPeople, 'accounts', 'account_id')).toEqual([1, 3]);
  });
});
