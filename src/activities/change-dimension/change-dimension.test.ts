import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../engine/engine';
import { campaign } from '../../engine/testing/fixture';
import type { ConditionGroup } from '../../domain/rule';
import { fixtureModel } from '../../engine/testing/fixture';
import { validateCampaign } from '../../domain/validate';
import {
  all,
  attr,
  audience,
  engineWith,
  keysOf,
  rowsOf,
  rules,
} from '../../engine/testing/activity-harness';
import { LEFT_OUT_OUTPUT } from '../compile-types';
import { deriveCounts } from '../../canvas/counts/derive-counts';

// Fixture: purchases 1, 2 (profile 1), 3 (2), 4, 5 (4), 6 (6); products 100 (purchases 1, 3),
// 101 (2, 6), 102 (4, 5); accounts 10 = {1, 3}, 11 = {4, 6}; profiles 2 and 5 have no account.

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith();
}, 60_000);
afterAll(async () => engine.close());

const changeDoc = (rule: ConditionGroup, config: Record<string, unknown>, dimension = 'profiles') =>
  campaign(
    [
      audience('a', rule, dimension),
      { id: 'cd', type: 'change-dimension', config },
      { id: 'e', type: 'end' },
    ],
    [
      ['in', 'a', 'cd'],
      ['out', 'cd', 'e'],
    ],
  );

async function changed(doc: ReturnType<typeof campaign>, key: string): Promise<number[]> {
  const r = await engine.counts(doc);
  expect(r.errors).toEqual({});
  const keys = await keysOf(engine, doc, 'out', key);
  expect(r.counts.out).toBe(keys.length);
  return keys;
}

describe('Change dimension', () => {
  test('records with no linked record are counted as left out; records reaching the same one are merged', async () => {
    // All six profiles -> accounts 10 {1, 3} and 11 {4, 6}: profiles 2 and 5 have no account.
    const toAccounts = changeDoc(all(), { targetDimension: 'accounts', path: ['account'] });
    const r = await engine.counts(toAccounts);
    expect(r.outputs?.cd).toEqual({ out: 2, [LEFT_OUT_OUTPUT]: 2 });
    expect(deriveCounts(toAccounts, { ...r, stale: false, outputs: r.outputs! }).activities.cd?.leftOut).toEqual({ count: 2, text: 'with no linked record' });
    // OPT {1, 3, 4, 6} -> purchases: profile 3 has none (purchase 3 is profile 2's).
    const toPurchases = changeDoc(rules.OPT, { targetDimension: 'purchases', path: ['purchases'] });
    const p = await engine.counts(toPurchases);
    expect(p.outputs?.cd).toEqual({ out: 5, [LEFT_OUT_OUTPUT]: 1 });
    // OPT -> accounts: every one of them has an account, nothing is left out.
    const linked = changeDoc(rules.OPT, { targetDimension: 'accounts', path: ['account'] });
    const l = await engine.counts(linked);
    expect(l.outputs?.cd).toEqual({ out: 2, [LEFT_OUT_OUTPUT]: 0 });
    expect(deriveCounts(linked, { ...l, stale: false, outputs: l.outputs! }).activities.cd?.leftOut).toBeUndefined();
  });

  test('profiles -> their purchases (one-to-many)', async () => {
    expect(
      await changed(
        changeDoc(rules.OPT, { targetDimension: 'purchases', path: ['purchases'] }),
        'purchase_id',
      ),
    ).toEqual([1, 2, 4, 5, 6]);
  });

  test('people -> their accounts (many-to-one), each account once', async () => {
    expect(
      await changed(changeDoc(rules.OPT, { targetDimension: 'accounts', path: ['account'] }), 'account_id'),
    ).toEqual([10, 11]);
  });

  test('records without a match drop out', async () => {
    expect(
      await changed(
        changeDoc(all(attr('profile_id', 'in', [2, 5])), { targetDimension: 'accounts', path: ['account'] }),
        'account_id',
      ),
    ).toEqual([]);
  });

  test('accounts -> their people', async () => {
    expect(
      await changed(
        changeDoc(
          all(attr('company', 'equals', 'Acme')),
          { targetDimension: 'profiles', path: ['people'] },
          'accounts',
        ),
        'profile_id',
      ),
    ).toEqual([1, 3]);
  });

  test('two links: French profiles -> purchases -> products', async () => {
    expect(
      await changed(
        changeDoc(rules.FR, { targetDimension: 'products', path: ['purchases', 'product'] }),
        'product_id',
      ),
    ).toEqual([100, 101]);
  });

  test('links that lead to another dimension than the chosen one are an error', async () => {
    expect(
      (await engine.counts(changeDoc(rules.FR, { targetDimension: 'accounts', path: ['purchases'] }))).errors
        .cd,
    ).toMatch(/lead to purchases/);
    expect(
      (await engine.counts(changeDoc(rules.FR, { targetDimension: 'accounts', path: ['nope'] }))).errors.cd,
    ).toMatch(/no link nope/);
  });

  test('enrichment columns belong to the old dimension and are not carried over', async () => {
    const doc = campaign(
      [
        audience('a', rules.OPT),
        { id: 'en', type: 'enrichment', config: { attributes: [{ id: 'x', path: ['name'], alias: 'who' }] } },
        { id: 'cd', type: 'change-dimension', config: { targetDimension: 'accounts', path: ['account'] } },
        { id: 'e', type: 'end' },
      ],
      [
        ['in', 'a', 'en'],
        ['mid', 'en', 'cd'],
        ['out', 'cd', 'e'],
      ],
    );
    expect((await engine.counts(doc)).errors).toEqual({});
    expect((await rowsOf(engine, doc, 'mid')).map((r) => r.who)).toEqual(['Ann', 'Cid', 'Dee', 'Fay']);
    expect(await rowsOf(engine, doc, 'out')).toEqual([{ account_id: 10 }, { account_id: 11 }]);
  });

  test('the lines of a loaded file must be mapped onto a dimension first', async () => {
    const doc = campaign(
      [
        {
          id: 'load',
          type: 'load-file',
          config: { content: 'id\n1', columns: [{ name: 'id', type: 'integer' }] },
        },
        { id: 'cd', type: 'change-dimension', config: { targetDimension: 'accounts', path: ['account'] } },
        { id: 'e', type: 'end' },
      ],
      [
        ['in', 'load', 'cd'],
        ['out', 'cd', 'e'],
      ],
    );
    expect((await engine.counts(doc)).errors.cd).toMatch(/map the file onto one with a Reconciliation first/);
  });

  test('without a destination it is a problem to fix, not a count', () => {
    const problems = validateCampaign(changeDoc(rules.OPT, {}), fixtureModel).filter(
      (p) => p.activityId === 'cd',
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'missing-config',
        path: 'targetDimension',
        message: 'Choose the dimension to change to.',
      }),
    );
  });

  test('links that cannot be followed from the records coming in are a problem on the setting', () => {
    const problemsOf = (doc: ReturnType<typeof campaign>) =>
      validateCampaign(doc, fixtureModel).filter((p) => p.activityId === 'cd');
    expect(problemsOf(changeDoc(rules.OPT, { targetDimension: 'accounts', path: ['account'] }))).toEqual([]);
    // The audience was switched to accounts after the links were chosen from profiles.
    expect(
      problemsOf(changeDoc(all(), { targetDimension: 'accounts', path: ['account'] }, 'accounts')),
    ).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'path',
        message:
          'accounts have no link “account”: the records coming in changed; choose where to switch to again.',
      }),
    ]);
    expect(problemsOf(changeDoc(rules.OPT, { targetDimension: 'accounts', path: ['purchases'] }))).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'path',
        message: 'These links lead to purchases, not to accounts; choose where to switch to again.',
      }),
    ]);
    const fromFile = campaign(
      [
        {
          id: 'load',
          type: 'load-file',
          config: { content: 'id\n1', columns: [{ name: 'id', type: 'integer' }] },
        },
        { id: 'cd', type: 'change-dimension', config: { targetDimension: 'accounts', path: ['account'] } },
        { id: 'e', type: 'end' },
      ],
      [
        ['in', 'load', 'cd'],
        ['out', 'cd', 'e'],
      ],
    );
    expect(problemsOf(fromFile)).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'targetDimension',
        message: expect.stringMatching(/Reconciliation first/),
      }),
    ]);
  });
});
