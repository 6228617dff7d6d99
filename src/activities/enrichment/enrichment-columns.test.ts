import { describe, expect, it } from 'vitest';
import { enrichmentConfigSchema } from './definition';
import { aliasFor, aliasProblems, enrichmentColumns } from './enrichment-columns';

const config = enrichmentConfigSchema.parse({
  attributes: [{ id: 'a1', path: ['account', 'name'], alias: 'company' }],
  collections: [
    { id: 'c1', path: ['purchases'], alias: 'spent', mode: 'aggregate', aggregate: { fn: 'sum', field: 'amount' } },
    { id: 'c2', path: ['purchases'], alias: 'last', mode: 'first', count: 2, fields: ['amount', 'purchase_date'] },
  ],
  joins: [{ id: 'j1', transitionId: 't', keys: [{ left: 'email', right: 'email' }], columns: [{ name: 'score', alias: '' }, { name: 'tier', alias: 'file_tier' }] }],
});

describe('enrichment columns', () => {
  it('lists the added columns in the engine’s order', () => {
    expect(enrichmentColumns(config)).toEqual(['company', 'spent', 'last_1_amount', 'last_1_purchase_date', 'last_2_amount', 'last_2_purchase_date', 'score', 'file_tier']);
  });

  it('suggests aliases from paths', () => {
    expect(aliasFor(['account', 'name'])).toBe('account_name');
  });

  it('reports invalid and repeated aliases', () => {
    const bad = { ...config, attributes: [...config.attributes, { id: 'a2', path: ['email'], alias: '1st' }, { id: 'a3', path: ['email'], alias: 'Company' }] };
    const problems = aliasProblems(bad, ['profile_id']);
    expect([...problems.keys()]).toEqual(['1st', 'Company']);
    expect(aliasProblems(config, ['score']).get('score')).toMatch(/already has/);
  });
});
