import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { Engine } from '../../engine/engine';
import { campaign } from '../../engine/testing/fixture';
import { all, attr, audience, engineWith, keysOf } from '../../engine/testing/activity-harness';
import { validateCampaign } from '../../domain/validate';
import { portsOf } from '../../domain/ports';

// Fixture profiles 1..6; `profile_id < 6` keeps 1..5: the Test's input is 5 records.
const FIVE = all(attr('profile_id', 'lt', 6));

type Condition = Record<string, unknown>;
const testDoc = (conditions: Condition[], variables?: { name: string; value: string }[]) => {
  const doc = campaign(
    [audience('a', FIVE), { id: 't', type: 'test', config: { conditions } }, { id: 'e', type: 'end' }],
    [['in', 'a', 't'], ...conditions.map((c): [string, string, string, string] => [`t-${String(c.id)}`, 't', 'e', String(c.id)]), ['t-default', 't', 'e', 'default']],
  );
  return variables ? { ...doc, settings: { ...doc.settings, variables } } : doc;
};

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith();
}, 60_000);
afterAll(async () => engine.close());

describe('Test on the count of its input', () => {
  test('the first condition that holds takes every record; the others get 0', async () => {
    const doc = testDoc([
      { id: 'big', label: 'Big', on: 'count', operator: 'gte', value: '10' },
      { id: 'mid', label: 'Mid', on: 'count', operator: 'gte', value: '3' },
      { id: 'any', label: 'Any', on: 'count', operator: 'gte', value: '1' },
    ]);
    const r = await engine.counts(doc);
    expect(r.errors).toEqual({});
    // 5 ≥ 10 fails; 5 ≥ 3 holds and wins over "≥ 1", which also holds.
    expect(r.counts).toEqual({ in: 5, 't-big': 0, 't-mid': 5, 't-any': 0, 't-default': 0 });
    expect(r.outputs?.t).toEqual({ big: 0, mid: 5, any: 0, default: 0 });
    expect(await keysOf(engine, doc, 't-mid')).toEqual([1, 2, 3, 4, 5]);
  });

  test('when no condition holds, the default branch takes the records', async () => {
    const doc = testDoc([
      { id: 'big', label: 'Big', on: 'count', operator: 'gte', value: '10' },
      { id: 'exact', label: 'Exactly 4', on: 'count', operator: 'eq', value: '4' },
    ]);
    const r = await engine.counts(doc);
    expect(r.counts).toEqual({ in: 5, 't-big': 0, 't-exact': 0, 't-default': 5 });
    expect(r.outputs?.t).toEqual({ big: 0, exact: 0, default: 5 });
  });

  test('the branch follows the count when the input changes', async () => {
    const doc = testDoc([{ id: 'few', label: 'Few', on: 'count', operator: 'lt', value: '4' }]);
    expect((await engine.counts(doc)).counts).toEqual({ in: 5, 't-few': 0, 't-default': 5 });
    // Only France (1, 3, 6): 3 < 4 now holds.
    const fr = { ...doc, activities: doc.activities.map((a) => (a.id === 'a' ? { ...a, config: { ...a.config, rule: all(attr('country', 'equals', 'FR')) } } : a)) };
    expect((await engine.counts(fr)).counts).toEqual({ in: 3, 't-few': 3, 't-default': 0 });
  });
});

describe('Test invariant', () => {
  test('whatever the input and the conditions, one branch carries the whole input: the first that holds, else the default', async () => {
    const operators = ['gte', 'gt', 'lte', 'lt', 'eq', 'ne'] as const;
    const holds = (n: number, op: (typeof operators)[number], v: number) => ({ gte: n >= v, gt: n > v, lte: n <= v, lt: n < v, eq: n === v, ne: n !== v })[op];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.record({ op: fc.constantFrom(...operators), value: fc.integer({ min: 0, max: 7 }) }), { minLength: 1, maxLength: 3 }),
        async (below, picked) => {
          // profile_id < below keeps below − 1 of the six fixture profiles (none for 1: emitted even empty).
          const input = Math.min(below - 1, 6);
          const conditions = picked.map((c, i) => ({ id: `c${i}`, label: `C${i}`, on: 'count', operator: c.op, value: String(c.value) }));
          const doc = testDoc(conditions);
          const withInput = { ...doc, activities: doc.activities.map((a) => (a.id === 'a' ? { ...a, config: { ...a.config, rule: all(attr('profile_id', 'lt', below)), emitWhenEmpty: true } } : a)) };
          const winner = picked.findIndex((c) => holds(input, c.op, c.value));
          const expected = Object.fromEntries([...conditions.map((c, i) => [c.id, i === winner ? input : 0]), ['default', winner < 0 ? input : 0]]);
          expect((await engine.counts(withInput)).outputs?.t).toEqual(expected);
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});

describe('Test on a campaign variable', () => {
  const conditions = [
    { id: 'summer', label: 'Summer', on: 'variable', variable: 'season', operator: 'eq', value: 'summer' },
    { id: 'budget', label: 'Big budget', on: 'variable', variable: 'budget', operator: 'gt', value: '9' },
  ];

  test('text compares as text, numbers as numbers', async () => {
    expect((await engine.counts(testDoc(conditions, [{ name: 'season', value: 'summer' }, { name: 'budget', value: '10' }]))).counts).toEqual({ in: 5, 't-summer': 5, 't-budget': 0, 't-default': 0 });
    // "10" > "9" as numbers (as text it would not be).
    expect((await engine.counts(testDoc(conditions, [{ name: 'season', value: 'winter' }, { name: 'budget', value: '10' }]))).counts).toEqual({ in: 5, 't-summer': 0, 't-budget': 5, 't-default': 0 });
    expect((await engine.counts(testDoc(conditions, [{ name: 'season', value: 'winter' }, { name: 'budget', value: '8' }]))).counts).toEqual({ in: 5, 't-summer': 0, 't-budget': 0, 't-default': 5 });
  });

  test('a variable the campaign lacks never holds, and is a warning on its condition', async () => {
    const doc = testDoc(conditions);
    expect((await engine.counts(doc)).counts).toEqual({ in: 5, 't-summer': 0, 't-budget': 0, 't-default': 5 });
    const problems = validateCampaign(doc).filter((p) => p.activityId === 't');
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['unknown-variable', 'conditions[0].variable'],
      ['unknown-variable', 'conditions[1].variable'],
    ]);
  });

  test('a value that is not a number quoted in SQL as a value, never as text of the query', async () => {
    const hostile = "x' OR 1=1 --";
    const doc = testDoc([{ id: 'q', label: 'Q', on: 'variable', variable: 'v', operator: 'eq', value: hostile }], [{ name: 'v', value: hostile }]);
    expect((await engine.counts(doc)).counts).toEqual({ in: 5, 't-q': 5, 't-default': 0 });
  });
});

describe('Test ports and problems', () => {
  test('its outputs follow its conditions, then the default', () => {
    const doc = testDoc([
      { id: 'b', label: 'B', on: 'count', operator: 'gte', value: '3' },
      { id: 'a', label: '', on: 'count', operator: 'lt', value: '2' },
    ]);
    expect(portsOf(doc.activities[1]!).out.map((p) => [p.id, p.label])).toEqual([
      ['b', 'B'],
      ['a', 'count < 2'],
      ['default', 'Default'],
    ]);
  });

  test('a count compared with something that is not a number is an error on its value', async () => {
    const doc = testDoc([{ id: 'b', label: 'B', on: 'count', operator: 'gte', value: 'many' }]);
    expect(validateCampaign(doc).filter((p) => p.activityId === 't').map((p) => [p.severity, p.path])).toEqual([['error', 'conditions[0].value']]);
    expect((await engine.counts(doc)).errors.t).toContain('not "many"');
  });
});

describe('Alert', () => {
  test('passes its input through unchanged', async () => {
    const doc = campaign(
      [audience('a', FIVE), { id: 'al', type: 'alert', config: { title: 'Big send', message: 'Check it' } }, { id: 'e', type: 'end' }],
      [['in', 'a', 'al'], ['out', 'al', 'e']],
    );
    const r = await engine.counts(doc);
    expect(r.counts).toEqual({ in: 5, out: 5 });
    expect(await keysOf(engine, doc, 'out')).toEqual([1, 2, 3, 4, 5]);
  });

  test('reached with records, it writes its line in the step events; not reached, none', async () => {
    // Emitted even when empty, so that the Alert is reached with no record.
    const doc = (rule = FIVE) =>
      campaign(
        [{ ...audience('a', rule), config: { ...audience('a', rule).config, emitWhenEmpty: true } }, { id: 'al', type: 'alert', config: { title: 'Big send', message: 'Check it' } }, { id: 'e', type: 'end' }],
        [['in', 'a', 'al'], ['out', 'al', 'e']],
      );
    const steps = await engine.events(doc(), 'steps');
    expect(steps.rows.map((r) => [r.activity_id, r.warnings])).toEqual([
      ['a', ''],
      ['al', 'Alert: Big send: Check it (5 records)'],
    ]);
    // No profile has a key below 0: the alert is reached with no record and says nothing.
    const empty = await engine.events(doc(all(attr('profile_id', 'lt', 0))), 'steps');
    expect(empty.rows.map((r) => r.warnings)).toEqual(['', '']);
  });
});
