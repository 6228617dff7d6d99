import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../engine/engine';
import { campaign, fixtureModel } from '../../engine/testing/fixture';
import { validateCampaign } from '../../domain/validate';
import type { ConditionGroup } from '../../domain/rule';
import { all, attr, audience, engineWith, keysOf, pick, rowsOf, rules } from '../../engine/testing/activity-harness';

// Fixture profiles: id country tier account
//   1 FR gold 10 | 2 US none - | 3 FR silver 10 | 4 DE gold 11 | 5 - none - | 6 FR bronze 11
const ids = (...keys: number[]) => all(attr('profile_id', 'in', keys));

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith();
}, 60_000);
afterAll(async () => engine.close());

/** A Combine of the given sets (the first is primary), with its result and complement. */
function combineDoc(config: Record<string, unknown>, sets: [string, ConditionGroup, string?][]) {
  return campaign(
    [
      ...sets.map(([id, rule, dimension]) => audience(id, rule, dimension ?? 'profiles')),
      { id: 'c', type: 'combine', config: { complement: true, primaryTransitionId: `in-${sets[0]![0]}`, ...config } },
      { id: 'e', type: 'end' },
    ],
    [...sets.map(([id]): [string, string, string] => [`in-${id}`, id, 'c']), ['out', 'c', 'e'], ['rest', 'c', 'e', 'complement']],
  );
}

async function result(doc: ReturnType<typeof campaign>): Promise<{ out: number[]; rest: number[] }> {
  const r = await engine.counts(doc);
  expect(r.errors).toEqual({});
  return { out: await keysOf(engine, doc, 'out'), rest: await keysOf(engine, doc, 'rest') };
}

describe('Combine on keys', () => {
  test('a union has an empty complement', async () => {
    expect(await result(combineDoc({ mode: 'union' }, [['fr', rules.FR], ['us', rules.US]]))).toEqual({ out: [1, 2, 3, 6], rest: [] });
  });

  test('the primary set decides the enrichment columns of the result', async () => {
    const doc = campaign(
      [
        audience('fr', rules.FR),
        { id: 'x', type: 'enrichment', config: { attributes: [{ id: 'n', path: ['name'], alias: 'who' }] } },
        audience('high', rules.HIGH),
        { id: 'c', type: 'combine', config: { mode: 'union', primaryTransitionId: 'in-x' } },
        { id: 'e', type: 'end' },
      ],
      [['t', 'fr', 'x'], ['in-x', 'x', 'c'], ['in-h', 'high', 'c'], ['out', 'c', 'e']],
    );
    await engine.counts(doc);
    // 4 comes only from the non-primary set: it has no name column value.
    expect(pick(await rowsOf(engine, doc, 'out'), 'profile_id', 'who')).toEqual([
      [1, 'Ann'],
      [3, 'Cid'],
      [4, null],
      [6, 'Fay'],
    ]);
  });

  test('sets of different dimensions are refused in a union or an intersection', async () => {
    const doc = combineDoc({ mode: 'intersection' }, [['fr', rules.FR], ['acc', all(), 'accounts']]);
    expect((await engine.counts(doc)).errors.c).toMatch(/same targeting dimension.*reconcile on columns/);
  });
});

describe('Combine exclusion rules', () => {
  const globex = all(attr('company', 'equals', 'Globex'));

  test('an excluded set of accounts removes the people of those accounts', async () => {
    const doc = combineDoc({ mode: 'exclusion', exclusionRules: [{ transitionId: 'in-acc', path: ['account'] }] }, [['opt', rules.OPT], ['acc', globex, 'accounts']]);
    expect(await result(doc)).toEqual({ out: [1, 3], rest: [4, 6] });
  });

  test('without a rule, or with links that lead elsewhere, it is an error', async () => {
    const without = combineDoc({ mode: 'exclusion' }, [['opt', rules.OPT], ['acc', globex, 'accounts']]);
    expect((await engine.counts(without)).errors.c).toMatch(/exclusion rule/);
    const wrong = combineDoc({ mode: 'exclusion', exclusionRules: [{ transitionId: 'in-acc', path: ['purchases'] }] }, [['opt', rules.OPT], ['acc', globex, 'accounts']]);
    expect((await engine.counts(wrong)).errors.c).toMatch(/lead to purchases/);
  });
});

describe('Combine reconciled on columns', () => {
  test('intersection: primary records whose country is in every other set; complement: the others', async () => {
    // {4 DE, 6 FR} and {1, 3, 6: FR}: only FR is in both -> 6; complement: 4.
    expect(await result(combineDoc({ mode: 'intersection', reconcile: 'columns', columns: ['country'] }, [['de6', ids(4, 6)], ['fr', rules.FR]]))).toEqual({
      out: [6],
      rest: [4],
    });
  });

  test('exclusion: removes primary records sharing a value; an empty value never matches', async () => {
    // Others {2 US, 4 DE, 5 empty}: removes US and DE (2, 4); 5 stays, its empty country matches nothing.
    expect(await result(combineDoc({ mode: 'exclusion', reconcile: 'columns', columns: ['country'] }, [['all', all()], ['b', ids(2, 4, 5)]]))).toEqual({
      out: [1, 3, 5, 6],
      rest: [2, 4],
    });
  });

  test('union: adds records of other sets whose values no earlier set has', async () => {
    // Primary FR tiers {gold, silver, bronze}; others {2 none, 4 gold, 5 none}: 4 is a gold already there.
    expect(await result(combineDoc({ mode: 'union', reconcile: 'columns', columns: ['tier'] }, [['fr', rules.FR], ['b', ids(2, 4, 5)]]))).toEqual({
      out: [1, 2, 3, 5, 6],
      rest: [],
    });
  });

  test('several columns must all match', async () => {
    // (country, tier): primary all; other {1 FR gold, 2 US none}: removes 1 and 2 only.
    expect(await result(combineDoc({ mode: 'exclusion', reconcile: 'columns', columns: ['country', 'tier'] }, [['all', all()], ['b', ids(1, 2)]]))).toEqual({
      out: [3, 4, 5, 6],
      rest: [1, 2],
    });
  });

  test('intersection across dimensions on values: people whose tier is an account tier name', async () => {
    // Account tiers are "enterprise" and "smb"; no profile tier matches, so nothing is kept.
    const doc = combineDoc({ mode: 'intersection', reconcile: 'columns', columns: ['tier'] }, [['all', all()], ['acc', all(), 'accounts']]);
    expect((await result(doc)).out).toEqual([]);
  });

  test('no columns chosen is an error', async () => {
    expect((await engine.counts(combineDoc({ mode: 'union', reconcile: 'columns' }, [['fr', rules.FR], ['us', rules.US]]))).errors.c).toMatch(/columns to reconcile/);
  });
});

describe('Combine: the sets that take part', () => {
  test('a union of two of three connected sets ignores the third', async () => {
    // FR {1, 3, 6} and HIGH {1, 3, 4}; US {2} is connected but not ticked.
    const doc = combineDoc({ mode: 'union', sets: ['in-fr', 'in-high'] }, [['fr', rules.FR], ['us', rules.US], ['high', rules.HIGH]]);
    expect(await result(doc)).toEqual({ out: [1, 3, 4, 6], rest: [] });
  });

  test('an exclusion removes only the ticked sets from the primary set', async () => {
    // Everyone minus FR {1, 3, 6}; HIGH {1, 3, 4} is connected but not ticked.
    const doc = combineDoc({ mode: 'exclusion', sets: ['in-all', 'in-fr'] }, [['all', all()], ['fr', rules.FR], ['high', rules.HIGH]]);
    expect(await result(doc)).toEqual({ out: [2, 4, 5], rest: [1, 3, 6] });
  });

  test('an intersection of the ticked sets; its complement is what some ticked set has and not all', async () => {
    // OPT {1, 3, 4, 6} and HIGH {1, 3, 4}: {1, 3, 4}; complement {6}. US is left out.
    const doc = combineDoc({ mode: 'intersection', sets: ['in-opt', 'in-high'] }, [['opt', rules.OPT], ['high', rules.HIGH], ['us', rules.US]]);
    expect(await result(doc)).toEqual({ out: [1, 3, 4], rest: [6] });
  });

  test('a ticked set no longer connected, or a primary set left out, is reported', async () => {
    const gone = combineDoc({ mode: 'union', sets: ['in-fr', 'in-removed'] }, [['fr', rules.FR], ['us', rules.US]]);
    expect((await engine.counts(gone)).errors.c).toMatch(/A set chosen to take part is no longer connected/);
    expect(validateCampaign(gone, fixtureModel).filter((p) => p.activityId === 'c')).toEqual([expect.objectContaining({ path: 'sets', severity: 'error', message: expect.stringMatching(/no longer connected/) })]);
    const primaryOut = combineDoc({ mode: 'exclusion', sets: ['in-us', 'in-high'] }, [['fr', rules.FR], ['us', rules.US], ['high', rules.HIGH]]);
    expect((await engine.counts(primaryOut)).errors.c).toMatch(/primary set does not take part/);
    expect(validateCampaign(primaryOut, fixtureModel).some((p) => p.activityId === 'c' && p.path === 'primaryTransitionId')).toBe(true);
  });

  test('a primary set no longer connected: the first set is used and validation warns', async () => {
    const doc = combineDoc({ mode: 'exclusion', primaryTransitionId: 'in-gone' }, [['all', all()], ['fr', rules.FR]]);
    expect(await result(doc)).toEqual({ out: [2, 4, 5], rest: [1, 3, 6] });
    expect(validateCampaign(doc, fixtureModel).filter((p) => p.activityId === 'c')).toEqual([expect.objectContaining({ severity: 'warning', path: 'primaryTransitionId' })]);
  });
});
