import { describe, expect, it } from 'vitest';
import { compileDeliveries } from './deliveries-sql';
import { deliveryEngine, deliveryModel } from './delivery-fixture';
import { channelBaseSchema } from '../channel-common';
import type { CompileContext } from '../compile-types';
import { findEntity } from '../../domain/data-model';
import { quoteIdent, sqlLiteral } from '../../engine/sql/quote';
import { tableToRows } from '../../engine/rows';
import { duckdbDialect } from '../../engine/sql/dialect';

/**
 * The denylist grows from an earlier channel's results when the campaign is simulated. The
 * simulator's tables are stood in for by hand-written ones with the contract's columns.
 */
describe('denylist fed by earlier results', () => {
  it('excludes addresses that hard-bounced, unsubscribed, complained or opted out before the channel starts', async () => {
    const { conn } = await deliveryEngine();
    const schema = String(tableToRows(await conn.query(`SELECT table_schema AS s FROM information_schema.tables WHERE table_name = 'people'`))[0]!.s);
    await conn.query(`CREATE TABLE aud AS SELECT id FROM ${quoteIdent(schema)}.people WHERE id IN (1, 5, 8)`);
    // An earlier email's results: 1 bounced softly, 8 hard before this channel starts, 9 after it.
    await conn.query(`CREATE TABLE fb AS SELECT * FROM (VALUES
      ('e0:1', 'ANN@x.com', 'bounce', 'soft', TIMESTAMP '2025-06-30 08:00:00'),
      ('e0:8', 'hal@x.com ', 'bounce', 'hard', TIMESTAMP '2025-06-30 08:00:00'),
      ('e0:9', 'late@x.com', 'bounce', 'hard', TIMESTAMP '2025-06-30 10:00:00')
    ) AS t(message_id, address, status, failure_type, status_at)`);
    await conn.query(`CREATE TABLE tr AS SELECT * FROM (VALUES ('e0:1', 'open', TIMESTAMP '2025-06-30 08:30:00')) AS t(message_id, event, "at")`);
    const sql = (rows: string) =>
      compileDeliveries(
        { ...channelBaseSchema.parse({}), emitOutbound: true },
        {
          activity: { id: 'm', type: 'email', label: 'm', position: { x: 0, y: 0 }, config: {}, configVersion: 1, disabled: false },
          clock: '2025-06-30 09:00:00',
          channels: [{ activityId: 'e0', label: 'e0', type: 'email', start: '2025-06-30 07:00:00', dimension: 'people', feedback: 'fb', tracking: rows }],
          inputs: { in: [{ relation: 'aud', dimension: 'people', columns: [], transitionId: 't' }] },
          seed: 1,
          model: deliveryModel,
          referenceDate: '2025-06-30',
          sql: {
            dialect: duckdbDialect,
            ident: quoteIdent,
            literal: sqlLiteral,
            table: (e) => `${quoteIdent(schema)}.${quoteIdent(e)}`,
            entity: (e) => findEntity(deliveryModel, e)!,
            condition: () => 'true',
            filter: () => 'true',
            facts: (s) => `(${s})`,
          },
        } as CompileContext,
      )['@deliveries']!.sql;
    const reasons = async (tracking: string) => tableToRows(await conn.query(`SELECT id, reason FROM (${sql(tracking)}) ORDER BY id`)).map((r) => [Number(r.id), r.reason]);
    // 8 hard-bounced before 09:00; 1's soft bounce and open do not list it; 5 has no consent.
    expect(await reasons('tr')).toEqual([
      [1, null],
      [5, 'no-consent'],
      [8, 'denylisted'],
    ]);
    await conn.query(`CREATE TABLE tr2 AS SELECT * FROM (VALUES ('e0:1', 'unsubscribe', TIMESTAMP '2025-06-30 08:30:00')) AS t(message_id, event, "at")`);
    expect(await reasons('tr2')).toEqual([
      [1, 'denylisted'],
      [5, 'no-consent'],
      [8, 'denylisted'],
    ]);
  });
});
