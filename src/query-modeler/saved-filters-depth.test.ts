import { describe, expect, it } from 'vitest';
import type { Condition, ConditionGroup } from '../domain/rule';
import { findNestingProblem, MAX_RULE_DEPTH } from '../domain/nesting';
import type { CampaignDoc } from '../domain/campaign';
import { inlineSavedFiltersInDoc } from './inline-doc-filters';
import { savedFilterDepths } from '../domain/saved-filter-depth';
import { validateRule } from '../domain/rule-validation';
import { sampleDataModel as model } from '../engine/data/sample-model';
import { filterDepths, inlineSavedFilters, memorySavedFilterStore, saveFilter, usableSavedFilters, type SavedFilter } from './saved-filters';

const optIn: Condition = { kind: 'attribute', id: 'a', path: ['email_opt_in'], operator: 'is-true' };

/** `levels` groups, each the only child of the one above, around `inner`. */
function nest(levels: number, inner: Condition = optIn): ConditionGroup {
  let g: ConditionGroup = { kind: 'group', id: `g${levels}`, combinator: 'and', children: [inner] };
  for (let i = levels - 1; i >= 1; i--) g = { kind: 'group', id: `g${i}`, combinator: 'and', children: [g] };
  return g;
}
const link = (filterId: string): Condition => ({ kind: 'saved-filter', id: `to-${filterId}`, filterId });
const filter = (id: string, rule: ConditionGroup): SavedFilter => ({ id, name: id.toUpperCase(), entity: 'profiles', rule, savedAt: '2025-01-01T00:00:00.000Z' });

/** Filters f0 → f1 → … → f(n-1), each `levels` groups around a link to the next. */
function chainOf(n: number, levels = 1): SavedFilter[] {
  return Array.from({ length: n }, (_, i) => filter(`f${i}`, nest(levels, i === n - 1 ? optIn : link(`f${i + 1}`))));
}

describe('depth of saved filters with their links expanded', () => {
  it('adds the levels of linked filters and names them along the deepest path', () => {
    const depthOf = filterDepths(chainOf(3, 4));
    expect(depthOf('f0')).toEqual({ depth: 12, chain: ['F0', 'F1', 'F2'], ids: ['f0', 'f1', 'f2'] });
    expect(depthOf('f2')?.depth).toBe(4);
    expect(depthOf('missing')).toBeUndefined();
  });

  it('counts a link to a missing filter or back to itself as no level', () => {
    const loop = [filter('a', nest(2, link('b'))), filter('b', nest(3, link('a')))];
    expect(filterDepths(loop)('a')?.depth).toBe(5);
    expect(filterDepths([filter('x', nest(2, link('gone')))])('x')?.depth).toBe(2);
  });

  it('answers for chains far longer than allowed, and for filters linked many times, without exhausting the stack', () => {
    expect(filterDepths(chainOf(20_000))('f0')!.depth).toBeGreaterThan(MAX_RULE_DEPTH);
    // Each filter links the next twice: walked naively that is 2^60 visits.
    const twice = Array.from({ length: 60 }, (_, i) => filter(`d${i}`, { kind: 'group', id: 'g', combinator: 'or', children: i === 59 ? [optIn] : [link(`d${i + 1}`), { ...link(`d${i + 1}`), id: 'second' }] }));
    const started = performance.now();
    expect(savedFilterDepths((id) => twice.find((f) => f.id === id))('d0')!.depth).toBeGreaterThan(MAX_RULE_DEPTH);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(filterDepths(twice)('d40')!.depth).toBe(20);
  });
});

describe('saving a filter is refused past the rule depth', () => {
  it('accepts 32 groups, refuses 33 with the path of the group too deep', async () => {
    const store = memorySavedFilterStore();
    await expect(saveFilter(store, 'Deep', 'profiles', nest(MAX_RULE_DEPTH))).resolves.toMatchObject({ name: 'Deep' });
    await expect(saveFilter(store, 'Deeper', 'profiles', nest(MAX_RULE_DEPTH + 1))).rejects.toThrow(
      `The filter “Deeper” is nested too deeply: rule${'.children[0]'.repeat(MAX_RULE_DEPTH)}: a rule nests at most 32 groups deep; this group is at level 33.`,
    );
    expect((await store.list()).map((f) => f.name)).toEqual(['Deep']);
  });

  it('refuses a filter that nests too deep through the filters it links, naming them', async () => {
    const store = memorySavedFilterStore();
    const inner = await saveFilter(store, 'Inner', 'profiles', nest(20));
    const middle = await saveFilter(store, 'Middle', 'profiles', nest(10, link(inner.id)));
    await expect(saveFilter(store, 'Outer', 'profiles', nest(2, link(middle.id)))).resolves.toBeDefined(); // 2 + 10 + 20 = 32
    await expect(saveFilter(store, 'Outer', 'profiles', nest(3, link(middle.id)))).rejects.toThrow(
      'A rule nests at most 32 groups deep; the filter “Outer” with the saved filters it links, “Middle” (through “Inner”), nests more than that.',
    );
  });

  it('refuses to replace a linked filter with a deeper rule that would take a filter linking it past the depth', async () => {
    const store = memorySavedFilterStore();
    const inner = await saveFilter(store, 'Inner', 'profiles', nest(20));
    await saveFilter(store, 'Outer', 'profiles', nest(12, link(inner.id)));
    await expect(saveFilter(store, 'inner', 'profiles', nest(21))).rejects.toThrow(
      'A rule nests at most 32 groups deep; the saved filter “Outer” (through “inner”) would nest more than that with this filter.',
    );
    expect((await store.get(inner.id))?.rule).toEqual(nest(20));
  });
});

describe('saved filters read from the browser', () => {
  it('leave out one whose own rule nests too deep, saying which and where; the others are kept', () => {
    const deep = filter('deep', nest(5_000));
    const ok = filter('ok', nest(3));
    expect(usableSavedFilters([deep, ok])).toEqual({
      filters: [ok],
      problems: [`The saved filter “DEEP” is left out: rule${'.children[0]'.repeat(MAX_RULE_DEPTH)}: a rule nests at most 32 groups deep; this group is at level 33.`],
    });
  });
});

describe('a rule linking a saved filter', () => {
  const filters = [filter('inner', nest(20)), filter('middle', nest(10, link('inner')))];
  const options = { savedFilterIds: new Set(filters.map((f) => f.id)), savedFilterDepth: filterDepths(filters) };

  it('is fine while the expanded rule fits, and shows a problem on the link past it', () => {
    expect(validateRule(nest(2, link('middle')), model, 'profiles', options)).toEqual([]);
    expect(validateRule(nest(3, link('middle')), model, 'profiles', options)).toEqual([
      {
        conditionId: 'to-middle',
        severity: 'error',
        message: 'A rule nests at most 32 groups deep; with the saved filter “MIDDLE” (through “INNER”) this one nests 33 groups deep.',
        path: ['children', 0, 'children', 0, 'children', 0],
      },
    ]);
  });

  it('counts the sub-conditions of related records as a group', () => {
    const collection: Condition = { kind: 'collection', id: 'c', path: ['purchases'], quantifier: 'exists', where: nest(2, link('inner')) };
    const purchaseFilters = [{ ...filter('inner', nest(30)), entity: 'purchases' }];
    const problems = validateRule(nest(1, collection), model, 'profiles', { savedFilterIds: new Set(['inner']), savedFilterDepth: filterDepths(purchaseFilters) });
    // 1 (rule) + 1 (sub-conditions) + 1 (a group in them) + 30 = 33.
    expect(problems.map((p) => p.message)).toEqual(['A rule nests at most 32 groups deep; with the saved filter “INNER” this one nests 33 groups deep.']);
  });
});

describe('inlining linked saved filters for the engine', () => {
  it('stops following a chain past the rule depth: no stack overflow, and the rule is refused as too deep', () => {
    const chain = chainOf(20_000);
    const doc = {
      id: 'c',
      name: 'C',
      schemaVersion: 1,
      activities: [{ id: 'q', type: 'build-audience', label: 'Q', position: { x: 0, y: 0 }, config: { targetDimension: 'profiles', rule: nest(1, link('f0')) } }],
      transitions: [],
    } as unknown as CampaignDoc;
    const inlined = inlineSavedFiltersInDoc(doc, chain);
    expect(findNestingProblem(inlined)?.message).toBe('a rule nests at most 32 groups deep; this group is at level 33');
    const byId = new Map(chain.map((f) => [f.id, f]));
    expect(findNestingProblem(inlineSavedFilters(nest(1, link('f0')), (id) => byId.get(id), 'profiles'))?.message).toBe('a rule nests at most 32 groups deep; this group is at level 33');
  });
});
