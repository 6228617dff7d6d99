import { describe, expect, it } from 'vitest';
import { sampleDataModel as model } from '../engine/data/sample-model';
import type { EngineClient } from '../engine/client';
import type { CampaignDoc } from '../domain/campaign';
import type { ConditionGroup } from '../domain/rule';
import { validateCampaign } from '../domain/validate';
import { ruleServicesFor } from './useRuleServices';
import { RULE_DOC_IDS, ruleDoc } from './rule-doc';
import type { SavedFilter } from './saved-filters';

const rule: ConditionGroup = { kind: 'group', id: 'root', combinator: 'and', children: [{ kind: 'saved-filter', id: 's', filterId: 'f1' }] };
const filter: SavedFilter = {
  id: 'f1',
  name: 'Gold',
  entity: 'profiles',
  savedAt: '2025-01-01T00:00:00Z',
  rule: { kind: 'group', id: 'g', combinator: 'and', children: [{ kind: 'attribute', id: 'a', path: ['loyalty_tier'], operator: 'equals', value: 'gold' }] },
};

function fakeClient(seen: { doc?: CampaignDoc; calls: string[] }): EngineClient {
  return {
    preview: async (doc: CampaignDoc, transitionId: string, limit: number) => {
      seen.doc = doc;
      seen.calls.push(`preview ${transitionId} ${limit}`);
      return { columns: [{ name: 'profile_id', type: 'INTEGER' }], rows: [{ profile_id: 1 }], total: 42 };
    },
    sql: async () => ({ sql: { [RULE_DOC_IDS.activity]: '-- out\nCREATE TEMP TABLE wt_1 AS\nSELECT t."profile_id"\nFROM x AS t;' }, errors: {} }),
    distribution: async (entity: string, field: string) => {
      seen.calls.push(`distribution ${entity}.${field}`);
      return [{ value: 'electronics', count: 5, share: 0.25 }];
    },
  } as unknown as EngineClient;
}

describe('rule services over the engine client', () => {
  it('count and rows run the rule as a one-activity campaign, with saved filters inlined', async () => {
    const seen: { doc?: CampaignDoc; calls: string[] } = { calls: [] };
    const services = ruleServicesFor(fakeClient(seen), model, [filter]);
    expect(await services.count(rule, 'profiles')).toBe(42);
    expect(seen.calls).toEqual([`preview ${RULE_DOC_IDS.transition} 0`]);
    const config = seen.doc!.activities[0]!.config as { rule: ConditionGroup; targetDimension: string };
    expect(config.targetDimension).toBe('profiles');
    expect(config.rule.children[0]).toEqual({ ...filter.rule, id: 's' });
    expect((await services.rows(rule, 'profiles', 10)).rows).toEqual([{ profile_id: 1 }]);
  });

  it('code view shows the query without the working table around it', async () => {
    const services = ruleServicesFor(fakeClient({ calls: [] }), model);
    expect(await services.sql(rule, 'profiles')).toBe('SELECT t."profile_id"\nFROM x AS t');
  });

  it('value suggestions through a link read the linked table, in percent', async () => {
    const seen = { calls: [] as string[] };
    const services = ruleServicesFor(fakeClient(seen), model);
    expect(await services.topValues('purchases', ['product', 'category'])).toEqual([{ value: 'electronics', count: 5, percent: 25 }]);
    expect(seen.calls).toEqual(['distribution products.category']);
    await expect(services.topValues('purchases', ['nope'])).rejects.toThrow('no field');
  });

  it('the rule campaign is a valid campaign', () => {
    const doc = ruleDoc({ kind: 'group', id: 'root', combinator: 'and', children: [] }, 'profiles');
    expect(validateCampaign(doc, model)).toEqual([]);
  });
});
