import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { campaign, fixtureRows } from '../testing/fixture';
import { all, attr, audience, engineWith } from '../testing/activity-harness';
import type { Engine } from '../engine';
import type { ConditionGroup } from '../../domain/rule';
import type { ActivityTrace, RecordTrace } from './trace-types';
import { changeStep } from './trace-linked';

// The fixture (testing/fixture.ts) with a third purchase for Ann, worked out by hand:
//   purchases of profile 1 (Ann): 1 (50), 2 (20), 7 (80) · of 2 (Bob): 3 (200) · of 3 (Cid): none
//   accounts: 10 = profiles {1, 3}, 11 = {4, 6}; profile 2 has no account
//   French profiles: 1, 3, 6; opted in: 1, 3, 4, 6
const rows = { ...fixtureRows, purchases: [...fixtureRows.purchases!, { purchase_id: 7, profile_id: 1, product_id: 102, amount: 80, purchase_date: '2025-06-28' }] };

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(rows);
});
afterAll(async () => {
  await engine.close();
});

const of = (trace: RecordTrace, id: string): ActivityTrace => trace.activities.find((a) => a.activityId === id)!;
const subset = (id: string, label: string, filter: ConditionGroup) => ({ id, label, filter });
const someProfiles = audience('a', all(attr('profile_id', 'in', [1, 2, 3])));

/** Profiles 1, 2, 3 -> their purchases -> a split keeping those above 30 (no complement). */
const toPurchases = campaign(
  [
    someProfiles,
    { id: 'cd', type: 'change-dimension', config: { targetDimension: 'purchases', path: ['purchases'] } },
    { id: 's', type: 'split', config: { complement: false, subsets: [subset('big', 'Big', all(attr('amount', 'gt', 30)))] } },
    { id: 'e', type: 'end' },
  ],
  [
    ['ta', 'a', 'cd'],
    ['tc', 'cd', 's'],
    ['tb', 's', 'e', 'big'],
  ],
);

describe('across a Change dimension', () => {
  test('a profile with 3 purchases: the split says, for each one, in or out and why', async () => {
    await engine.counts(toPurchases);
    const trace = await engine.trace(toPurchases, '1');
    expect(of(trace, 'a').status).toBe('in');
    expect(of(trace, 'cd')).toMatchObject({
      status: 'in',
      outputs: ['out'],
      reason: '3 records of purchases linked to this record.',
      change: { from: 'profiles', to: 'purchases', received: 1, linked: 3, unlinked: 0, notFollowed: 0 },
    });
    const s = of(trace, 's');
    expect(s).toMatchObject({ status: 'in', outputs: ['big'], reason: '2 of the 3 linked purchases are in; 2 out: Matched no subset.' });
    expect(s.linked!.dimension).toBe('purchases');
    expect(s.linked!.records.map((r) => [r.key, r.status, r.outputs])).toEqual([
      ['1', 'in', ['big']],
      ['2', 'out', []],
      ['7', 'in', ['big']],
    ]);
    expect(s.linked!.records[1]!.rules).toEqual([
      { title: 'Subset "Big"', combinator: 'and', value: false, conditions: [{ label: 'amount is more than 30', value: false, decided: true }] },
    ]);
    expect(s.linked!.records[0]!.reason).toBe('Matched subset "Big".');
    expect(of(trace, 'e')).toMatchObject({ status: 'in' });
    expect(trace.transitions).toEqual(['ta', 'tc', 'tb']);
  });

  test('a profile with no purchase: the Change dimension leaves it out and the split says so', async () => {
    const trace = await engine.trace(toPurchases, '3');
    expect(of(trace, 'cd')).toMatchObject({ status: 'out', outputs: [], reason: 'No purchases linked to this record: left out, with no linked record.', change: { received: 1, linked: 0, unlinked: 1 } });
    expect(of(trace, 's')).toMatchObject({ status: 'not-reached', reason: 'No purchases linked to this record.', linked: { dimension: 'purchases', records: [] } });
    expect(of(trace, 'e').status).toBe('not-reached');
    expect(trace.transitions).toEqual(['ta']);
  });

  test('a profile the audience left out reaches no Change dimension', async () => {
    const trace = await engine.trace(toPurchases, '4');
    expect(of(trace, 'cd')).toMatchObject({ status: 'not-reached', reason: 'The record did not reach it.' });
    expect(of(trace, 's')).toMatchObject({ status: 'not-reached', reason: 'Not reached: the record did not reach the Change dimension before it.' });
    expect(trace.transitions).toEqual([]);
  });

  test('one linked purchase, left out: the line names it and its reason', async () => {
    const doc = campaign(
      [
        audience('a', all(attr('profile_id', 'equals', 2))),
        { id: 'cd', type: 'change-dimension', config: { targetDimension: 'purchases', path: ['purchases'] } },
        { id: 's', type: 'split', config: { complement: false, subsets: [subset('low', 'Low', all(attr('amount', 'lt', 100)))] } },
        { id: 'e', type: 'end' },
      ],
      [
        ['ta', 'a', 'cd'],
        ['tc', 'cd', 's'],
        ['tb', 's', 'e', 'low'],
      ],
    );
    await engine.counts(doc);
    const trace = await engine.trace(doc, '2');
    expect(of(trace, 's')).toMatchObject({ status: 'out', reason: 'The linked purchases record 3 is out: Matched no subset.' });
    expect(trace.transitions).toEqual(['ta', 'tc']);
  });

  test('back to profiles: the record itself is traced again, with its own rule', async () => {
    const doc = campaign(
      [
        someProfiles,
        { id: 'cd', type: 'change-dimension', config: { targetDimension: 'purchases', path: ['purchases'] } },
        { id: 's', type: 'split', config: { complement: false, subsets: [subset('big', 'Big', all(attr('amount', 'gt', 30)))] } },
        { id: 'back', type: 'change-dimension', config: { targetDimension: 'profiles', path: ['profile'] } },
        { id: 'q', type: 'split', config: { complement: false, subsets: [subset('fr', 'French', all(attr('country', 'equals', 'FR')))] } },
        { id: 'e', type: 'end' },
      ],
      [
        ['ta', 'a', 'cd'],
        ['tc', 'cd', 's'],
        ['tb', 's', 'back', 'big'],
        ['tk', 'back', 'q'],
        ['tq', 'q', 'e', 'fr'],
      ],
    );
    await engine.counts(doc);
    // Ann: purchases 1 and 7 are big, both lead back to her; she is French.
    const ann = await engine.trace(doc, '1');
    expect(of(ann, 'back')).toMatchObject({ status: 'in', reason: '1 record of profiles linked to the 2 records of purchases it received.', change: { from: 'purchases', to: 'profiles', received: 2, linked: 1, unlinked: 0 } });
    expect(of(ann, 'q')).toMatchObject({ status: 'in', outputs: ['fr'], reason: 'Matched subset "French".' });
    expect(of(ann, 'q').linked).toBeUndefined();
    expect(of(ann, 'q').rules![0]!.conditions).toEqual([{ label: 'country is FR', value: true, decided: true }]);
    expect(ann.transitions).toEqual(['ta', 'tc', 'tb', 'tk', 'tq']);
    // Bob: purchase 3 is big, back to Bob, who is not French.
    const bob = await engine.trace(doc, '2');
    expect(of(bob, 'q')).toMatchObject({ status: 'out', reason: 'Matched no subset.' });
    expect(bob.transitions).toEqual(['ta', 'tc', 'tb', 'tk']);
    // Cid has no purchase: nothing comes back.
    const cid = await engine.trace(doc, '3');
    expect(of(cid, 'back')).toMatchObject({ status: 'not-reached', reason: 'No purchases linked to this record.' });
    expect(of(cid, 'q')).toMatchObject({ status: 'not-reached', reason: 'No purchases linked to this record.' });
    expect(cid.transitions).toEqual(['ta']);
  });

  test('two Change dimensions: a person -> their account -> its people, each traced by the split', async () => {
    const doc = campaign(
      [
        someProfiles,
        { id: 'acc', type: 'change-dimension', config: { targetDimension: 'accounts', path: ['account'] } },
        { id: 'ppl', type: 'change-dimension', config: { targetDimension: 'profiles', path: ['people'] } },
        { id: 's', type: 'split', config: { complement: false, subsets: [subset('in', 'Opted in', all(attr('opt_in', 'is-true')))] } },
        { id: 'e', type: 'end' },
      ],
      [
        ['ta', 'a', 'acc'],
        ['tp', 'acc', 'ppl'],
        ['ts', 'ppl', 's'],
        ['te', 's', 'e', 'in'],
      ],
    );
    await engine.counts(doc);
    const ann = await engine.trace(doc, '1');
    expect(of(ann, 'acc')).toMatchObject({ status: 'in', reason: '1 record of accounts linked to this record.' });
    expect(of(ann, 'ppl')).toMatchObject({ status: 'in', reason: '2 records of profiles linked to the 1 record of accounts it received.', change: { from: 'accounts', to: 'profiles', linked: 2 } });
    // Ann and Cid, both of Acme and both opted in.
    expect(of(ann, 's')).toMatchObject({ status: 'in', reason: '2 of the 2 linked profiles are in.' });
    expect(of(ann, 's').linked!.records.map((r) => [r.key, r.name, r.status])).toEqual([
      ['1', 'Ann, ann@x.com', 'in'],
      ['3', 'Cid', 'in'],
    ]);
    expect(ann.transitions).toEqual(['ta', 'tp', 'ts', 'te']);
    // Bob has no account.
    const bob = await engine.trace(doc, '2');
    expect(of(bob, 'acc')).toMatchObject({ status: 'out', reason: 'No accounts linked to this record: left out, with no linked record.' });
    expect(of(bob, 'ppl')).toMatchObject({ status: 'not-reached', reason: 'No accounts linked to this record.' });
    expect(of(bob, 's')).toMatchObject({ status: 'not-reached', reason: 'No accounts linked to this record.' });
    expect(bob.transitions).toEqual(['ta']);
  });

  test('a channel on the linked records: each one its own verdict', async () => {
    const doc = campaign(
      [
        audience('a', all(attr('profile_id', 'equals', 1))),
        { id: 'acc', type: 'change-dimension', config: { targetDimension: 'accounts', path: ['account'] } },
        { id: 'ppl', type: 'change-dimension', config: { targetDimension: 'profiles', path: ['people'] } },
        { id: 'm', type: 'email', config: { subject: 's', body: 'b', emitOutbound: true } },
        { id: 'e', type: 'end' },
      ],
      [
        ['ta', 'a', 'acc'],
        ['tp', 'acc', 'ppl'],
        ['tm', 'ppl', 'm'],
        ['te', 'm', 'e'],
      ],
    );
    await engine.counts(doc);
    // Ann's account Acme has Ann (an address) and Cid (none).
    const m = of(await engine.trace(doc, '1'), 'm');
    expect(m.linked!.records.map((r) => [r.key, r.status, r.eligibility?.verdict, r.reason])).toEqual([
      ['1', 'in', 'to-send', expect.stringMatching(/^To send/)],
      ['3', 'out', 'excluded', 'Not sent: no address.'],
    ]);
    expect(m.linked!.records[0]!.eligibility!.address).toBe('ann@x.com');
    expect(m).toMatchObject({ status: 'in', reason: expect.stringMatching(/^1 of the 2 linked profiles is in; 3 \(Cid\) out: Not sent: no address/) });
    // Simulated: the message to Ann is sent and delivered; Cid's is excluded (no address).
    const simulated = of(await engine.trace(doc, '1', { simulate: true }), 'm').linked!.records;
    expect(simulated[0]!.timeline!.map((e) => e.event)).toEqual(['sent', 'delivered']);
    expect(simulated[1]!.timeline).toEqual([{ at: '2025-06-30T09:00:00', event: 'exclude', detail: 'no-address' }]);
  });

  test('a Change dimension that links more records than the trace follows says so', () => {
    const base = { activityId: 'cd', label: 'cd', type: 'change-dimension' };
    expect(changeStep(base, { from: 'profiles', to: 'purchases', received: 1, linked: 60, unlinked: 0, notFollowed: 10 }, true).reason).toBe('60 records of purchases linked to this record; the trace follows the first 20.');
    expect(changeStep(base, { from: 'purchases', to: 'products', received: 3, linked: 2, unlinked: 1, notFollowed: 0 }, false).reason).toBe('2 records of products linked to the 3 records of purchases it received; 1 with no linked record (left out).');
  });

  test('a deduplication of the linked purchases: the one it lost to, and the criterion', async () => {
    // One purchase per product, the highest amount kept: 100 -> 3 (200) over 1 (50); 101 -> 2 (20)
    // over 6 (5); 102 -> 7 (80) over 4 and 5.
    const doc = campaign(
      [
        audience('a'),
        { id: 'cd', type: 'change-dimension', config: { targetDimension: 'purchases', path: ['purchases'] } },
        { id: 'd', type: 'deduplication', config: { fields: ['product_id'], keep: 1, method: 'expression', expression: { field: 'amount', order: 'highest' }, complement: false } },
        { id: 'e', type: 'end' },
      ],
      [
        ['ta', 'a', 'cd'],
        ['tc', 'cd', 'd'],
        ['td', 'd', 'e'],
      ],
    );
    await engine.counts(doc);
    const d = of(await engine.trace(doc, '1'), 'd');
    expect(d.reason).toBe('2 of the 3 linked purchases are in; 1 out: Removed: duplicate of record 3, kept for the highest amount.');
    expect(d.linked!.records.map((r) => [r.key, r.status, r.duplicateOf ?? null])).toEqual([
      ['1', 'out', ['3']],
      ['2', 'in', null],
      ['7', 'in', null],
    ]);
    expect(d.linked!.records[0]!.criterion).toBe('the highest amount');
  });
});
