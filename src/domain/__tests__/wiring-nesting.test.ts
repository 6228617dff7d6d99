import { describe, expect, it } from 'vitest';
import { validateCampaign } from '../validate';
import { parseCampaign, parseCampaignValue } from '../serialization';
import { portsOf } from '../ports';
import { findNestingProblem, MAX_RULE_DEPTH } from '../nesting';
import { wiringBlocks } from '../wiring';
import { idRecord, byId } from '../ids';
import { oneLine } from '../one-line';
import { activity, campaign, message, transition } from './fixtures';
import type { Condition } from '../rule';

/** A rule `depth` groups deep, built without recursion. */
function deepRule(depth: number): Condition {
  let rule: Condition = { kind: 'attribute', id: 'leaf', path: ['country'], operator: 'equals', value: 'FR' };
  for (let i = 0; i < depth; i++) rule = { kind: 'group', id: `g${i}`, combinator: 'and', children: [rule] };
  return rule;
}

const codes = (doc: Parameters<typeof validateCampaign>[0]) => validateCampaign(doc).map((p) => `${p.activityId ?? p.transitionId ?? '-'}:${p.code}`);

describe('wiring', () => {
  const combined = (wiring: ReturnType<typeof transition>[]) =>
    campaign([activity('a', 'build-audience'), activity('b', 'build-audience'), activity('c', 'combine', { mode: 'intersection' }), activity('e', 'end')], wiring);

  it('a transition into an input that does not exist is an error on import, in validation and for the engine', () => {
    const doc = combined([transition('ta', 'a', 'c'), transition('tb', 'b', 'c', 'out', 'nope'), transition('tc', 'c', 'e')]);
    expect(codes(doc)).toContain('c:dangling-transition');
    const imported = parseCampaign(JSON.stringify(doc));
    expect(!imported.ok && imported.errors).toEqual([{ path: 'transitions[1].target.port', message: '"c" has no input "nope"' }]);
    const blocked = wiringBlocks(doc);
    expect([...blocked.activities.keys()]).toEqual(['c']);
    expect([...blocked.transitions]).toEqual(['tb']);
  });

  it('two transitions leaving one output: both targets are blocked, both transitions carry nothing', () => {
    const doc = campaign([activity('a', 'build-audience'), message('m', 'email'), message('s', 'sms')], [transition('t1', 'a', 'm'), transition('t2', 'a', 's')]);
    expect(codes(doc)).toEqual(['a:output-used-twice']);
    const blocked = wiringBlocks(doc);
    expect([...blocked.activities.keys()].sort()).toEqual(['m', 's']);
    expect([...blocked.transitions].sort()).toEqual(['t1', 't2']);
  });

  it('a single input taking two transitions is an error; End may close several branches', () => {
    const doc = campaign([activity('a', 'build-audience'), activity('b', 'build-audience'), message('m', 'email'), activity('e', 'end')], [transition('t1', 'a', 'm'), transition('t2', 'b', 'm'), transition('t3', 'm', 'e')]);
    expect(codes(doc)).toEqual(['m:input-used-twice']);
    const ends = campaign([activity('a', 'build-audience'), activity('f', 'fork'), activity('e', 'end')], [transition('t1', 'a', 'f'), transition('t2', 'f', 'e', 'branch-1'), transition('t3', 'f', 'e', 'branch-2')]);
    expect(codes(ends)).toEqual([]);
  });

  it('two Split subsets or Fork branches with the same id are refused with their path', () => {
    const split = campaign([activity('s', 'split', { subsets: [{ id: 'x', label: 'A' }, { id: 'x', label: 'B' }] })]);
    expect(validateCampaign(split)).toContainEqual(expect.objectContaining({ code: 'invalid-config', path: 'subsets[1].id' }));
    const r = parseCampaign(JSON.stringify(split));
    expect(!r.ok && r.errors).toEqual([{ path: 'activities[0].config.subsets[1].id', message: 'another output already has the id "x"' }]);
    // A subset named like the complement output would share its port.
    const complement = campaign([activity('s', 'split', { subsets: [{ id: 'complement', label: 'A' }], complement: true })]);
    expect(validateCampaign(complement)).toContainEqual(expect.objectContaining({ path: 'subsets[0].id' }));
    const fork = campaign([activity('f', 'fork', { branches: [{ id: 'x', label: 'A' }, { id: 'x', label: 'B' }] })]);
    expect(validateCampaign(fork)).toContainEqual(expect.objectContaining({ code: 'invalid-config', path: 'branches[1].id' }));
    // The ports fall back to the defaults: no two handles with one key on the node.
    const ports = portsOf(split.activities[0]!).out.map((p) => p.id);
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('a saved campaign with bad wiring still opens, with its problems', () => {
    const doc = combined([transition('ta', 'a', 'c'), transition('tb', 'b', 'c', 'out', 'nope')]);
    const opened = parseCampaignValue(structuredClone(doc), { wiring: 'keep' });
    expect(opened.ok).toBe(true);
  });
});

describe('rule nesting', () => {
  it.each([MAX_RULE_DEPTH + 1, 700, 100_000])('%i groups: refused with the path on import, in validation, by the ports; no stack overflow', (depth) => {
    const doc = campaign([activity('q', 'build-audience', { targetDimension: 'profiles', rule: deepRule(depth) })]);
    const path = `rule${'.children[0]'.repeat(MAX_RULE_DEPTH)}`;
    expect(validateCampaign(doc)).toEqual([
      { severity: 'error', code: 'too-deep', message: `"q": ${path}: a rule nests at most ${MAX_RULE_DEPTH} groups deep; this group is at level ${MAX_RULE_DEPTH + 1}.`, activityId: 'q', path },
    ]);
    expect(portsOf(doc.activities[0]!).out.map((p) => p.id)).toEqual(['out']);
    const imported = parseCampaignValue(doc);
    expect(!imported.ok && imported.errors.map((e) => e.path)).toEqual([`activities[0].config.${path}`]);
  });

  it(`${MAX_RULE_DEPTH} groups are fine`, () => {
    const doc = campaign([activity('q', 'build-audience', { targetDimension: 'profiles', rule: deepRule(MAX_RULE_DEPTH) })]);
    expect(validateCampaign(doc)).toEqual([]);
    expect(parseCampaignValue(doc).ok).toBe(true);
  });

  it('a collection counts as a level, and other deep nesting is refused too', () => {
    const collection = { kind: 'collection', id: 'c', path: ['purchases'], quantifier: 'exists', where: deepRule(MAX_RULE_DEPTH) };
    expect(findNestingProblem({ kind: 'group', id: 'r', combinator: 'and', children: [collection] })?.path).toBe(`children[0].where${'.children[0]'.repeat(MAX_RULE_DEPTH - 1)}`);
    let list: unknown = 1;
    for (let i = 0; i < 100_000; i++) list = [list];
    expect(findNestingProblem({ value: list })?.message).toMatch(/nested more than \d+ levels deep/);
  });
});

describe('ids that are names of Object.prototype', () => {
  it('idRecord and byId treat them as keys like any other', () => {
    const r = idRecord<number>();
    for (const id of ['__proto__', 'constructor', 'hasOwnProperty', 'toString']) r[id] = id.length;
    expect(Object.keys(r)).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString']);
    expect(byId(r, '__proto__')).toBe(9);
    expect(byId({}, 'constructor')).toBeUndefined();
    expect(byId(JSON.parse('{"__proto__": 1}') as Record<string, number>, '__proto__')).toBe(1);
    expect(JSON.stringify(r)).toBe('{"__proto__":9,"constructor":11,"hasOwnProperty":14,"toString":8}');
  });

  it('validation names such activities and transitions', () => {
    const doc = campaign([activity('__proto__', 'build-audience'), message('constructor', 'email')], [transition('hasOwnProperty', '__proto__', 'constructor')]);
    expect(validateCampaign(doc)).toEqual([]);
    expect(parseCampaign(JSON.stringify(doc)).ok).toBe(true);
  });
});

describe('oneLine', () => {
  it('keeps text on one line and shows every control character', () => {
    expect(oneLine('a\nDROP TABLE x; --\r\u001b[31m\u0085\u2028\u202e\t')).toBe('a\\nDROP TABLE x; --\\r\\u{1b}[31m\\u{85}\\u{2028}\\u{202e}\\t');
    expect(oneLine('Café — “VIP” 🎉')).toBe('Café — “VIP” 🎉');
  });
});
