import type { z } from 'zod';
import { dataModelSchema } from '../../domain/data-model';
import type { DataModel } from '../../domain/data-model';
import type { Dataset } from '../../engine/data/dataset';
import { rowsToArrow } from '../../engine/data/rows-to-arrow';
import type { Cell } from '../../engine/data/rows-to-arrow';
import { Engine } from '../../engine/engine';
import { openTestConnection } from '../../engine/testing/test-connection';
import { dialectOf } from '../../engine/sql/dialect';
import { tableToRows } from '../../engine/rows';
import type { PlainRow } from '../../engine/rows';
import type { CampaignDoc } from '../../domain/campaign';

/**
 * Eight people with every flaw an address can have, their contact addresses and a denylist, small
 * enough that each expected delivery is worked out by hand in the tests. Reference date 2025-06-30.
 */
const modelInput: z.input<typeof dataModelSchema> = {
  name: 'Delivery fixture',
  referenceDate: '2025-06-30',
  entities: [
    {
      name: 'people',
      primaryKey: 'id',
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'email', type: 'string' },
        { name: 'phone', type: 'string' },
        { name: 'street', type: 'string' },
        { name: 'zip', type: 'string' },
        { name: 'email_ok', type: 'boolean' },
        { name: 'sms_ok', type: 'boolean' },
      ],
      links: [
        { name: 'contacts', target: 'contacts', cardinality: 'one-to-many', on: [{ from: 'id', to: 'person_id' }] },
        { name: 'home', target: 'contacts', cardinality: 'many-to-one', on: [{ from: 'id', to: 'contact_id' }] },
      ],
    },
    {
      name: 'contacts',
      primaryKey: 'contact_id',
      fields: [
        { name: 'contact_id', type: 'integer' },
        { name: 'person_id', type: 'integer' },
        { name: 'value', type: 'string' },
      ],
    },
    {
      name: 'blocked',
      primaryKey: 'address',
      fields: [
        { name: 'address', type: 'string' },
        { name: 'channel', type: 'string' },
        { name: 'reason', type: 'string' },
        { name: 'added_at', type: 'timestamp' },
      ],
    },
  ],
  dimensions: [
    {
      entity: 'people',
      addresses: { email: 'email', phone: 'phone', postal: ['street', 'zip'] },
      consents: { email: 'email_ok', sms: 'sms_ok' },
    },
  ],
  denylist: { entity: 'blocked', address: 'address', channel: 'channel' },
};

export const deliveryModel: DataModel = dataModelSchema.parse(modelInput);

type Row = Record<string, Cell>;
const cols = (keys: string[], ...rows: Cell[][]): Row[] => rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? null])));

/**
 * 1 ok; 2 no email; 3 malformed email; 4 same email as 1 (other case); 5 no consent; 6 denylisted
 * for email; 7 no consent AND malformed (counts as invalid); 8 ok, blocked for SMS only.
 */
export const deliveryRows: Record<string, Row[]> = {
  people: cols(
    ['id', 'email', 'phone', 'street', 'zip', 'email_ok', 'sms_ok'],
    [1, 'ann@x.com', '+33 6 12 34 56 78', '1 Main St', '75001', true, true],
    [2, '  ', '0612', '2 Main St', null, true, true],
    [3, 'cid.x.com', null, null, null, true, false],
    [4, ' ANN@x.com ', '+33612345678', '4 Main St', '7', true, true],
    [5, 'eve@x.com', null, null, null, false, false],
    [6, 'fay@x.com', null, null, null, true, false],
    [7, 'gus@', null, null, null, false, false],
    [8, 'hal@x.com', '+4915123456789', '8 Main St', '10115', true, true],
  ),
  contacts: cols(['contact_id', 'person_id', 'value'], [11, 1, 'ann.work@x.com'], [12, 1, 'ann@x.com'], [13, 2, 'bob@x.com'], [14, 8, 'not-an-email']),
  blocked: cols(['address', 'channel', 'reason', 'added_at'], [' FAY@x.com', 'email', 'complaint', '2025-01-01T00:00:00'], ['+4915123456789', 'sms', 'stop', '2025-01-01T00:00:00'], ['nobody@x.com', null, 'manual', '2025-01-01T00:00:00']),
};

export function deliveryDataset(rows: Record<string, Row[]> = deliveryRows): Dataset {
  return {
    id: 'delivery-fixture',
    model: deliveryModel,
    tables: deliveryModel.entities.map((e) => ({
      entity: e.name,
      *batches() {
        yield rowsToArrow(e, rows[e.name] ?? []);
      },
    })),
  };
}

/** An engine on the fixture, and a reader of the deliveries table a channel of a campaign plans. */
export async function deliveryEngine(rows?: Record<string, Row[]>) {
  const conn = await openTestConnection();
  const engine = new Engine(conn);
  await engine.loadDataset(deliveryDataset(rows));
  /** Counts `doc` (which materialises every table), then reads the deliveries of `activityId`, by message id. */
  const deliveries = async (doc: CampaignDoc, activityId: string, options: { simulate?: boolean } = {}): Promise<PlainRow[]> => {
    const result = await engine.counts(doc, options);
    if (result.errors[activityId]) throw new Error(result.errors[activityId]);
    const step = engine.compile(doc, options).steps.find((s) => s.activityId === activityId);
    const table = step?.outputs.find((o) => o.port === '@deliveries')?.table;
    if (!table) throw new Error(`${activityId} has no deliveries`);
    return tableToRows(await conn.query(`SELECT ${dialectOf(conn).starExcept(['category', 'send_at'])}, ${dialectOf(conn).timeText('send_at')} AS send_at FROM "${table}" ORDER BY id, linked_key`));
  };
  return { engine, conn, deliveries };
}
