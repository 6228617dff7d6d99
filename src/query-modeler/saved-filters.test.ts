import { describe, expect, it } from 'vitest';
import type { ConditionGroup } from '../domain/rule';
import { copyOfFilter, inlineSavedFilters, memorySavedFilterStore, saveFilter } from './saved-filters';

const optIn: ConditionGroup = { kind: 'group', id: 'g', combinator: 'and', children: [{ kind: 'attribute', id: 'a', path: ['email_opt_in'], operator: 'is-true' }] };

describe('saved filters', () => {
  it('save under a name, replacing a filter of the same name and entity', async () => {
    const store = memorySavedFilterStore();
    const first = await saveFilter(store, ' Opted in ', 'profiles', optIn);
    const again = await saveFilter(store, 'opted in', 'profiles', { ...optIn, combinator: 'or' });
    await saveFilter(store, 'Opted in', 'accounts', optIn);
    expect(again.id).toBe(first.id);
    expect((await store.list()).map((f) => `${f.entity}:${f.name}`).sort()).toEqual(['accounts:Opted in', 'profiles:opted in']);
    await expect(saveFilter(store, ' ', 'profiles', optIn)).rejects.toThrow('needs a name');
  });

  it('copy with fresh ids and inline references', async () => {
    const store = memorySavedFilterStore();
    const f = await saveFilter(store, 'Opted in', 'profiles', optIn);
    const copy = copyOfFilter(f);
    expect(copy.id).not.toBe('g');
    expect(copy.children[0]!.id).not.toBe('a');
    const rule: ConditionGroup = { kind: 'group', id: 'root', combinator: 'and', children: [{ kind: 'saved-filter', id: 's', filterId: f.id }, { kind: 'saved-filter', id: 'x', filterId: 'gone' }] };
    const inlined = inlineSavedFilters(rule, (id) => (id === f.id ? f : undefined), 'profiles');
    expect(inlined.children[0]).toEqual({ ...optIn, id: 's' });
    expect(inlined.children[1]).toEqual(rule.children[1]);
    expect(inlineSavedFilters(rule, (id) => (id === f.id ? f : undefined), 'accounts').children[0]).toEqual(rule.children[0]);
  });
});
