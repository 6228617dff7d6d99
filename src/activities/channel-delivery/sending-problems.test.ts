import { describe, expect, it } from 'vitest';
import { sendingProblems } from './sending-problems';
import { channelBaseSchema } from '../channel-common';
import type { GraphContext } from '../define-activity';
import { deliveryModel } from './delivery-fixture';

const ctx = {
  activity: { id: 'm', type: 'email', label: 'm', position: { x: 0, y: 0 }, config: {}, configVersion: 1, disabled: false },
  incoming: [],
  outgoing: [],
  model: deliveryModel,
  inbound: () => ({ dimension: 'people', columns: [] }),
} as unknown as GraphContext;
const problemsOf = (config: Record<string, unknown>) => sendingProblems(channelBaseSchema.parse(config), ctx).map((p) => [p.path, p.message]);

describe('sending settings problems', () => {
  it('the defaults have none', () => {
    expect(problemsOf({})).toEqual([]);
  });

  it('capping at 0 sends nothing (marketing only)', () => {
    expect(problemsOf({ capping: { enabled: true, maxMessages: 0, periodDays: 7 } })).toEqual([['capping.maxMessages', expect.stringMatching(/^Capping at 0 messages sends nothing/)]]);
    expect(problemsOf({ category: 'transactional', capping: { enabled: true, maxMessages: 0, periodDays: 7 } })).toEqual([]);
  });

  it('a window that never opens', () => {
    expect(problemsOf({ window: { enabled: true, days: [], fromHour: 9, toHour: 18 } })).toEqual([['window.days', expect.stringMatching(/no day/)]]);
    expect(problemsOf({ window: { enabled: true, days: ['mon'], fromHour: 18, toHour: 9 } })).toEqual([['window.fromHour', expect.stringMatching(/closes before it opens/)]]);
    expect(problemsOf({ window: { enabled: true, days: ['mon'], fromHour: 9, toHour: 25 } })).toEqual([['window.fromHour', expect.stringMatching(/from 0 to 24/)]]);
  });

  it('send per a link that is not one-to-many, or an unknown field', () => {
    expect(problemsOf({ sendPer: 'home' })).toEqual([['sendPer', expect.stringMatching(/one-to-many/)]]);
    expect(problemsOf({ sendPer: 'contacts', linkedAddressField: 'nope' })).toEqual([['linkedAddressField', expect.stringMatching(/no field "nope"/)]]);
  });
});
