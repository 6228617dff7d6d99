import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { campaign } from '../testing/fixture';
import { all, attr, audience, engineWith, rules } from '../testing/activity-harness';
import type { Engine } from '../engine';
import type { ActivityTrace, RecordTrace } from './trace-types';
import { decide } from './trace-record';

// Fixture profiles (testing/fixture.ts), worked out by hand:
// 1 Ann FR score 80 opt-in ann@x.com · 2 Bob US 20 no opt-in · 3 Cid FR 55 opt-in no email
// 4 Dee DE 95 opt-in · 5 O'Eve no country, no score, empty email · 6 Fay FR 40 opt-in fay@x.com

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith();
});
afterAll(async () => {
  await engine.close();
});

const of = (trace: RecordTrace, id: string): ActivityTrace => trace.activities.find((a) => a.activityId === id)!;

describe('a rule', () => {
  const doc = campaign([audience('q', all(attr('country', 'equals', 'FR'), attr('score', 'gt', 50))), { id: 'e', type: 'end' }], [['t', 'q', 'e']]);

  test('a record excluded by a condition: each condition with its value, the false one decided', async () => {
    const trace = await engine.trace(doc, '6');
    expect(trace).toMatchObject({ dimension: 'profiles', key: '6', found: true, label: 'Fay, fay@x.com', transitions: [] });
    const q = of(trace, 'q');
    expect(q.status).toBe('out');
    expect(q.rules).toEqual([
      {
        title: 'Rule',
        combinator: 'and',
        value: false,
        conditions: [
          { label: 'country is FR', value: true, decided: false },
          { label: 'score is more than 50', value: false, decided: true },
        ],
      },
    ]);
    expect(q.reason).toBe('Left out by "score is more than 50".');
    expect(of(trace, 'e').status).toBe('not-reached');
  });

  test('a selected record goes through the transition; every condition of the AND decided', async () => {
    const trace = await engine.trace(doc, '1');
    expect(of(trace, 'q')).toMatchObject({ status: 'in', outputs: ['out'] });
    expect(of(trace, 'q').rules![0]!.conditions.map((c) => [c.value, c.decided])).toEqual([[true, true], [true, true]]);
    expect(trace.transitions).toEqual(['t']);
    expect(of(trace, 'e')).toMatchObject({ status: 'in', reason: 'Reached.' });
  });

  test('a key that is not in the data, and one of the wrong type', async () => {
    const trace = await engine.trace(doc, '99');
    expect(trace.found).toBe(false);
    expect(of(trace, 'q')).toMatchObject({ status: 'not-reached', reason: 'No profiles record has this key.' });
    await expect(engine.trace(doc, 'abc')).rejects.toThrow('"abc" is not a key of profiles');
  });

  test('which condition decides: AND, OR, EXCEPT', () => {
    const labels = ['a', 'b', 'c'];
    expect(decide('and', labels, [true, false, false]).map((c) => c.decided)).toEqual([false, true, false]);
    expect(decide('or', labels, [false, true, true]).map((c) => c.decided)).toEqual([false, true, false]);
    expect(decide('or', labels, [false, false, false]).map((c) => c.decided)).toEqual([true, true, true]);
    expect(decide('except', labels, [true, false, true]).map((c) => c.decided)).toEqual([false, false, true]);
    expect(decide('except', labels, [false, true, true]).map((c) => c.decided)).toEqual([true, false, false]);
  });
});

describe('a split', () => {
  // Subset High: score > 50, 1 record by highest score: {1, 3, 4} eligible, 4 (95) kept. US: {2}. Complement: 1, 3, 5, 6.
  const doc = campaign(
    [
      audience('q'),
      {
        id: 's',
        type: 'split',
        config: {
          complement: true,
          subsets: [
            { id: 'high', label: 'High', filter: all(attr('score', 'gt', 50)), limit: { kind: 'count', value: 1 }, order: { mode: 'sort', field: 'score', direction: 'desc' } },
            { id: 'us', label: 'US', filter: rules.US },
          ],
        },
      },
      { id: 'e', type: 'end' },
    ],
    [['t', 'q', 's'], ['th', 's', 'e', 'high'], ['tu', 's', 'e', 'us'], ['tc', 's', 'e', 'complement']],
  );

  test('the subset it matched', async () => {
    const trace = await engine.trace(doc, '4');
    expect(of(trace, 's')).toMatchObject({ status: 'in', outputs: ['high'], reason: 'Matched subset "High".' });
    expect(trace.transitions).toEqual(['t', 'th']);
  });

  test('the limit that cut it', async () => {
    const trace = await engine.trace(doc, '1');
    const s = of(trace, 's');
    expect(s.outputs).toEqual(['complement']);
    expect(s.reason).toBe('Matched subset "High" but its limit (1 records) cut it: Rest.');
    expect(s.rules!.map((r) => [r.title, r.value])).toEqual([['Subset "High"', true], ['Subset "US"', false]]);
  });

  test('no subset matched', async () => {
    const trace = await engine.trace(doc, '6');
    expect(of(trace, 's').reason).toBe('Matched no subset: Rest.');
    expect(trace.transitions).toEqual(['t', 'tc']);
  });
});

describe('a deduplication', () => {
  // Duplicates by country, the highest score kept: FR {1 (80), 3 (55), 6 (40)} keeps 1; 5 has no country and is kept.
  const doc = campaign(
    [audience('q'), { id: 'd', type: 'deduplication', config: { fields: ['country'], keep: 1, method: 'expression', expression: { field: 'score', order: 'highest' }, complement: true } }, { id: 'e', type: 'end' }],
    [['t', 'q', 'd'], ['tk', 'd', 'e'], ['tr', 'd', 'e', 'complement']],
  );

  test('the record it duplicated and the criterion that kept the other', async () => {
    const trace = await engine.trace(doc, '6');
    const d = of(trace, 'd');
    expect(d).toMatchObject({ status: 'in', outputs: ['complement'], duplicateOf: ['1'], criterion: 'the highest score' });
    expect(d.reason).toBe('Removed: duplicate of record 1, kept for the highest score.');
  });

  test('a record kept', async () => {
    expect(of(await engine.trace(doc, '1'), 'd')).toMatchObject({ outputs: ['out'], reason: 'Kept: no duplicate was preferred to it.' });
    expect(of(await engine.trace(doc, '5'), 'd').outputs).toEqual(['out']);
  });
});

describe('a combine', () => {
  // FR {1, 3, 6} ∩ opt-in {1, 3, 4, 6}: 4 is held by opt-in only.
  const doc = campaign(
    [audience('fr', rules.FR), audience('opt', rules.OPT), { id: 'c', type: 'combine', config: { mode: 'intersection', complement: true, primaryTransitionId: 'a' } }, { id: 'e', type: 'end' }],
    [['a', 'fr', 'c'], ['b', 'opt', 'c'], ['o', 'c', 'e'], ['r', 'c', 'e', 'complement']],
  );

  test('which input sets held it', async () => {
    const trace = await engine.trace(doc, '4');
    const c = of(trace, 'c');
    expect(c.inputs).toEqual([
      { transitionId: 'a', from: 'fr', held: false },
      { transitionId: 'b', from: 'opt', held: true },
    ]);
    expect(c.outputs).toEqual(['complement']);
    expect(of(trace, 'fr').status).toBe('out');
    expect(trace.transitions).toEqual(['b', 'r']);
  });

  test('held by both', async () => {
    expect(of(await engine.trace(doc, '3'), 'c')).toMatchObject({ outputs: ['out'], reason: 'Kept (intersection): held by fr, opt.' });
  });
});

describe('a channel', () => {
  const doc = (() => {
    const d = campaign([audience('q'), { id: 'm', type: 'email', config: { subject: 's', body: '<a href="https://shop.example/a">A</a>' } }], [['t1', 'q', 'm']]);
    return { ...d, settings: { ...d.settings, seed: 7, simulation: { launch: '2025-07-01T09:00', model: { email: { hardBounce: 0, softBounce: 0, open: 1, click: 1 } } } } };
  })();

  test('its eligibility verdict with the reason', async () => {
    await engine.counts(doc);
    expect(of(await engine.trace(doc, '2', { simulate: false }), 'm')).toMatchObject({ status: 'out', eligibility: { verdict: 'excluded', reason: 'no-consent' } });
    expect(of(await engine.trace(doc, '3', { simulate: false }), 'm')).toMatchObject({ status: 'out', eligibility: { verdict: 'excluded', reason: 'no-address' } });
    const sent = of(await engine.trace(doc, '1', { simulate: false }), 'm');
    expect(sent).toMatchObject({ status: 'in', eligibility: { verdict: 'to-send', address: 'ann@x.com' } });
    expect(sent.timeline).toBeUndefined();
  });

  test('simulated: its events on a timeline, from the feedback and tracking tables', async () => {
    await engine.counts(doc, { simulate: true });
    const trace = await engine.trace(doc, '1');
    expect(trace.simulated).toBe(true);
    const events = of(trace, 'm').timeline!.map((e) => e.event);
    expect(events.slice(0, 2)).toEqual(['sent', 'delivered']);
    expect(events).toContain('open');
    expect(events).toContain('click');
    const click = of(trace, 'm').timeline!.find((e) => e.event === 'click')!;
    expect(click.detail).toBe('https://shop.example/a');
    const times = of(trace, 'm').timeline!.map((e) => e.at!);
    expect([...times].sort()).toEqual(times);
  });
});

describe('search', () => {
  const doc = campaign([audience('q')], []);
  test('by key, email or name, values bound as literals', async () => {
    expect(await engine.searchRecords(doc, '4')).toEqual([{ key: '4', label: 'Dee, DEE@y.org' }]);
    expect((await engine.searchRecords(doc, 'X.COM')).map((m) => m.key)).toEqual(['1', '2', '6']);
    expect((await engine.searchRecords(doc, "o'eve")).map((m) => m.key)).toEqual(['5']);
    expect(await engine.searchRecords(doc, "'; DROP TABLE x; --")).toEqual([]);
  });
});
