import { describe, expect, it } from 'vitest';
import { campaign } from '../../engine/testing/fixture';
import { deliveryEngine } from './delivery-fixture';
import type { PlainRow } from '../../engine/rows';

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

/** A campaign whose launch is `launch` (`YYYY-MM-DDTHH:MM`). */
function launchedAt<T extends { settings: Record<string, unknown> }>(doc: T, launch: string): T {
  doc.settings.simulation = { launch };
  return doc;
}

describe('transactional messages', () => {
  it('skip consent, the denylist and capping, but not addresses nor duplicates', async () => {
    const { engine, deliveries } = await deliveryEngine();
    const doc = oneEmail({ category: 'transactional', capping: { enabled: true, maxMessages: 1, periodDays: 7 } });
    const rows = await deliveries(doc, 'm');
    expect(rows.map((r) => [r.id, r.reason])).toEqual([
      [1, null],
      [2, 'no-address'],
      [3, 'invalid-address'],
      [4, 'duplicate-address'],
      [5, null],
      [6, null],
      [7, 'invalid-address'],
      [8, null],
    ]);
    expect((await engine.counts(doc)).figures?.m).toMatchObject({ targeted: 8, excluded: 4, 'to-send': 4, 'excluded:no-consent': 0, 'excluded:denylisted': 0 });
  });
});

describe('multi-level sending', () => {
  it('sends one message per linked record, addressed from the linked record', async () => {
    const { deliveries } = await deliveryEngine();
    const rows = await deliveries(oneEmail({ sendPer: 'contacts', linkedAddressField: 'value' }), 'm');
    // People without a contact get no message; person 8's contact is no email.
    expect(rows.map((r) => [r.id, r.linked_key, r.message_id, r.address, r.reason])).toEqual([
      [1, '11', 'm:1:11', 'ann.work@x.com', null],
      [1, '12', 'm:1:12', 'ann@x.com', null],
      [2, '13', 'm:2:13', 'bob@x.com', null],
      [8, '14', 'm:8:14', 'not-an-email', 'invalid-address'],
    ]);
  });

  it('with the record’s own address, a second message to the same address is a duplicate', async () => {
    const { deliveries } = await deliveryEngine();
    const rows = await deliveries(oneEmail({ sendPer: 'contacts' }), 'm');
    expect(rows.map((r) => [r.id, r.linked_key, r.address, r.reason])).toEqual([
      [1, '11', 'ann@x.com', null],
      [1, '12', 'ann@x.com', 'duplicate-address'],
      [2, '13', null, 'no-address'],
      [8, '14', 'hal@x.com', null],
    ]);
  });

  it('says which link cannot be sent per', async () => {
    const { engine } = await deliveryEngine();
    expect((await engine.counts(oneEmail({ sendPer: 'home' }))).errors.m).toMatch(/one-to-many/);
    expect((await engine.counts(oneEmail({ sendPer: 'nothing' }))).errors.m).toMatch(/no link "nothing"/);
    expect((await engine.counts(oneEmail({ sendPer: 'contacts', linkedAddressField: 'nope' }))).errors.m).toMatch(/no field "nope"/);
  });
});

describe('capping', () => {
  const capped = (max: number) => ({ capping: { enabled: true, maxMessages: max, periodDays: 7 } });
  const twoEmails = (first: Record<string, unknown>, second: Record<string, unknown>) =>
    campaign([everyone, { ...email(first), id: 'm1' }, { ...email(second), id: 'm2' }], [['t1', 'q', 'm1'], ['t2', 'm1', 'm2']]);

  it('counts the marketing messages an earlier channel sends in the period', async () => {
    const { deliveries } = await deliveryEngine();
    // m1 sends to 1 and 8; at most one message a week, m2 is capped for them.
    const rows = await deliveries(twoEmails({}, capped(1)), 'm2');
    expect(rows.filter((r) => r.reason === null || r.reason === 'capped').map((r) => [r.id, r.reason])).toEqual([
      [1, 'capped'],
      [8, 'capped'],
    ]);
    const two = await deliveries(twoEmails({}, capped(2)), 'm2');
    expect(two.filter((r) => r.reason === null).map((r) => r.id)).toEqual([1, 8]);
  });

  it('does not count transactional messages, nor cap them', async () => {
    const { deliveries } = await deliveryEngine();
    const afterTransactional = await deliveries(twoEmails({ category: 'transactional' }, capped(1)), 'm2');
    expect(afterTransactional.filter((r) => r.reason === null).map((r) => r.id)).toEqual([1, 8]);
    const transactional = await deliveries(twoEmails({}, { ...capped(1), category: 'transactional' }), 'm2');
    expect(transactional.filter((r) => r.reason === null).map((r) => r.id)).toEqual([1, 5, 6, 8]);
  });

  it('counts this delivery’s own earlier messages to a person', async () => {
    const { deliveries } = await deliveryEngine();
    const rows = await deliveries(oneEmail({ sendPer: 'contacts', linkedAddressField: 'value', ...capped(1) }), 'm');
    expect(rows.map((r) => [r.message_id, r.reason])).toEqual([
      ['m:1:11', null],
      ['m:1:12', 'capped'],
      ['m:2:13', null],
      ['m:8:14', 'invalid-address'],
    ]);
  });
});

describe('throttling and the execution window', () => {
  const sent = (rows: PlainRow[]) => rows.filter((r) => r.reason === null || r.reason === 'window').map((r) => [r.id, r.reason, r.send_at]);

  it('spreads the sends over the hours, per hour, by record key', async () => {
    const { deliveries } = await deliveryEngine();
    // Monday 09:30: the first hour has 30 minutes left, shared by its 2 messages.
    const doc = launchedAt(oneEmail({ category: 'transactional', throttle: { enabled: true, perHour: 2 } }), '2025-06-30T09:30');
    expect(sent(await deliveries(doc, 'm'))).toEqual([
      [1, null, '2025-06-30 09:30:00'],
      [5, null, '2025-06-30 09:45:00'],
      [6, null, '2025-06-30 10:00:00'],
      [8, null, '2025-06-30 10:30:00'],
    ]);
  });

  it('sends a Friday-evening start on Monday at 09:00 with a weekday window, and the next activity starts then', async () => {
    const { engine, deliveries } = await deliveryEngine();
    const window = { enabled: true, days: ['mon', 'tue', 'wed', 'thu', 'fri'], fromHour: 9, toHour: 18 };
    const doc = launchedAt(oneEmail({ window }), '2025-06-27T19:30');
    expect(sent(await deliveries(doc, 'm'))).toEqual([
      [1, null, '2025-06-30 09:00:00'],
      [8, null, '2025-06-30 09:00:00'],
    ]);
    const step = engine.compile(doc).steps.find((s) => s.activityId === 'm')!;
    expect([step.start, step.end]).toEqual(['2025-06-27 19:30:00', '2025-06-30 09:00:00']);
  });

  it('excludes what cannot go within the validity', async () => {
    const { deliveries } = await deliveryEngine();
    const window = { enabled: true, days: ['mon', 'tue', 'wed', 'thu', 'fri'], fromHour: 9, toHour: 18 };
    // Valid 24 hours from Friday 19:30: the window does not open again before Saturday 19:30.
    const closed = launchedAt(oneEmail({ window, validityHours: 24 }), '2025-06-27T19:30');
    expect(sent(await deliveries(closed, 'm'))).toEqual([
      [1, 'window', null],
      [8, 'window', null],
    ]);
    // One hour of one message: the others do not fit.
    const full = launchedAt(oneEmail({ category: 'transactional', throttle: { enabled: true, perHour: 1 }, validityHours: 1 }), '2025-06-30T09:00');
    expect(sent(await deliveries(full, 'm'))).toEqual([
      [1, null, '2025-06-30 09:00:00'],
      [5, 'window', null],
      [6, 'window', null],
      [8, 'window', null],
    ]);
  });
});

describe('other channels', () => {
  it('SMS needs an E.164-like phone and its consent; the denylist entry for SMS applies', async () => {
    const { deliveries } = await deliveryEngine();
    const doc = campaign([everyone, { id: 's', type: 'sms', config: { text: 'x' } }], [['t', 'q', 's']]);
    const rows = await deliveries(doc, 's');
    expect(rows.map((r) => [r.id, r.reason])).toEqual([
      [1, null],
      [2, 'invalid-address'],
      [3, 'no-address'],
      [4, 'duplicate-address'],
      [5, 'no-address'],
      [6, 'no-address'],
      [7, 'no-address'],
      [8, 'denylisted'],
    ]);
  });

  it('direct mail needs every postal line and a well-formed postal code; no consent field means no consent check', async () => {
    const { deliveries } = await deliveryEngine();
    const doc = campaign([everyone, { id: 'd', type: 'direct-mail' }], [['t', 'q', 'd']]);
    const rows = await deliveries(doc, 'd');
    expect(rows.map((r) => [r.id, r.reason, r.address])).toEqual([
      [1, null, '1 Main St, 75001'],
      [2, 'invalid-address', '2 Main St'],
      [3, 'no-address', null],
      [4, 'invalid-address', '4 Main St, 7'],
      [5, 'no-address', null],
      [6, 'no-address', null],
      [7, 'no-address', null],
      [8, null, '8 Main St, 10115'],
    ]);
  });
});
