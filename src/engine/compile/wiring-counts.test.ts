import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../engine';
import { campaign } from '../testing/fixture';
import { all, attr, audience, engineWith, rules } from '../testing/activity-harness';
import type { Condition } from '../../domain/rule';

/** Fixture sets (testing/fixture.ts): FR = {1, 3, 6}, score > 50 = {1, 3, 4}; both = {1, 3}. */
let engine: Engine;
beforeAll(async () => {
  engine = await engineWith();
}, 60_000);
afterAll(async () => engine.close());

describe('nothing is counted through invalid wiring', () => {
  test('an intersection with one set wired to an input that does not exist counts nothing, not the other set', async () => {
    const acts = [audience('fr', rules.FR), audience('high', rules.HIGH), { id: 'c', type: 'combine', config: { mode: 'intersection' } }, { id: 'e', type: 'end' }];
    const good = await engine.counts(campaign(acts, [['t1', 'fr', 'c'], ['t2', 'high', 'c'], ['out', 'c', 'e']]));
    expect(good.counts).toEqual({ t1: 3, t2: 3, out: 2 });
    const bad = await engine.counts(campaign(acts, [['t1', 'fr', 'c'], ['t2', 'high', 'c', 'out', 'nope'], ['out', 'c', 'e']]));
    expect(bad.counts).toEqual({ t1: 3 });
    expect(bad.errors.c).toBe('Not counted: "c" has no input "nope".');
  });

  test('two transitions leaving one output: neither is counted', async () => {
    const r = await engine.counts(campaign([audience('fr', rules.FR), { id: 'm', type: 'email' }, { id: 's', type: 'sms' }], [['t1', 'fr', 'm'], ['t2', 'fr', 's']]));
    expect(r.counts).toEqual({});
    expect(Object.keys(r.errors).sort()).toEqual(['m', 's']);
  });

  test('a rule nested 100000 groups deep is an error of its activity, the rest counts', async () => {
    let rule: Condition = attr('country', 'equals', 'FR');
    for (let i = 0; i < 100_000; i++) rule = { kind: 'group', id: `g${i}`, combinator: 'and', children: [rule] };
    const r = await engine.counts(campaign([audience('deep', all(rule)), audience('fr', rules.FR), { id: 'e', type: 'end' }], [['t1', 'deep', 'e'], ['t2', 'fr', 'e']]));
    expect(r.counts).toEqual({ t2: 3 });
    expect(r.errors.deep).toMatch(/^Invalid settings at rule(\.children\[0\]){32}: a rule nests at most 32 groups deep/);
  });

  test('activities, transitions and ports named __proto__, constructor or toString count', async () => {
    const doc = campaign(
      [audience('__proto__', rules.FR), { id: 'constructor', type: 'split', config: { subsets: [{ id: 'toString', label: 'A', filter: rules.HIGH }, { id: '__proto__', label: 'B' }] } }, { id: 'hasOwnProperty', type: 'end' }],
      [['__proto__', '__proto__', 'constructor'], ['constructor', 'constructor', 'hasOwnProperty', 'toString'], ['toString', 'constructor', 'hasOwnProperty', '__proto__']],
    );
    const r = await engine.counts(doc);
    expect(r.errors).toEqual({});
    // FR = {1, 3, 6}; of those, score > 50 = {1, 3}; the rest = {6}.
    expect(Object.entries(r.counts)).toEqual([['__proto__', 3], ['constructor', 2], ['toString', 1]]);
    expect(Object.keys(engine.sql(doc).sql)).toEqual(['__proto__', 'constructor']);
  });
});
