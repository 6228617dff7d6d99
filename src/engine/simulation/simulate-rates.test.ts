import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { engineWith, audience } from '../testing/activity-harness';
import { campaign, fixtureRows } from '../testing/fixture';
import type { Engine } from '../engine';
import type * as ChannelCommon from '../../activities/channel-common';

vi.mock('../../activities/channel-common', async (importOriginal) => {
  const original = await importOriginal<typeof ChannelCommon>();
  const { withMinimalDeliveries } = await import('./testing/minimal-deliveries');
  return { ...original, compileChannel: withMinimalDeliveries(original.compileChannel) };
});

// 100,000 people with an email and nothing that moves their rates (the fixture has no engagement
// score, no role address, no earlier send): each observed rate is a binomial share of the model's.
const N = 100_000;
const model = {
  email: { hardBounce: 0.02, softBounce: 0.05, open: 0.25, click: 0.04, unsubscribe: 0.01, complaint: 0.002 },
  retry: { periodMinutes: 30, maxRetries: 2, retrySuccess: 0.5 },
};
let engine: Engine;
beforeAll(async () => {
  const first = fixtureRows.profiles![0]!;
  const people = Array.from({ length: N }, (_, i) => ({ ...first, profile_id: i + 1, email: `p${i + 1}@x.com` }));
  engine = await engineWith({ ...fixtureRows, profiles: people });
}, 60_000);
afterAll(async () => {
  await engine.close();
});

test('on 100,000 recipients every observed rate is within 4 standard errors of the model', async () => {
  const doc = campaign([audience('q'), { id: 'm', type: 'email', config: { subject: 's', body: '<a href="https://a.example/">A</a>' } }], [['t', 'q', 'm']]);
  const simulated = { ...doc, settings: { ...doc.settings, seed: 99, simulation: { launch: '2025-07-01T09:00', model } } };
  const result = await engine.counts(simulated, { simulate: true });
  const f = result.figures!.m!;
  expect(f.sent).toBe(N);
  const { hardBounce: hb, softBounce: sb, open, click } = model.email;
  // A soft bounce is "message too large" (not retried) one time in six; the others fail when both retries fail.
  const failed = hb + sb / 6 + ((sb * 5) / 6) * 0.5 ** 2;
  const within = (observed: number, trials: number, p: number) => {
    const se = Math.sqrt((p * (1 - p)) / trials);
    expect(Math.abs(observed / trials - p)).toBeLessThanOrEqual(4 * se);
  };
  within(f['hard-bounces']! + f['soft-bounces']! + f.errors!, N, failed);
  within(f.delivered!, N, 1 - failed);
  within(f['unique-opens']!, f.delivered!, open);
  within(f['unique-clicks']!, f.delivered!, click);
  within(f.unsubscribes!, f.delivered!, model.email.unsubscribe);
  within(f.complaints!, f.delivered!, model.email.complaint);
}, 60_000);
