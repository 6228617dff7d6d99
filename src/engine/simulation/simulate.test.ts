import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { campaign, fixtureRows } from '../testing/fixture';
import { audience, engineWith } from '../testing/activity-harness';
import type { Engine } from '../engine';
import type { PlainRow } from '../rows';
import { uniformOf } from './draws';
import type * as ChannelCommon from '../../activities/channel-common';

vi.mock('../../activities/channel-common', async (importOriginal) => {
  const original = await importOriginal<typeof ChannelCommon>();
  const { withMinimalDeliveries } = await import('./testing/minimal-deliveries');
  return { ...original, compileChannel: withMinimalDeliveries(original.compileChannel) };
});

// Fixture profiles with an email: 1, 2, 4, 6 (3 has none, 5 an empty one). Launch 2025-07-01 09:00.
const SENT = [1, 2, 4, 6];
const LAUNCH = '2025-07-01T09:00:00';
const md5 = (text: string) => createHash('md5').update(text).digest('hex');
/** Uniform `i` of draw group `group` for message `m:<key>` of seed 7, worked out apart from the SQL. */
const u = (key: number, group: string, i: 1 | 2 | 3 | 4) => uniformOf(md5(`7|m|m:${key}|${group}`), i);

function mailCampaign(model: Record<string, unknown>, body = '<a href="https://shop.example/a">A</a>') {
  const doc = campaign([audience('q'), { id: 'm', type: 'email', config: { subject: 's', body } }], [['t1', 'q', 'm']]);
  return { ...doc, settings: { ...doc.settings, seed: 7, simulation: { launch: '2025-07-01T09:00', model } } };
}

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith();
});
afterAll(async () => {
  await engine.close();
});

const byKey = (rows: PlainRow[]) => new Map(rows.map((r) => [Number(r.profile_id), r]));

describe('message feedback', () => {
  test('a hard bounce: every sent message fails for good at once, excluded messages keep their reason', async () => {
    const doc = mailCampaign({ email: { hardBounce: 1 } });
    const fb = byKey((await engine.events(doc, 'feedback')).rows);
    expect([...fb.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    for (const k of SENT) {
      const reason = u(k, 'send', 2) < 0.5 ? 'invalid recipient' : 'recipient refused';
      expect(fb.get(k)).toMatchObject({ status: 'bounce', failure_type: 'hard', failure_reason: reason, retries: 0, sent_at: LAUNCH, status_at: LAUNCH });
    }
    for (const k of [3, 5]) expect(fb.get(k)).toMatchObject({ status: 'exclude', failure_reason: 'no-address', sent_at: null, status_at: LAUNCH });
    const figures = (await engine.counts(doc, { simulate: true })).figures!.m!;
    expect(figures).toMatchObject({ sent: 4, delivered: 0, 'hard-bounces': 4, bounces: 4, 'soft-bounces': 0, errors: 0, 'unique-opens': 0 });
  });

  test('soft bounces are retried every period: a retry that succeeds is delivered one period later', async () => {
    const doc = mailCampaign({ email: { hardBounce: 0, softBounce: 1 }, retry: { periodMinutes: 30, maxRetries: 3, retrySuccess: 1 } });
    const fb = byKey((await engine.events(doc, 'feedback')).rows);
    for (const k of SENT) {
      const ignored = u(k, 'send', 2) < 1 / 6;
      if (ignored) expect(fb.get(k)).toMatchObject({ status: 'bounce', failure_type: 'ignored', failure_reason: 'message too large', retries: 0, status_at: LAUNCH });
      else expect(fb.get(k)).toMatchObject({ status: 'delivered', failure_type: 'soft', retries: 1, sent_at: LAUNCH, status_at: '2025-07-01T09:30:00' });
    }
  });

  test('soft bounces that never succeed fail after the maximum of retries', async () => {
    const doc = mailCampaign({ email: { hardBounce: 0, softBounce: 1 }, retry: { periodMinutes: 45, maxRetries: 2, retrySuccess: 0 } });
    const fb = byKey((await engine.events(doc, 'feedback')).rows);
    const soft = SENT.filter((k) => u(k, 'send', 2) >= 1 / 6);
    expect(soft.length).toBeGreaterThan(0);
    for (const k of soft) expect(fb.get(k)).toMatchObject({ status: 'bounce', failure_type: 'soft', retries: 2, status_at: '2025-07-01T10:30:00' });
  });

  test('the number of retries is drawn: attempts until the first success, by inversion', async () => {
    const r = 0.5;
    const doc = mailCampaign({ email: { hardBounce: 0, softBounce: 1 }, retry: { periodMinutes: 10, maxRetries: 20, retrySuccess: r } });
    const fb = byKey((await engine.events(doc, 'feedback')).rows);
    for (const k of SENT.filter((key) => u(key, 'send', 2) >= 1 / 6)) {
      const attempts = Math.max(1, Math.ceil(Math.log(1 - u(k, 'send', 3)) / Math.log(1 - r)));
      expect(fb.get(k)).toMatchObject({ status: 'delivered', retries: attempts });
    }
  });
});

describe('tracking', () => {
  test('a click counts as an open: each clicker opened at or before the click, after the send, in the day', async () => {
    const doc = mailCampaign({ email: { hardBounce: 0, softBounce: 0, open: 1, click: 1, unsubscribe: 0, complaint: 0 }, modulation: { engagement: 0, fatigue: 0, poorAddress: 1 } });
    const tr = (await engine.events(doc, 'tracking')).rows;
    const opens = new Map(tr.filter((r) => r.event === 'open').map((r) => [Number(r.profile_id), String(r.at)]));
    const clicks = tr.filter((r) => r.event === 'click');
    expect([...opens.keys()].sort()).toEqual(SENT);
    expect(clicks.map((r) => Number(r.profile_id)).sort()).toEqual(SENT);
    for (const c of clicks) {
      expect(c.url).toBe('https://shop.example/a');
      const open = opens.get(Number(c.profile_id))!;
      expect(open <= String(c.at)).toBe(true);
      expect(open >= LAUNCH).toBe(true);
      for (const at of [open, String(c.at)]) expect(Number(at.slice(11, 13))).toBeGreaterThanOrEqual(7);
    }
    // The open is the delivery plus an exponential delay of 8 hours on average, moved out of the night.
    const k = SENT[0]!;
    const hours = Math.min(-Math.log(1 - u(k, 'time', 1)) * 8 * 3600, 2592000);
    const at = new Date(Date.parse(`${LAUNCH}Z`) + Math.trunc(hours) * 1000);
    const h = at.getUTCHours();
    if (h < 7) at.setUTCHours(7);
    else if (h >= 23) at.setUTCHours(24 + 7);
    expect(opens.get(k)).toBe(at.toISOString().slice(0, 19));
  });

  test('without a tracked link there are no clicks; the unsubscribe link is not a tracked click', async () => {
    const doc = mailCampaign({ email: { open: 1, click: 1 } }, '<a href="https://x.example/unsubscribe">Unsubscribe</a>');
    const tr = (await engine.events(doc, 'tracking')).rows;
    expect(tr.filter((r) => r.event === 'click')).toEqual([]);
    expect(tr.filter((r) => r.event === 'open').length).toBeGreaterThan(0);
  });
});

/** When profile `key` opens message m of the fixture campaign (open rate 1), worked out from its draws. */
function openAt(key: number): string {
  const seconds = Math.floor(Math.min(-Math.log(1 - u(key, 'time', 1)) * 8 * 3600, 2592000));
  const at = new Date(Date.parse(`${LAUNCH}Z`) + seconds * 1000);
  const h = at.getUTCHours();
  if (h < 7) at.setUTCHours(7);
  else if (h >= 23) at.setUTCHours(24 + 7);
  return at.toISOString().slice(0, 19);
}

describe('retargeting reads the simulation as of the activity’s clock', () => {
  const notOpened = { kind: 'group', id: 'g', combinator: 'and', children: [{ kind: 'delivery', id: 'd', activityId: 'm', event: 'opened', negate: true }] };
  const opened = { kind: 'group', id: 'g', combinator: 'and', children: [{ kind: 'delivery', id: 'd', activityId: 'm', event: 'opened' }] };
  function retarget(wait: { amount: number; unit: string }) {
    const base = mailCampaign({ email: { hardBounce: 0, softBounce: 0, open: 1, click: 0 }, modulation: { engagement: 0, fatigue: 0, poorAddress: 1 } });
    const doc = campaign(
      [
        audience('q'),
        { id: 'm', type: 'email', config: { subject: 's', body: 'b' } },
        { id: 'w', type: 'wait', config: { mode: 'duration', ...wait } },
        { id: 's', type: 'split', config: { subsets: [{ id: 'no', label: 'Did not open', filter: notOpened }, { id: 'yes', label: 'Opened', filter: opened }] } },
      ],
      [['t1', 'q', 'm'], ['t2', 'm', 'w'], ['t3', 'w', 's'], ['t_no', 's', 'e1', 'no'], ['t_yes', 's', 'e2', 'yes']],
    );
    return { ...doc, settings: base.settings, activities: [...doc.activities, ...campaign([{ id: 'e1', type: 'end' }, { id: 'e2', type: 'end' }], []).activities] };
  }

  test('"did not open" after a wait sees the opens of the wait, no later ones', async () => {
    const seen: number[] = [];
    for (const wait of [{ amount: 4, unit: 'hours', ms: 4 * 3600_000 }, { amount: 3, unit: 'days', ms: 3 * 86400_000 }]) {
      const clock = new Date(Date.parse(`${LAUNCH}Z`) + wait.ms).toISOString().slice(0, 19);
      const openedByThen = SENT.filter((k) => openAt(k) <= clock);
      const result = await engine.counts(retarget(wait), { simulate: true });
      expect(result.errors).toEqual({});
      expect(result.counts.t_yes).toBe(openedByThen.length);
      expect(result.counts.t_no).toBe(6 - openedByThen.length);
      seen.push(openedByThen.length);
    }
    // Profile 4 opens after 3 h 15 min, the others later the same day: the longer wait sees more.
    expect(seen).toEqual([1, 4]);
  });

  test('without a simulation the condition needs one, and the rest is counted', async () => {
    const result = await engine.counts(retarget({ amount: 1, unit: 'days' }));
    expect(result.errors.s).toBe('Conditions on message results need a simulation: press Simulate to count them.');
    expect(result.counts.t2).toBe(6);
  });
});

describe('event tables', () => {
  test('listed with their row counts, paged, and steps with records in and out and simulated times', async () => {
    const doc = mailCampaign({ email: { hardBounce: 0, softBounce: 0, open: 1, click: 0, unsubscribe: 0, complaint: 0 } });
    expect(await engine.eventTables(doc)).toEqual([
      { name: 'feedback', rows: 6 },
      { name: 'tracking', rows: 4 },
      { name: 'steps', rows: 2 },
    ]);
    const page = await engine.events(doc, 'feedback', { offset: 2, limit: 2 });
    expect(page.total).toBe(6);
    expect(page.rows.map((r) => r.message_id)).toEqual(['m:3', 'm:4']);
    const steps = await engine.events(doc, 'steps', { csv: true });
    expect(steps.rows).toEqual([
      { activity_id: 'q', label: 'q', type: 'build-audience', records_in: 0, records_out: 6, start: LAUNCH, end: LAUNCH, warnings: '' },
      { activity_id: 'm', label: 'm', type: 'email', records_in: 6, records_out: 6, start: LAUNCH, end: LAUNCH, warnings: '' },
    ]);
    expect(steps.csv).toBe(`activity_id,label,type,records_in,records_out,start,end,warnings\r\nq,q,build-audience,0,6,${LAUNCH},${LAUNCH},\r\nm,m,email,6,6,${LAUNCH},${LAUNCH},\r\n`);
  });
});

describe('retargeting accounts (B2B)', () => {
  // Accounts: 10 has people 1 and 3 (3 has no email), 11 has people 4 and 6. Everyone emailed opens within 3 days.
  const atLeast = (n: number, negate = false) => ({
    kind: 'group',
    id: 'g',
    combinator: 'and',
    children: [{ kind: 'delivery', id: 'd', activityId: 'm', event: 'opened', path: ['people'], atLeast: n, ...(negate ? { negate } : {}) }],
  });
  function accounts(n: number, negate = false) {
    const base = mailCampaign({ email: { hardBounce: 0, softBounce: 0, open: 1 }, modulation: { engagement: 0, fatigue: 0, poorAddress: 1 } });
    const doc = campaign(
      [
        audience('q'),
        { id: 'm', type: 'email', config: { subject: 's', body: 'b' } },
        { id: 'w', type: 'wait', config: { mode: 'duration', amount: 3, unit: 'days' } },
        { id: 'cd', type: 'change-dimension', config: { targetDimension: 'accounts', path: ['account'] } },
        { id: 's', type: 'split', config: { subsets: [{ id: 'hit', label: 'Engaged', filter: atLeast(n, negate) }] } },
        { id: 'e', type: 'end' },
      ],
      [['t1', 'q', 'm'], ['t2', 'm', 'w'], ['t3', 'w', 'cd'], ['t4', 'cd', 's'], ['t_hit', 's', 'e', 'hit']],
    );
    return { ...doc, settings: base.settings };
  }

  test('accounts with at least N people who opened', async () => {
    const count = async (n: number, negate = false) => {
      const result = await engine.counts(accounts(n, negate), { simulate: true });
      expect(result.errors).toEqual({});
      return result.counts.t_hit;
    };
    expect(await count(1)).toBe(2);
    expect(await count(2)).toBe(1);
    expect(await count(3)).toBe(0);
    expect(await count(2, true)).toBe(1);
  });
});

describe('modulation', () => {
  function twoEmails(modulation: Record<string, number>, effect = 1) {
    const base = mailCampaign({ email: { hardBounce: 0, softBounce: 0, open: 1 }, modulation: { engagement: 0, poorAddress: 1, ...modulation } });
    const doc = campaign(
      [audience('q'), { id: 'm', type: 'email', config: { subject: 's', body: 'b' } }, { id: 'm2', type: 'email', config: { subject: 's', body: 'b', expectedEffect: { open: effect, click: 1 } } }],
      [['t1', 'q', 'm'], ['t2', 'm', 'm2']],
    );
    return { ...doc, settings: base.settings };
  }
  const opened = async (doc: ReturnType<typeof twoEmails>) => (await engine.counts(doc, { simulate: true })).figures!;

  test('fatigue: each message received in the 7 days before multiplies engagement by 1 − fatigue', async () => {
    expect((await opened(twoEmails({ fatigue: 0 }))).m2!['unique-opens']).toBe(4);
    const tired = await opened(twoEmails({ fatigue: 1 }));
    expect(tired.m!['unique-opens']).toBe(4);
    expect(tired.m2!['unique-opens']).toBe(0);
  });

  test('the expected effect multiplies the activity’s open rate', async () => {
    const figures = await opened(twoEmails({ fatigue: 0 }, 0));
    expect(figures.m!['unique-opens']).toBe(4);
    expect(figures.m2!['unique-opens']).toBe(0);
  });

  test('role addresses are opened less (poor address quality)', async () => {
    const rows = fixtureRows.profiles!.map((r) => (r.profile_id === 1 ? { ...r, email: 'info@x.com' } : r));
    const roles = await engineWith({ ...fixtureRows, profiles: rows });
    const doc = mailCampaign({ email: { hardBounce: 0, softBounce: 0, open: 1 }, modulation: { engagement: 0, fatigue: 0, poorAddress: 0 } });
    const opens = (await roles.events(doc, 'tracking')).rows.filter((r) => r.event === 'open').map((r) => Number(r.profile_id));
    await roles.close();
    expect(opens.sort()).toEqual([2, 4, 6]);
  });
});
