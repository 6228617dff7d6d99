import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, type Route } from './routes';

describe('routes', () => {
  it.each([
    ['', { name: 'list' }],
    ['#', { name: 'list' }],
    ['#/', { name: 'list' }],
    ['#/campaigns', { name: 'list' }],
    ['#/campaigns/cmp_1', { name: 'editor', campaignId: 'cmp_1' }],
    ['#/campaigns/a%20b', { name: 'editor', campaignId: 'a b' }],
    ['#/new', { name: 'new' }],
    ['#/new/welcome-series', { name: 'new', templateId: 'welcome-series' }],
    ['#/data', { name: 'data' }],
    ['#/shared/eJyrVkrLz1eyUkpKLFKqBQAcxAQ5', { name: 'shared', payload: 'eJyrVkrLz1eyUkpKLFKqBQAcxAQ5' }],
    ['#/open/fixtures%2Fa.json', { name: 'open-file', url: 'fixtures/a.json' }],
    ['#/nope', { name: 'not-found', hash: '#/nope' }],
  ] as [string, Route][])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips every route through its href', () => {
    const routes: Route[] = [
      { name: 'list' },
      { name: 'editor', campaignId: 'cmp/odd id' },
      { name: 'new' },
      { name: 'data' },
      { name: 'new', templateId: 'win-back' },
      { name: 'shared', payload: 'abc-_09' },
      { name: 'open-file', url: '../examples/x campaign.json?v=1' },
    ];
    for (const r of routes) expect(parseRoute(hrefFor(r))).toEqual(r);
  });
});
