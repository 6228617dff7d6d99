import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { campaign, fixtureDataset, fixtureRows } from '../testing/fixture';
import { audience } from '../testing/activity-harness';
import { openTestConnection } from '../testing/test-connection';
import { Engine } from '../engine';
import type { CampaignDoc } from '../../domain/campaign';
import type { CampaignPlan } from '../compile/compile-campaign';

// A campaign simulated again at another launch (or after a change of the engagement model's
// timing) reads its channels' messages and their draws as they were: only the sends are scheduled
// and timed again. Every channel here is a real one (its own eligibility), an email then an SMS.

function launched(launch: string): CampaignDoc {
  const doc = campaign(
    [
      audience('q'),
      { id: 'm', type: 'email', config: { subject: 's', body: '<a href="https://shop.example/a">A</a>' } },
      { id: 's', type: 'sms', config: { body: 'Hi https://shop.example/s' } },
    ],
    [
      ['t1', 'q', 'm'],
      ['t2', 'm', 's'],
    ],
  );
  const model = { email: { open: 0.6, click: 0.5 }, sms: { click: 0.5 }, conversion: { baseline: 0.5 } };
  return { ...doc, settings: { ...doc.settings, seed: 7, simulation: { launch, model } } };
}

const tableOf = (plan: CampaignPlan, activityId: string, port: string) => plan.steps.find((s) => s.activityId === activityId)?.outputs.find((o) => o.port === port)?.table;

let engine: Engine;
/** The tables created since the last reset, by name. */
const created = new Set<string>();
beforeAll(async () => {
  const conn = await openTestConnection();
  const query = conn.query.bind(conn);
  conn.query = (sql: string) => {
    const made = /^CREATE (?:OR REPLACE )?(?:TEMP(?:ORARY)? )?TABLE (?:IF NOT EXISTS )?[`"]?(\w+)/i.exec(sql.trim());
    if (made) created.add(made[1]!);
    return query(sql);
  };
  engine = new Engine(conn);
  await engine.loadDataset(fixtureDataset(fixtureRows));
});
afterAll(async () => {
  await engine.close();
});

describe('a new launch', () => {
  test('reuses every channel’s messages and their draws, and schedules their sends again', async () => {
    const first = launched('2025-07-01T09:00');
    const later = launched('2025-07-02T14:30');
    await engine.counts(first, { simulate: true });
    created.clear();
    const result = await engine.counts(later, { simulate: true });
    expect(result.errors).toEqual({});
    const [a, b] = [engine.compile(first, { simulate: true }), engine.compile(later, { simulate: true })];
    for (const channel of ['m', 's']) {
      const messages = tableOf(b, channel, '@messages');
      expect(messages).toBeDefined();
      expect(messages).toBe(tableOf(a, channel, '@messages'));
      expect(created.has(messages!)).toBe(false);
      for (const port of ['@deliveries', '@feedback', '@tracking']) {
        expect(tableOf(b, channel, port)).not.toBe(tableOf(a, channel, port));
        expect(created.has(tableOf(b, channel, port)!)).toBe(true);
      }
    }
  });

  test('gives the same events as a simulation from nothing at that launch', async () => {
    const later = launched('2025-07-03T08:15');
    await engine.counts(launched('2025-07-01T09:00'), { simulate: true });
    const reused = { feedback: await engine.events(later, 'feedback'), tracking: await engine.events(later, 'tracking') };
    const fresh = new Engine(await openTestConnection());
    try {
      await fresh.loadDataset(fixtureDataset(fixtureRows));
      expect((await fresh.events(later, 'feedback')).rows).toEqual(reused.feedback.rows);
      expect((await fresh.events(later, 'tracking')).rows).toEqual(reused.tracking.rows);
    } finally {
      await fresh.close();
    }
    // The launch moves the sends, not who gets what: the same messages are delivered, opened and clicked.
    const outcomes = async (doc: CampaignDoc) => (await engine.events(doc, 'tracking')).rows.filter((r) => r.event !== 'conversion').map((r) => `${String(r.message_id)} ${String(r.event)}`).sort();
    expect(reused.tracking.rows.some((r) => r.event === 'open')).toBe(true);
    expect(await outcomes(later)).toEqual(await outcomes(launched('2025-07-01T09:00')));
  });
});
