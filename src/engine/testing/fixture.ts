import type { z } from 'zod';
import { dataModelSchema } from '../../domain/data-model';
import type { DataModel } from '../../domain/data-model';
import { campaignSchema } from '../../domain/campaign';
import type { CampaignDoc } from '../../domain/campaign';
import type { Dataset } from '../data/dataset';
import { rowsToArrow } from '../data/rows-to-arrow';
import type { Cell } from '../data/rows-to-arrow';

/**
 * A handful of rows, written out so that every expected result in the engine tests can be worked
 * out by hand. Reference date: 2025-06-30.
 */
const modelInput: z.input<typeof dataModelSchema> = {
  name: 'Fixture',
  referenceDate: '2025-06-30',
  entities: [
    {
      name: 'profiles',
      primaryKey: 'profile_id',
      displayFields: ['name', 'email'],
      fields: [
        { name: 'profile_id', type: 'integer' },
        { name: 'name', type: 'string' },
        { name: 'email', type: 'string' },
        { name: 'country', type: 'enum', values: ['FR', 'US', 'DE'].map((v) => ({ value: v, label: v })) },
        { name: 'birth_date', type: 'date' },
        { name: 'tier', type: 'enum', values: ['none', 'bronze', 'silver', 'gold'].map((v) => ({ value: v, label: v })) },
        { name: 'score', type: 'integer' },
        { name: 'opt_in', type: 'boolean' },
        { name: 'created', type: 'date' },
        { name: 'last_seen', type: 'timestamp' },
        { name: 'account_id', type: 'integer' },
      ],
      links: [
        { name: 'purchases', target: 'purchases', cardinality: 'one-to-many', on: [{ from: 'profile_id', to: 'profile_id' }] },
        { name: 'account', target: 'accounts', cardinality: 'many-to-one', on: [{ from: 'account_id', to: 'account_id' }] },
      ],
    },
    {
      name: 'purchases',
      primaryKey: 'purchase_id',
      fields: [
        { name: 'purchase_id', type: 'integer' },
        { name: 'profile_id', type: 'integer' },
        { name: 'product_id', type: 'integer' },
        { name: 'amount', type: 'decimal' },
        { name: 'purchase_date', type: 'date' },
      ],
      links: [
        { name: 'product', target: 'products', cardinality: 'many-to-one', on: [{ from: 'product_id', to: 'product_id' }] },
        { name: 'profile', target: 'profiles', cardinality: 'many-to-one', on: [{ from: 'profile_id', to: 'profile_id' }] },
      ],
    },
    {
      name: 'products',
      primaryKey: 'product_id',
      fields: [
        { name: 'product_id', type: 'integer' },
        { name: 'title', type: 'string' },
        { name: 'category', type: 'string' },
      ],
    },
    {
      name: 'accounts',
      primaryKey: 'account_id',
      fields: [
        { name: 'account_id', type: 'integer' },
        { name: 'company', type: 'string' },
        { name: 'tier', type: 'string' },
      ],
      links: [{ name: 'people', target: 'profiles', cardinality: 'one-to-many', on: [{ from: 'account_id', to: 'account_id' }] }],
    },
  ],
  dimensions: [
    { entity: 'profiles', addresses: { email: 'email' }, consents: { email: 'opt_in' } },
    { entity: 'accounts' },
  ],
};

export const fixtureModel: DataModel = dataModelSchema.parse(modelInput);

type Row = Record<string, Cell>;
const cols = <K extends string>(keys: K[], ...rows: Cell[][]): Row[] => rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? null])));

export const fixtureRows: Record<string, Row[]> = {
  profiles: cols(
    ['profile_id', 'name', 'email', 'country', 'birth_date', 'tier', 'score', 'opt_in', 'created', 'last_seen', 'account_id'],
    [1, 'Ann', 'ann@x.com', 'FR', '1990-07-05', 'gold', 80, true, '2025-06-20', '2025-06-29T10:00:00', 10],
    [2, 'Bob', 'bob@x.com', 'US', '1985-02-28', 'none', 20, false, '2024-01-15', '2025-01-02T08:30:00', null],
    [3, 'Cid', null, 'FR', null, 'silver', 55, true, '2025-05-31', null, 10],
    [4, 'Dee', 'DEE@y.org', 'DE', '2000-07-10', 'gold', 95, true, '2023-03-01', '2025-06-30T23:59:00', 11],
    [5, "O'Eve", '', null, '1979-12-31', 'none', null, false, '2025-06-30', '2025-06-15T12:00:00', null],
    [6, 'Fay', 'fay@x.com', 'FR', '1995-06-30', 'bronze', 40, true, '2025-06-01', '2024-12-31T23:00:00', 11],
  ),
  purchases: cols(
    ['purchase_id', 'profile_id', 'product_id', 'amount', 'purchase_date'],
    [1, 1, 100, 50, '2025-06-01'],
    [2, 1, 101, 20, '2025-06-25'],
    [3, 2, 100, 200, '2024-12-01'],
    [4, 4, 102, 15.5, '2025-06-29'],
    [5, 4, 102, 15.5, '2025-06-30'],
    [6, 6, 101, 5, '2025-01-10'],
  ),
  products: cols(['product_id', 'title', 'category'], [100, 'Runner', 'shoes'], [101, 'Novel', 'books'], [102, 'Phone', 'electronics']),
  accounts: cols(['account_id', 'company', 'tier'], [10, 'Acme', 'enterprise'], [11, 'Globex', 'smb']),
};

/** The fixture as a dataset the engine can load. */
export function fixtureDataset(rows: Record<string, Row[]> = fixtureRows): Dataset {
  return {
    id: 'fixture',
    model: fixtureModel,
    tables: fixtureModel.entities.map((e) => ({
      entity: e.name,
      *batches() {
        yield rowsToArrow(e, rows[e.name] ?? []);
      },
    })),
  };
}

type ActivityInput = { id: string; type: string; config?: Record<string, unknown>; disabled?: boolean };
type TransitionInput = [id: string, from: string, to: string, fromPort?: string, toPort?: string];

/** A campaign document from a compact description (positions and labels do not matter here). */
export function campaign(activities: ActivityInput[], transitions: TransitionInput[]): CampaignDoc {
  return campaignSchema.parse({
    id: 'c1',
    name: 'Test',
    schemaVersion: 1,
    activities: activities.map((a) => ({ id: a.id, type: a.type, label: a.id, position: { x: 0, y: 0 }, config: a.config ?? {}, disabled: a.disabled ?? false })),
    transitions: transitions.map(([id, from, to, fromPort, toPort]) => ({
      id,
      source: { activityId: from, port: fromPort ?? 'out' },
      target: { activityId: to, port: toPort ?? 'in' },
    })),
  });
}
