import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../engine/engine';
import { campaign } from '../../engine/testing/fixture';
import type { ConditionGroup } from '../../domain/rule';
import { all, attr, audience, engineWith, keysOf, rules } from '../../engine/testing/activity-harness';

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith();
}, 60_000);
afterAll(async () => engine.close());

/** Campaign `saver` saves the records of `rule` as `name`. */
const saver = (rule: ConditionGroup, name = 'Opted in', dimension = 'profiles') => ({
  ...campaign(
    [
      audience('a', rule, dimension),
      { id: 's', type: 'save-audience', config: { audienceName: name } },
      { id: 'e', type: 'end' },
    ],
    [
      ['in', 'a', 's'],
      ['saved', 's', 'e'],
    ],
  ),
  id: 'saver',
});
/** Campaign `reader` reads the audience `name`. */
const reader = (name = 'Opted in', dimension = 'profiles') => ({
  ...campaign(
    [
      {
        id: 'r',
        type: 'build-audience',
        config: { source: 'audience', audienceName: name, targetDimension: dimension },
      },
      { id: 'e', type: 'end' },
    ],
    [['out', 'r', 'e']],
  ),
  id: 'reader',
});

describe('Save audience and Build audience from an audience', () => {
  test('reading an audience nothing saved yet is a clear error', async () => {
    expect((await engine.counts(reader('Never saved'))).errors.r).toMatch(
      /No audience named "Never saved" has been saved yet/,
    );
  });

  test('counting a campaign saves nothing: it says how many records a run would save', async () => {
    const r = await engine.counts(saver(rules.OPT));
    expect(r.counts.saved).toBe(4);
    expect(r.outputs?.s).toEqual({ out: 4 });
    expect(engine.savedAudiences()).toEqual([]);
    expect((await engine.counts(reader())).errors.r).toMatch(/No audience named "Opted in" has been saved yet/);
  });

  test('a run of the campaign saves its audience; another campaign reads it', async () => {
    const r = (await engine.recordRun(saver(rules.OPT))).result;
    expect(r.errors).toEqual({});
    expect(r.counts.saved).toBe(4);
    expect(
      engine.savedAudiences().map((a) => [a.name, a.dimension, a.count, a.campaignId, a.activityId]),
    ).toEqual([['Opted in', 'profiles', 4, 'saver', 's']]);
    expect((await engine.counts(reader())).counts.out).toBe(4);
    expect(await keysOf(engine, reader(), 'out')).toEqual([1, 3, 4, 6]);
  });

  test('each run overwrites the audience, and readers follow', async () => {
    await engine.recordRun(saver(rules.FR));
    expect((await engine.counts(reader())).counts.out).toBe(3);
    expect(await keysOf(engine, reader(), 'out')).toEqual([1, 3, 6]);
  });

  test('the same records saved again do not rewrite the audience', async () => {
    const before = engine.savedAudiences()[0]!.relation;
    await engine.recordRun(saver(all(attr('country', 'in', ['FR']))));
    expect(engine.savedAudiences()[0]!.relation).toBe(before);
  });

  test('an audience of accounts is read on the accounts dimension only', async () => {
    await engine.recordRun(saver(all(attr('company', 'equals', 'Globex')), 'Globex', 'accounts'));
    expect(await keysOf(engine, reader('Globex', 'accounts'), 'out', 'account_id')).toEqual([11]);
    expect((await engine.counts(reader('Globex', 'profiles'))).errors.r).toMatch(
      /holds accounts, not profiles/,
    );
  });

  test('an empty name saves nothing and passes the records on', async () => {
    const count = engine.savedAudiences().length;
    const r = (await engine.recordRun(saver(rules.US, '  '))).result;
    expect(r.counts.saved).toBe(1);
    expect(engine.savedAudiences()).toHaveLength(count);
  });
});
