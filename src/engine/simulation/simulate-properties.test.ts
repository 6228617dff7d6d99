import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import fc from 'fast-check';
import { Engine } from '../engine';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import { sampleDataset } from '../data/sample-dataset';
import { campaign } from '../testing/fixture';
import type { CampaignDoc } from '../../domain/campaign';
import type { PlainRow } from '../rows';
import type * as ChannelCommon from '../../activities/channel-common';

vi.mock('../../activities/channel-common', async (importOriginal) => {
  const original = await importOriginal<typeof ChannelCommon>();
  const { withMinimalDeliveries } = await import('./testing/minimal-deliveries');
  return { ...original, compileChannel: withMinimalDeliveries(original.compileChannel) };
});

const rate = fc.double({ min: 0, max: 1, noNaN: true });
const modelArb = fc.record({
  email: fc.record({ hardBounce: fc.double({ min: 0, max: 0.3, noNaN: true }), softBounce: fc.double({ min: 0, max: 0.3, noNaN: true }), open: rate, click: rate, unsubscribe: rate, complaint: rate }),
  sms: fc.record({ hardBounce: fc.double({ min: 0, max: 0.3, noNaN: true }), softBounce: fc.double({ min: 0, max: 0.3, noNaN: true }), click: rate, optOut: rate }),
  retry: fc.record({ periodMinutes: fc.integer({ min: 1, max: 600 }), maxRetries: fc.integer({ min: 0, max: 6 }), retrySuccess: rate }),
  modulation: fc.record({ engagement: rate, poorAddress: rate, fatigue: rate }),
});

/** Two branches: a gold audience emailed then texted after a wait, and a silver audience emailed. */
function twoBranches(model: unknown, seed: number, effect = 1, waitHours = 24): CampaignDoc {
  const rule = (tier: string) => ({ kind: 'group', id: 'g', combinator: 'and', children: [{ kind: 'attribute', id: 'a', path: ['loyalty_tier'], operator: 'equals', value: tier }] });
  const body = '<a href="https://shop.example/new">New</a> <a href="https://shop.example/sale">Sale</a> <a href="https://shop.example/unsubscribe">Unsubscribe</a>';
  const doc = campaign(
    [
      { id: 'q1', type: 'build-audience', config: { rule: rule('gold') } },
      { id: 'm1', type: 'email', config: { subject: 's', body } },
      { id: 'w1', type: 'wait', config: { mode: 'duration', amount: waitHours, unit: 'hours' } },
      { id: 'x1', type: 'sms', config: { body: 'Sale https://shop.example/s STOP to 1234' } },
      { id: 'q2', type: 'build-audience', config: { rule: rule('silver') } },
      { id: 'm2', type: 'email', config: { subject: 's', body, expectedEffect: { open: effect, click: effect } } },
    ],
    [['t1', 'q1', 'm1'], ['t2', 'm1', 'w1'], ['t3', 'w1', 'x1'], ['t4', 'q2', 'm2']],
  );
  return { ...doc, settings: { ...doc.settings, seed, simulation: { launch: '2025-03-14T10:30', model } } };
}

let engine: Engine;
beforeAll(async () => {
  engine = new Engine(await openNodeDuckDB());
  await engine.loadDataset(sampleDataset({ profiles: 600, seed: 3 }));
});
afterAll(async () => {
  await engine.close();
});

const events = async (doc: CampaignDoc) => ({ feedback: (await engine.events(doc, 'feedback')).rows, tracking: (await engine.events(doc, 'tracking')).rows });
const of = (rows: PlainRow[], activity: string) => rows.filter((r) => r.activity_id === activity);

describe('simulation invariants on generated data', () => {
  test('figures add up, clicks have opens, nothing happens before the send', async () => {
    await fc.assert(
      fc.asyncProperty(modelArb, fc.integer({ min: 0, max: 1000 }), async (model, seed) => {
        const doc = twoBranches(model, seed);
        const result = await engine.counts(doc, { simulate: true });
        expect(result.errors).toEqual({});
        const { feedback, tracking } = await events(doc);
        for (const id of ['m1', 'x1', 'm2']) {
          const f = result.figures![id]!;
          // Every message sent ends delivered, bounced (hard or soft) or in error (the feedback keeps final statuses).
          expect(f.sent).toBe(f.delivered! + f['hard-bounces']! + f['soft-bounces']! + f.errors!);
          expect(f['unique-opens']).toBeLessThanOrEqual(f.delivered!);
          expect(f['unique-clicks']).toBeLessThanOrEqual(f['unique-opens']!);
          expect(f.bounces).toBe(f['hard-bounces']! + f['soft-bounces']!);
          expect(f.sent).toBe(of(feedback, id).filter((r) => r.sent_at !== null).length);
        }
        const sentAt = new Map(feedback.map((r) => [String(r.message_id), r]));
        const opens = new Map(tracking.filter((r) => r.event === 'open').map((r) => [String(r.message_id), String(r.at)]));
        for (const t of tracking) {
          const message = sentAt.get(String(t.message_id))!;
          // A conversion may follow any targeted message (or none); it comes after the send, or the channel's start.
          if (t.event === 'conversion') {
            expect(String(t.at) >= String(message.sent_at ?? message.status_at)).toBe(true);
            continue;
          }
          expect(message.status).toBe('delivered');
          expect(String(t.at) >= String(message.sent_at)).toBe(true);
          expect(String(t.at) >= String(message.status_at)).toBe(true);
          if (t.event === 'click' && t.channel === 'email') expect(opens.get(String(t.message_id))! <= String(t.at)).toBe(true);
        }
      }),
      { numRuns: 6 },
    );
  }, 120_000);

  test('identical inputs give identical events, on another engine too', async () => {
    const doc = twoBranches({}, 11);
    const first = await events(doc);
    const other = new Engine(await openNodeDuckDB());
    await other.loadDataset(sampleDataset({ profiles: 600, seed: 3 }));
    const csv = async (e: Engine) => [(await e.events(doc, 'feedback', { csv: true })).csv, (await e.events(doc, 'tracking', { csv: true })).csv];
    expect(await csv(other)).toEqual(await csv(engine));
    await other.close();
    expect(first.tracking.length).toBeGreaterThan(0);
  }, 60_000);

  test('an edit leaves the events of the branches it does not reach unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0.2, max: 3, noNaN: true }), fc.integer({ min: 1, max: 96 }), async (effect, waitHours) => {
        const before = await events(twoBranches({}, 5));
        const after = await events(twoBranches({}, 5, effect, waitHours));
        // The silver branch's effect and the gold branch's wait change only their own branch.
        for (const id of ['m1']) {
          expect(of(after.feedback, id)).toEqual(of(before.feedback, id));
          expect(of(after.tracking, id)).toEqual(of(before.tracking, id));
        }
        expect(of(after.feedback, 'm2')).toEqual(of(before.feedback, 'm2'));
      }),
      { numRuns: 4 },
    );
  }, 120_000);
});
