import { describe, expect, it } from 'vitest';
import { campaign } from '../../engine/testing/fixture';
import { deliveryEngine } from './delivery-fixture';

const everyone = { id: 'q', type: 'build-audience', config: { targetDimension: 'people' } };
const email = (config: Record<string, unknown> = {}) => ({ id: 'm', type: 'email', config: { subject: 's', body: 'b', ...config } });
const oneEmail = (config: Record<string, unknown> = {}) => campaign([everyone, email(config)], [['t', 'q', 'm']]);

describe('channel eligibility', () => {
  it('excludes each message for the first reason that applies, in order', async () => {
    const { engine, deliveries } = await deliveryEngine();
    const doc = oneEmail();
    const rows = await deliveries(doc, 'm');
    expect(rows.map((r) => [r.id, r.reason, r.address])).toEqual([
      [1, null, 'ann@x.com'],
      [2, 'no-address', null],
      [3, 'invalid-address', 'cid.x.com'],
      [4, 'duplicate-address', 'ANN@x.com'],
      [5, 'no-consent', 'eve@x.com'],
      [6, 'denylisted', 'fay@x.com'],
      // No consent either: it counts under its first reason only.
      [7, 'invalid-address', 'gus@'],
      [8, null, 'hal@x.com'],
    ]);
    expect(rows.map((r) => r.message_id)).toEqual(['m:1', 'm:2', 'm:3', 'm:4', 'm:5', 'm:6', 'm:7', 'm:8']);
    const result = await engine.counts(doc);
    expect(result.figures?.m).toEqual({
      targeted: 8,
      excluded: 6,
      'to-send': 2,
      'excluded:no-address': 1,
      'excluded:invalid-address': 2,
      'excluded:duplicate-address': 1,
      'excluded:no-consent': 1,
      'excluded:denylisted': 1,
      'excluded:capped': 0,
      'excluded:window': 0,
    });
    // The outbound transition still carries every targeted record.
    expect(result.counts.t).toBe(8);
  });
});
