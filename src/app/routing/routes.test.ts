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
    ['#/campaigns/cmp_1/report', { name: 'report', campaignId: 'cmp_1', query: '' }],
    ['#/campaigns/cmp_1/report?breakdown=channel&bucket=day', { name: 'report', campaignId: 'cmp_1', query: 'breakdown=channel&bucket=day' }],
    ['#/campaigns/cmp_1/runs', { name: 'runs', campaignId: 'cmp_1' }],
    ['#/campaigns/cmp_1/other', { name: 'not-found', hash: '#/campaigns/cmp_1/other' }],
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
      { name: 'report', campaignId: 'cmp/odd id', query: '' },
      { name: 'runs', campaignId: 'cmp/odd id' },
      { name: 'report', campaignId: 'cmp_1', query: 'activities=a%2Cb&from=2026-01-01+09%3A00' },
      { name: 'new', templateId: 'win-back' },
      { name: 'shared', payload: 'abc-_09' },
      { name: 'open-file', url: '../examples/x campaign.json?v=1' },
    ];
    for (const r of routes) expect(parseRoute(hrefFor(r))).toEqual(r);
  });
});
