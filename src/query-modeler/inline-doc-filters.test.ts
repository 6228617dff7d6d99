import { describe, expect, it } from 'vitest';
import { activity, campaign } from '../domain/__tests__/fixtures';
import type { ConditionGroup } from '../domain/rule';
import { inlineSavedFiltersInDoc } from './inline-doc-filters';
import type { SavedFilter } from './saved-filters';

const gold: SavedFilter = {
  id: 'f-gold',
  name: 'Gold members',
  entity: 'profiles',
  savedAt: '2025-01-01T00:00:00Z',
  rule: {
    kind: 'group',
    id: 'g',
    combinator: 'and',
    children: [{ kind: 'attribute', id: 'a1', path: ['loyalty_tier'], operator: 'equals', value: 'gold' }],
  },
};

const ruleWith = (filterId: string): ConditionGroup => ({
  kind: 'group',
  id: 'root',
  combinator: 'and',
  children: [{ kind: 'saved-filter', id: 's1', filterId }],
});

describe('inlineSavedFiltersInDoc', () => {
  it('replaces a linked filter in a Build audience rule by its rule', () => {
    const doc = campaign([activity('a', 'build-audience', { rule: ruleWith('f-gold') })]);
    const out = inlineSavedFiltersInDoc(doc, [gold]);
    expect((out.activities[0]!.config.rule as ConditionGroup).children[0]).toEqual({ ...gold.rule, id: 's1' });
    expect((doc.activities[0]!.config.rule as ConditionGroup).children[0]!.kind).toBe('saved-filter');
  });

  it('reaches rules nested in lists, such as Split subset filters', () => {
    const doc = campaign([
      activity('s', 'split', { subsets: [{ id: 'x', label: 'X', filter: ruleWith('f-gold') }] }),
    ]);
    const out = inlineSavedFiltersInDoc(doc, [gold]);
    const subsets = out.activities[0]!.config.subsets as { filter: ConditionGroup }[];
    expect(subsets[0]!.filter.children[0]!.kind).toBe('group');
  });

  it('returns the same document when nothing is linked or the filter is unknown', () => {
    const plain = campaign([activity('a', 'build-audience')]);
    expect(inlineSavedFiltersInDoc(plain, [gold])).toBe(plain);
    const unknown = campaign([activity('a', 'build-audience', { rule: ruleWith('nope') })]);
    expect(inlineSavedFiltersInDoc(unknown, [gold])).toBe(unknown);
  });

  it('leaves a filter that links to itself for the engine to report', () => {
    const loop: SavedFilter = { ...gold, id: 'loop', rule: ruleWith('loop') };
    const doc = campaign([activity('a', 'build-audience', { rule: ruleWith('loop') })]);
    const out = inlineSavedFiltersInDoc(doc, [loop]);
    const inner = (out.activities[0]!.config.rule as ConditionGroup).children[0] as ConditionGroup;
    expect(inner.children[0]).toEqual({ kind: 'saved-filter', id: 's1', filterId: 'loop' });
  });
});
