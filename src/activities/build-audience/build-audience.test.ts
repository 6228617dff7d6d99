import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../engine/engine';
import { campaign } from '../../engine/testing/fixture';
import type { ConditionGroup } from '../../domain/rule';
import { all, attr, engineWith, keysOf, rules } from '../../engine/testing/activity-harness';

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith();
}, 60_000);
afterAll(async () => engine.close());

/** No fixture profile is both in France and in the United States. */
const NOBODY = all(attr('country', 'equals', 'FR'), attr('country', 'equals', 'US'));

/** Build audience `a` -> Save audience `s` (records pass on) -> End, through transitions t1 and t2. */
const chain = (config: Record<string, unknown>) =>
  campaign(
    [
      { id: 'a', type: 'build-audience', config: { targetDimension: 'profiles', ...config } },
      { id: 's', type: 'save-audience', config: { audienceName: '' } },
      { id: 'e', type: 'end' },
    ],
    [
      ['t1', 'a', 's'],
      ['t2', 's', 'e'],
    ],
  );
const ruleChain = (rule: ConditionGroup, emitWhenEmpty?: boolean) =>
  chain({ rule, ...(emitWhenEmpty === undefined ? {} : { emitWhenEmpty }) });

describe('Build audience: continue when empty', () => {
  test('an empty audience emits no transition by default: no count, and what follows does not run', async () => {
    const r = await engine.counts(ruleChain(NOBODY));
    expect(r.errors).toEqual({});
    expect(r.counts).toEqual({});
    expect(r.outputs?.a).toEqual({ out: 0 });
    expect(r.skipped).toEqual({ s: 'upstream', e: 'no-output' });
  });

  test('with the option on, the empty transition is emitted and carries 0 on to the end', async () => {
    const r = await engine.counts(ruleChain(NOBODY, true));
    expect(r.counts).toEqual({ t1: 0, t2: 0 });
    expect(r.skipped).toEqual({ e: 'no-output' });
  });

  test('an audience with records flows on either way', async () => {
    expect((await engine.counts(ruleChain(rules.FR, false))).counts).toEqual({ t1: 3, t2: 3 });
    expect((await engine.counts(ruleChain(rules.FR, true))).counts).toEqual({ t1: 3, t2: 3 });
  });

  test('the option applies to an audience read from a saved one', async () => {
    // Save an empty audience (the saver continues when empty so that Save audience runs).
    const saver = campaign(
      [
        { id: 'q', type: 'build-audience', config: { rule: NOBODY, emitWhenEmpty: true } },
        { id: 'sv', type: 'save-audience', config: { audienceName: 'Nobody' } },
        { id: 'e', type: 'end' },
      ],
      [
        ['in', 'q', 'sv'],
        ['saved', 'sv', 'e'],
      ],
    );
    expect((await engine.recordRun(saver)).result.counts).toEqual({ in: 0, saved: 0 });
    expect(engine.savedAudiences().find((a) => a.name === 'Nobody')?.count).toBe(0);
    expect((await engine.counts(chain({ source: 'audience', audienceName: 'Nobody' }))).counts).toEqual({});
    expect(
      (await engine.counts(chain({ source: 'audience', audienceName: 'Nobody', emitWhenEmpty: true })))
        .counts,
    ).toEqual({ t1: 0, t2: 0 });
  });
});

describe('Build audience from a saved audience', () => {
  test('reads the keys saved from the data in use', async () => {
    const saver = campaign(
      [
        { id: 'q', type: 'build-audience', config: { rule: rules.HIGH } },
        { id: 'sv', type: 'save-audience', config: { audienceName: 'High scores' } },
        { id: 'e', type: 'end' },
      ],
      [
        ['in', 'q', 'sv'],
        ['saved', 'sv', 'e'],
      ],
    );
    await engine.recordRun(saver);
    const reader = chain({ source: 'audience', audienceName: 'High scores' });
    expect((await engine.counts(reader)).counts).toEqual({ t1: 3, t2: 3 });
    expect(await keysOf(engine, reader, 't1')).toEqual([1, 3, 4]);
  });
});
