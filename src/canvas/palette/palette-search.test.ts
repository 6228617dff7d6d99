import { describe, expect, it } from 'vitest';
import { activityDefs } from '../../activities/registry';
import { bestMatch, insertableActivities, searchActivities } from './palette-search';

describe('searchActivities', () => {
  it('groups every activity by category with an empty query', () => {
    const groups = searchActivities('');
    expect(groups.map((g) => g.category)).toEqual(['targeting', 'flow', 'channel']);
    expect(groups.flatMap((g) => g.defs)).toHaveLength(activityDefs.length);
  });

  it('matches titles, descriptions and keywords, every word', () => {
    expect(searchActivities('email').flatMap((g) => g.defs.map((d) => d.type))).toContain('email');
    // Split by its keyword; Test by its title (every word matches: "a", "b" in "branch", "test").
    expect(searchActivities('A/B test').flatMap((g) => g.defs.map((d) => d.type))).toEqual(['split', 'test']);
    expect(searchActivities('zzzz')).toEqual([]);
  });
});

describe('bestMatch', () => {
  it('prefers a title match over a description match', () => {
    expect(bestMatch('wait', searchActivities('wait'))?.type).toBe('wait');
    expect(bestMatch('mail', searchActivities('mail'))?.type).toBe('email');
  });
});

describe('insertableActivities', () => {
  it('offers activities with an input and an output only', () => {
    const types = insertableActivities.map((d) => d.type);
    expect(types).toContain('wait');
    expect(types).toContain('email');
    expect(types).not.toContain('build-audience');
    expect(types).not.toContain('end');
  });
});
