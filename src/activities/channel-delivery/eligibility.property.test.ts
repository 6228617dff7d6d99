import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { campaign } from '../../engine/testing/fixture';
import { all, attr } from '../../engine/testing/activity-harness';
import { deliveryEngine } from './delivery-fixture';
import { exclusionReasons } from './reasons';

const settings = fc.record({
  category: fc.constantFrom('marketing', 'transactional'),
  sendPer: fc.constantFrom('', 'contacts'),
  linkedAddressField: fc.constantFrom('', 'value'),
  capping: fc.record({ enabled: fc.boolean(), maxMessages: fc.integer({ min: 1, max: 2 }), periodDays: fc.integer({ min: 1, max: 10 }) }),
  throttle: fc.record({ enabled: fc.boolean(), perHour: fc.integer({ min: 1, max: 3 }) }),
  window: fc.record({
    enabled: fc.boolean(),
    days: fc.subarray(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], { minLength: 1 }),
    fromHour: fc.integer({ min: 0, max: 12 }),
    toHour: fc.integer({ min: 13, max: 24 }),
  }),
  validityHours: fc.integer({ min: 1, max: 80 }),
});
type Settings = typeof settings extends fc.Arbitrary<infer T> ? T : never;

const fixedSettings = (s: Settings) => ({ ...s, linkedAddressField: s.sendPer === '' ? '' : s.linkedAddressField });
const above = (n: number) => ({ id: `q${n}`, type: 'build-audience', config: { targetDimension: 'people', rule: all(attr('id', 'gt', n)), emitWhenEmpty: true } });

/** Two branches: an audience and two emails in a row on the first, an audience and an email on the second. */
function twoBranches(first: Settings, second: Settings, cut: number, otherCut: number) {
  const a = { ...above(cut), id: 'qa' };
  const b = { ...above(otherCut), id: 'qb' };
  return campaign(
    [
      a,
      { id: 'm1', type: 'email', config: { subject: 's', body: 'b', ...fixedSettings(first) } },
      { id: 'm2', type: 'email', config: { subject: 's', body: 'b', ...fixedSettings(second) } },
      b,
      { id: 'n', type: 'email', config: { subject: 's', body: 'b', ...fixedSettings(second) } },
    ],
    [
      ['t1', 'qa', 'm1'],
      ['t2', 'm1', 'm2'],
      ['t3', 'qb', 'n'],
    ],
  );
}

describe('eligibility invariants', () => {
  let env: Awaited<ReturnType<typeof deliveryEngine>>;
  beforeAll(async () => {
    env = await deliveryEngine();
  }, 60_000);

  it('targeted = excluded + to send, and the reasons add up to the excluded', async () => {
    await fc.assert(
      fc.asyncProperty(settings, settings, fc.integer({ min: 0, max: 8 }), async (first, second, cut) => {
        const result = await env.engine.counts(twoBranches(first, second, cut, 0));
        for (const id of ['m1', 'm2', 'n']) {
          expect(result.errors[id]).toBeUndefined();
          const f = result.figures?.[id];
          expect(f).toBeDefined();
          expect(f!.targeted).toBe(f!.excluded! + f!['to-send']!);
          expect(exclusionReasons.reduce((sum, r) => sum + f![`excluded:${r}`]!, 0)).toBe(f!.excluded);
        }
        // Sending per contact counts contacts, else people: m1 targets what its audience holds.
        if (first.sendPer === '') expect(result.figures!.m1!.targeted).toBe(result.counts.t1);
      }),
      { numRuns: 12 },
    );
  }, 240_000);

  it('an edit in another branch changes neither the deliveries nor the figures of a channel', async () => {
    await fc.assert(
      fc.asyncProperty(settings, settings, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), async (first, second, cut, otherCut, otherCut2) => {
        const before = twoBranches(first, second, cut, otherCut);
        const after = twoBranches(first, second, cut, otherCut2);
        const r1 = await env.engine.counts(before);
        const rows1 = await env.deliveries(before, 'm2');
        const r2 = await env.engine.counts(after);
        const rows2 = await env.deliveries(after, 'm2');
        expect(r2.figures?.m1).toEqual(r1.figures?.m1);
        expect(r2.figures?.m2).toEqual(r1.figures?.m2);
        expect(rows2).toEqual(rows1);
      }),
      { numRuns: 8 },
    );
  }, 240_000);
});
