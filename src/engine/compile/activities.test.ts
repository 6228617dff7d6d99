import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AttributeCondition } from '../../domain/rule';
import type { Engine } from '../engine';
import { and, fixtureEngine } from '../testing/engine-harness';
import { campaign } from '../testing/fixture';

// Sets from the fixture rows (worked out by hand):
//   FR   = country is FR      -> {1, 3, 6}
//   OPT  = opt-in is true     -> {1, 3, 4, 6}
//   HIGH = score > 50         -> {1, 3, 4}
//   US   = country is US      -> {2}

const attr = (path: string, operator: AttributeCondition['operator'], value?: AttributeCondition['value']): AttributeCondition => ({
  kind: 'attribute',
  id: path,
  path: [path],
  operator,
  ...(value !== undefined ? { value } : {}),
});
const FR = and(attr('country', 'equals', 'FR'));
const OPT = and(attr('opt_in', 'is-true'));
const HIGH = and(attr('score', 'gt', 50));
const US = and(attr('country', 'equals', 'US'));
const audience = (id: string, rule = FR, disabled = false) => ({ id, type: 'build-audience', config: { rule }, disabled });

let engine: Engine;
beforeAll(async () => {
  engine = (await fixtureEngine()).engine;
}, 60_000);
afterAll(async () => engine.close());

async function keys(doc: ReturnType<typeof campaign>, transitionId: string): Promise<number[]> {
  return (await engine.preview(doc, transitionId)).rows.map((r) => Number(r.profile_id));
}

describe('Build audience', () => {
  test('counts and rows of a rule', async () => {
    const doc = campaign([audience('a', FR), { id: 'end', type: 'end' }], [['t', 'a', 'end']]);
    expect((await engine.counts(doc)).counts).toEqual({ t: 3 });
    expect(await keys(doc, 't')).toEqual([1, 3, 6]);
  });
});

describe('Combine', () => {
  const combineDoc = (config: Record<string, unknown>, rules: [string, typeof FR][]) =>
    campaign(
      [...rules.map(([id, r]) => audience(id, r)), { id: 'c', type: 'combine', config: { complement: true, ...config } }, { id: 'e1', type: 'end' }, { id: 'e2', type: 'end' }],
      [...rules.map(([id]) => [`in-${id}`, id, 'c'] as [string, string, string]), ['out', 'c', 'e1'], ['rest', 'c', 'e2', 'complement']],
    );

  test('union of FR and HIGH', async () => {
    const doc = combineDoc({ mode: 'union' }, [['fr', FR], ['high', HIGH]]);
    const r = await engine.counts(doc);
    expect(r.counts).toMatchObject({ out: 4, rest: 0 });
    expect(await keys(doc, 'out')).toEqual([1, 3, 4, 6]);
  });

  test('intersection of FR, OPT and HIGH, with its complement', async () => {
    const doc = combineDoc({ mode: 'intersection' }, [['fr', FR], ['opt', OPT], ['high', HIGH]]);
    const r = await engine.counts(doc);
    expect(r.counts).toMatchObject({ out: 2, rest: 2, 'in-fr': 3, 'in-opt': 4, 'in-high': 3 });
    expect(await keys(doc, 'out')).toEqual([1, 3]);
    expect(await keys(doc, 'rest')).toEqual([4, 6]);
  });

  test('exclusion: OPT minus HIGH, complement = the removed records', async () => {
    const doc = combineDoc({ mode: 'exclusion', primaryTransitionId: 'in-opt' }, [['high', HIGH], ['opt', OPT]]);
    const r = await engine.counts(doc);
    expect(r.counts).toMatchObject({ out: 1, rest: 3 });
    expect(await keys(doc, 'out')).toEqual([6]);
    expect(await keys(doc, 'rest')).toEqual([1, 3, 4]);
  });

  test('exclusion of a disjoint set removes nothing', async () => {
    const doc = combineDoc({ mode: 'exclusion', primaryTransitionId: 'in-fr' }, [['fr', FR], ['us', US]]);
    expect((await engine.counts(doc)).counts).toMatchObject({ out: 3, rest: 0 });
  });

  test('sets of different dimensions are an error on the Combine only', async () => {
    const doc = campaign(
      [audience('p', FR), { id: 'acc', type: 'build-audience', config: { targetDimension: 'accounts' } }, { id: 'c', type: 'combine' }, { id: 'e', type: 'end' }],
      [['t1', 'p', 'c'], ['t2', 'acc', 'c'], ['t3', 'c', 'e']],
    );
    const r = await engine.counts(doc);
    expect(r.errors.c).toMatch(/same targeting dimension/);
    expect(r.counts).toEqual({ t1: 3, t2: 2 });
  });
});

describe('flow and channel activities pass their input through', () => {
  test('Fork copies to every branch; channels, wait and save audience keep the count', async () => {
    const doc = campaign(
      [
        audience('a', OPT),
        { id: 'f', type: 'fork', config: { branches: [{ id: 'b1', label: 'One' }, { id: 'b2', label: 'Two' }, { id: 'b3', label: 'Three' }] } },
        { id: 'mail', type: 'email' },
        { id: 'text', type: 'sms' },
        { id: 'w', type: 'wait' },
        { id: 'push', type: 'push' },
        { id: 'dm', type: 'direct-mail' },
        { id: 's', type: 'save-audience', config: { audienceName: 'x' } },
        { id: 'e', type: 'end' },
      ],
      [['in', 'a', 'f'], ['f1', 'f', 'mail', 'b1'], ['f2', 'f', 'text', 'b2'], ['f3', 'f', 'w', 'b3'], ['m', 'mail', 's'], ['w1', 'w', 'push'], ['p1', 'push', 'dm'], ['s1', 's', 'e'], ['t1', 'text', 'e']],
    );
    const r = await engine.counts(doc);
    expect(r.errors).toEqual({});
    expect(r.counts).toEqual({ in: 4, f1: 4, f2: 4, f3: 4, m: 4, w1: 4, p1: 4, s1: 4, t1: 4 });
    expect(await keys(doc, 's1')).toEqual([1, 3, 4, 6]);
  });

  test('And-join continues with the primary branch', async () => {
    const doc = campaign(
      [audience('fr', FR), audience('us', US), { id: 'j', type: 'and-join', config: { primaryTransitionId: 'b' } }, { id: 'e', type: 'end' }],
      [['a', 'fr', 'j'], ['b', 'us', 'j'], ['o', 'j', 'e']],
    );
    expect((await engine.counts(doc)).counts.o).toBe(1);
    expect(await keys(doc, 'o')).toEqual([2]);
  });

  test('And-join waits for every branch: one not emitted, and nothing continues', async () => {
    // FR {1, 3, 6} is primary; the other branch (FR and US) is empty and not emitted.
    const nobody = and(attr('country', 'equals', 'FR'), attr('country', 'equals', 'US'));
    const doc = campaign(
      [
        audience('fr', FR),
        audience('none', nobody),
        { id: 'j', type: 'and-join', config: { primaryTransitionId: 'a' } },
        { id: 'mail', type: 'email' },
        { id: 'e', type: 'end' },
      ],
      [['a', 'fr', 'j'], ['b', 'none', 'j'], ['o', 'j', 'mail'], ['m', 'mail', 'e']],
    );
    const r = await engine.counts(doc);
    expect(r.errors).toEqual({});
    expect(r.counts).toEqual({ a: 3 });
    expect(r.outputs).toEqual({ fr: { out: 3 }, none: { out: 0 } });
    expect(r.skipped).toMatchObject({ j: 'upstream', mail: 'upstream' });
    await expect(engine.preview(doc, 'o')).rejects.toThrow(/carries no records/);
    // The same branch with "Continue when empty" on carries 0: the And-join goes on with FR.
    const emitted = { ...doc, activities: doc.activities.map((x) => (x.id === 'none' ? { ...x, config: { ...x.config, emitWhenEmpty: true } } : x)) };
    expect((await engine.counts(emitted)).counts).toEqual({ a: 3, b: 0, o: 3, m: 3 });
    expect(await keys(emitted, 'o')).toEqual([1, 3, 6]);
  });
});

describe('disabled activities and failures stay on their own path', () => {
  test('a disabled activity and everything after it have no count', async () => {
    const doc = campaign(
      [audience('a', FR, true), audience('b', OPT), { id: 'f', type: 'fork', config: { branches: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }] } }, { id: 'mail', type: 'email' }, { id: 'c', type: 'combine' }, { id: 'sms', type: 'sms' }, { id: 'e', type: 'end' }],
      [['a1', 'a', 'mail'], ['m1', 'mail', 'c'], ['bf', 'b', 'f'], ['b1', 'f', 'c', 'x'], ['c1', 'c', 'e'], ['b2', 'f', 'sms', 'y'], ['s1', 'sms', 'e']],
    );
    const r = await engine.counts(doc);
    expect(r.counts).toEqual({ bf: 4, b1: 4, b2: 4, s1: 4 });
    expect(r.skipped).toMatchObject({ a: 'disabled', mail: 'upstream', c: 'upstream' });
  });

  test('a bad rule shows on its activity; the other branch still counts', async () => {
    const doc = campaign(
      [audience('bad', and(attr('nope', 'equals', 1))), audience('good', HIGH), { id: 'mail', type: 'email' }, { id: 'e', type: 'end' }],
      [['x', 'bad', 'mail'], ['y', 'good', 'e'], ['z', 'mail', 'e']],
    );
    const r = await engine.counts(doc);
    expect(r.errors).toEqual({ bad: expect.stringMatching(/no field nope/) });
    expect(r.counts).toEqual({ y: 3 });
  });

  test('a query that fails at run time is attached to its activity', async () => {
    const { engine: failing } = await fixtureEngine({ failOn: "'boom'" });
    const doc = campaign(
      [audience('bad', and(attr('name', 'equals', 'boom'))), audience('good', US), { id: 'mail', type: 'email' }, { id: 'e', type: 'end' }],
      [['x', 'bad', 'mail'], ['m', 'mail', 'e'], ['y', 'good', 'e']],
    );
    const r = await failing.counts(doc);
    expect(r.errors).toEqual({ bad: expect.stringMatching(/Simulated failure/) });
    expect(r.counts).toEqual({ y: 1 });
    expect(r.skipped.mail).toBe('upstream');
    await failing.close();
  });

  test('invalid settings are reported on the activity', async () => {
    const doc = campaign([{ id: 'f', type: 'fork', config: { branches: [] } }, audience('a'), { id: 'e', type: 'end' }], [['t', 'a', 'f'], ['u', 'f', 'e', 'x']]);
    const r = await engine.counts(doc);
    expect(r.errors.f).toMatch(/Invalid settings at branches/);
    expect(r.counts).toEqual({ t: 3 });
  });

  test('activities on a loop are reported; the rest still counts', async () => {
    const doc = campaign(
      [audience('a', US), { id: 'w1', type: 'wait' }, { id: 'w2', type: 'wait' }, { id: 'e', type: 'end' }],
      [['t', 'a', 'e'], ['l1', 'w1', 'w2'], ['l2', 'w2', 'w1']],
    );
    const r = await engine.counts(doc);
    expect(r.counts).toEqual({ t: 1 });
    expect(r.errors).toEqual({ w1: expect.stringMatching(/loop/), w2: expect.stringMatching(/loop/) });
  });
});
