import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { countMetrics, rateMetrics, rateValue } from '../../domain/metrics';
import type { DuckConnection } from '../duckdb/connection';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import { tableToRows } from '../rows';
import { channelFiguresSql, countMetricSql, groupedRowsSql } from './metric-sql';
import { duckdbDialect } from '../sql/dialect';

/**
 * Every count formula of the registry on small feedback and tracking tables written by hand, with
 * the expected numbers worked out in the comments.
 */
let conn: DuckConnection;

const FEEDBACK = `CREATE TABLE fb AS SELECT * FROM (VALUES
  ('m:1', 'delivered', NULL, NULL, 0, TIMESTAMP '2025-07-01 09:00:00', TIMESTAMP '2025-07-01 09:00:00'),
  ('m:2', 'delivered', 'soft', 'mailbox full', 2, TIMESTAMP '2025-07-01 09:00:00', TIMESTAMP '2025-07-01 10:00:00'),
  ('m:3', 'bounce', 'hard', 'invalid recipient', 0, TIMESTAMP '2025-07-01 09:00:00', TIMESTAMP '2025-07-01 09:00:00'),
  ('m:4', 'bounce', 'soft', 'timeout', 3, TIMESTAMP '2025-07-01 09:00:00', TIMESTAMP '2025-07-01 10:30:00'),
  ('m:5', 'bounce', 'ignored', 'message too large', 0, TIMESTAMP '2025-07-01 09:00:00', TIMESTAMP '2025-07-01 09:00:00'),
  ('m:6', 'exclude', NULL, 'no-address', 0, NULL, TIMESTAMP '2025-07-01 09:00:00'),
  ('m:7', 'denylist', NULL, 'denylisted', 0, NULL, TIMESTAMP '2025-07-01 09:00:00'),
  ('m:8', 'error', NULL, NULL, 0, TIMESTAMP '2025-07-01 09:00:00', TIMESTAMP '2025-07-01 09:00:00')
) AS t(message_id, status, failure_type, failure_reason, retries, sent_at, status_at)`;

// m:2 has a click and no recorded open (a push click, say): it is still an opener.
const TRACKING = `CREATE TABLE tr AS SELECT * FROM (VALUES
  ('m:1', 'open', NULL, TIMESTAMP '2025-07-01 10:00:00'),
  ('m:1', 'open', NULL, TIMESTAMP '2025-07-01 11:00:00'),
  ('m:1', 'click', 'https://a.example/x', TIMESTAMP '2025-07-01 11:05:00'),
  ('m:1', 'click', 'https://a.example/x', TIMESTAMP '2025-07-01 12:00:00'),
  ('m:2', 'click', 'https://a.example/y', TIMESTAMP '2025-07-01 10:30:00'),
  ('m:2', 'unsubscribe', NULL, TIMESTAMP '2025-07-01 13:00:00'),
  ('m:1', 'complaint', NULL, TIMESTAMP '2025-07-01 14:00:00')
) AS t(message_id, event, url, "at")`;

beforeAll(async () => {
  conn = await openNodeDuckDB();
  await conn.query(FEEDBACK);
  await conn.query(TRACKING);
  await conn.query(`CREATE TABLE fb_none AS SELECT * FROM fb WHERE message_id IN ('m:3', 'm:6')`);
  await conn.query(`CREATE TABLE tr_none AS SELECT * FROM tr WHERE false`);
}, 60_000);
afterAll(async () => {
  await conn.close();
});

async function countsOf(feedback: string, tracking: string, range?: { from?: string; to?: string }): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const m of countMetrics) {
    const rows = tableToRows(await conn.query(`SELECT ${countMetricSql(m.formula, range ? { range } : {})} AS v FROM ${m.formula.table === 'feedback' ? feedback : tracking}`));
    out[m.id] = Number(rows[0]!.v);
  }
  return out;
}

describe('count formulas', () => {
  test('each count over the hand-made tables', async () => {
    expect(await countsOf('fb', 'tr')).toEqual({
      targeted: 8, // every feedback row
      excluded: 2, // m:6 exclude, m:7 denylist
      sent: 6, // rows with a sent_at: m:1–5, m:8; retries do not add to it
      retries: 5, // m:2 2 + m:4 3
      delivered: 2, // m:1, m:2 (after its retries)
      bounces: 2, // m:3 hard, m:4 soft; m:5 (ignored) is not a bounce
      'hard-bounces': 1, // m:3
      'soft-bounces': 1, // m:4
      errors: 2, // m:5 message too large (ignored), m:8 provider error
      opens: 2, // two open rows of m:1
      'unique-opens': 2, // m:1 opened; m:2 clicked without a recorded open, a click counts as an open
      clicks: 3, // two of m:1, one of m:2
      'unique-clicks': 2, // m:1, m:2
      unsubscribes: 1, // m:2
      complaints: 1, // m:1
      'opt-outs': 0,
      extracted: 0, // no direct-mail row (status sent)
      conversions: 0,
    });
  });

  test('the sums that hold: sent = delivered + bounces + errors, targeted = sent + excluded', async () => {
    const c = await countsOf('fb', 'tr');
    expect(c.sent).toBe(c.delivered! + c['hard-bounces']! + c['soft-bounces']! + c.errors!);
    expect(c.targeted).toBe(c.sent! + c.excluded!);
  });

  test('rates over the counts; the click without an open keeps the click-to-open rate at most 100 %', async () => {
    const c = await countsOf('fb', 'tr');
    const r = Object.fromEntries(rateMetrics.map((m) => [m.id, rateValue(m, c)]));
    expect(r['delivery-rate']).toBe(2 / 6);
    expect(r['bounce-rate']).toBe(2 / 6);
    expect(r['open-rate']).toBe(1); // 2 unique opens / 2 delivered
    expect(r['click-rate']).toBe(1);
    expect(r['click-to-open-rate']).toBe(1); // 2 / 2: counting only open rows would give 2 / 1
    expect(r['unsubscribe-rate']).toBe(0.5);
    expect(r['exclusion-rate']).toBe(0.25);
  });

  test('no delivered message: every rate over delivered is null, not NaN or infinity', async () => {
    const c = await countsOf('fb_none', 'tr_none');
    expect(c).toMatchObject({ targeted: 2, excluded: 1, sent: 1, delivered: 0, 'hard-bounces': 1, 'unique-opens': 0 });
    for (const id of ['open-rate', 'click-rate', 'click-to-open-rate', 'unsubscribe-rate', 'complaint-rate', 'opt-out-rate'])
      expect(rateValue(rateMetrics.find((m) => m.id === id)!, c), id).toBeNull();
    expect(rateValue(rateMetrics.find((m) => m.id === 'delivery-rate')!, c)).toBe(0);
  });

  test('a time range counts each metric at its own event time (sent at the send, delivered at the delivery, events at theirs)', async () => {
    const c = await countsOf('fb', 'tr', { from: "TIMESTAMP '2025-07-01 10:00:00'", to: "TIMESTAMP '2025-07-01 11:30:00'" });
    expect(c.sent).toBe(0); // all sent at 09:00
    expect(c.delivered).toBe(1); // m:2 delivered at 10:00
    expect(c['soft-bounces']).toBe(1); // m:4 failed for good at 10:30
    expect(c.opens).toBe(2); // 10:00 and 11:00
    expect(c.clicks).toBe(2); // 10:30 (m:2) and 11:05 (m:1)
    expect(c['unique-opens']).toBe(2);
    expect(c.unsubscribes).toBe(0); // 13:00
  });

  test('over messages grouped first (by the columns the formulas test), each feedback formula gives the same number', async () => {
    const feedback = countMetrics.filter((m) => m.formula.table === 'feedback');
    const ungrouped = await countsOf('fb', 'tr');
    // Grouped by nothing else, and by the hour of the send (a key that splits the groups further).
    for (const keys of [[], ["date_trunc('hour', x.status_at)"]]) {
      const groups = groupedRowsSql(feedback.map((m) => m.formula), keys, 'SELECT * FROM fb');
      const values = feedback.map((m) => `${countMetricSql(m.formula, { alias: 'g', grouped: true })} AS "${m.id}"`);
      const row = tableToRows(await conn.query(`SELECT ${values.join(', ')} FROM (${groups}) g`))[0]!;
      for (const m of feedback) expect(Number(row[m.id]), `${m.id} by ${keys.join() || 'nothing'}`).toBe(ungrouped[m.id]);
    }
    // A time a formula only tests for being set does not split the groups: m:9, delivered at
    // another time with one retry, joins m:1's group (delivered, no failure type, sent).
    const nine = `SELECT * FROM fb UNION ALL SELECT 'm:9', 'delivered', NULL, NULL, 1, TIMESTAMP '2025-07-01 12:00:00', TIMESTAMP '2025-07-01 12:00:00'`;
    const groups = tableToRows(await conn.query(groupedRowsSql(feedback.map((m) => m.formula), [], nine)));
    expect(groups).toHaveLength(8);
    const delivered = groups.find((g) => g.status === 'delivered' && g.failure_type === null)!;
    expect([Number(delivered.grouped_rows), Number(delivered.retries), Number(delivered.sent_at)]).toEqual([2, 1, 1]);
  });

  test('the channel figures are the same formulas, keyed by id, only those that apply to the channel', async () => {
    const rows = tableToRows(await conn.query(channelFiguresSql(duckdbDialect, 'email', 'fb', 'tr')));
    const figures = Object.fromEntries(rows.map((r) => [String(r.name), Number(r.value)]));
    const all = await countsOf('fb', 'tr');
    expect(figures).toEqual(Object.fromEntries(Object.entries(all).filter(([id]) => id !== 'opt-outs' && id !== 'extracted')));
    const mail = Object.fromEntries(tableToRows(await conn.query(channelFiguresSql(duckdbDialect, 'direct-mail', 'fb', undefined))).map((r) => [String(r.name), Number(r.value)]));
    expect(Object.keys(mail).sort()).toEqual(['excluded', 'extracted', 'sent', 'targeted']);
  });
});
