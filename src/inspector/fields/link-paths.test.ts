import { describe, expect, it } from 'vitest';
import { dataModelSchema } from '../../domain/data-model';
import { linkPaths } from './link-paths';

const model = dataModelSchema.parse({
  name: 'm',
  referenceDate: '2026-01-01',
  entities: [
    { name: 'people', primaryKey: 'id', fields: [{ name: 'id', type: 'integer' }, { name: 'account_id', type: 'integer' }], links: [{ name: 'account', target: 'accounts', cardinality: 'many-to-one', on: [{ from: 'account_id', to: 'id' }] }] },
    { name: 'accounts', label: 'Accounts', primaryKey: 'id', fields: [{ name: 'id', type: 'integer' }], links: [{ name: 'people', label: 'People', target: 'people', cardinality: 'one-to-many', on: [{ from: 'id', to: 'account_id' }] }, { name: 'deals', label: 'Deals', target: 'deals', cardinality: 'one-to-many', on: [{ from: 'id', to: 'account_id' }] }] },
    { name: 'deals', primaryKey: 'id', fields: [{ name: 'id', type: 'integer' }, { name: 'account_id', type: 'integer' }], links: [] },
  ],
});

describe('linkPaths', () => {
  it('lists walks of any cardinality, shortest first, never back to an entity on the way', () => {
    expect(linkPaths(model, 'people').map((p) => p.path.join('.'))).toEqual(['account', 'account.deals']);
    expect(linkPaths(model, 'accounts').map((p) => [p.path.join('.'), p.toMany])).toEqual([
      ['people', true],
      ['deals', true],
    ]);
  });

  it('keeps only the walks reaching the entity asked for', () => {
    expect(linkPaths(model, 'people', { to: 'deals' })).toEqual([{ path: ['account', 'deals'], target: 'deals', label: 'account › Deals', toMany: true }]);
    expect(linkPaths(model, 'people', { to: 'people' })).toEqual([]);
  });
});
