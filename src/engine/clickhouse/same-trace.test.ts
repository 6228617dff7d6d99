import { afterAll, beforeAll, expect, test } from 'vitest';
import fc from 'fast-check';
import { Engine } from '../engine';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import { openChdb } from './chdb-connection';
import { campaign, fixtureDataset } from '../testing/fixture';
import { attr } from '../testing/activity-harness';
import { withoutTimings } from '../testing/comparable';
import type { Condition, ConditionGroup } from '../../domain/rule';

/**
 * The trace of a record is the same on DuckDB and on ClickHouse: random campaigns over the fixture
 * (rules, a split with a limit, a deduplication, a simulated email), every record traced on both
 * engines, and the traces compared whole (membership, each condition's value, the reasons, the
 * channel's verdict and timeline), records followed across Change dimensions, and the search of
 * records with hostile texts.
 */

let duck: Engine;
let click: Engine;
beforeAll(async () => {
  [duck, click] = [new Engine(await openNodeDuckDB()), new Engine(await openChdb())];
  await duck.loadDataset(fixtureDataset());
  await click.loadDataset(fixtureDataset());
}, 120_000);
afterAll(async () => Promise.all([duck.close(), click.close()]));

const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.constantFrom('FR', 'US', 'DE').map((c) => attr('country', 'equals', c)),
  fc.integer({ min: 0, max: 100 }).map((n) => attr('score', 'gt', n)),
  fc.constant(attr('opt_in', 'is-true')),
  fc.constant(attr('email', 'is-empty')),
  // Texts with a quote and a backslash: escaped differently by each engine, compared alike.
  fc.constantFrom('x.com', "o'", 'a\\b', 'Y.ORG').map((t) => attr('email', 'contains', t)),
  fc.constant<Condition>({ kind: 'collection', id: 'p', path: ['purchases'], quantifier: 'exists', where: { kind: 'group', id: 'w', combinator: 'and', children: [] } }),
  fc.integer({ min: 0, max: 100 }).map<Condition>((n) => ({ kind: 'collection', id: 'v', path: ['purchases'], quantifier: 'aggregate', where: { kind: 'group', id: 'w', combinator: 'and', children: [] }, aggregate: { fn: 'sum', field: 'amount', operator: 'gte', value: n } })),
);
const rule: fc.Arbitrary<ConditionGroup> = fc
  .record({ combinator: fc.constantFrom<ConditionGroup['combinator']>('and', 'or', 'except'), children: fc.array(condition, { minLength: 1, maxLength: 3 }) })
  .map(({ combinator, children }) => ({ kind: 'group', id: 'r', combinator, children: children.map((c, i) => ({ ...c, id: `c${i}` })) }));
const dedupMethod = fc.constantFrom(
  { method: 'random' },
  { method: 'expression', expression: { field: 'score', order: 'highest' } },
  { method: 'non-empty', nonEmptyField: 'email' },
);

test('random records traced on DuckDB and on ClickHouse give identical traces', async () => {
  await fc.assert(
    fc.asyncProperty(rule, rule, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 999 }), dedupMethod, fc.boolean(), async (r1, filter, limit, seed, dedup, simulate) => {
      const base = campaign(
        [
          { id: 'a', type: 'build-audience', config: { targetDimension: 'profiles', rule: r1, emitWhenEmpty: true } },
          { id: 's', type: 'split', config: { complement: true, subsets: [{ id: 'x', label: 'X', filter, limit: { kind: 'count', value: limit }, order: { mode: 'random' } }] } },
          { id: 'd', type: 'deduplication', config: { fields: ['country'], keep: 1, complement: true, ...dedup } },
          { id: 'm', type: 'email', config: { subject: 's', body: '<a href="https://shop.example/a">A</a>', emitOutbound: true } },
          { id: 'e', type: 'end' },
        ],
        [['ta', 'a', 's'], ['tx', 's', 'd', 'x'], ['tc', 's', 'e', 'complement'], ['td', 'd', 'm'], ['tr', 'd', 'e', 'complement'], ['tm', 'm', 'e']],
      );
      const doc = { ...base, settings: { ...base.settings, seed, simulation: { launch: '2025-07-01T09:00', model: { email: { hardBounce: 0.2, softBounce: 0.1, open: 0.7, click: 0.5 } } } } };
      for (const key of ['1', '2', '3', '4', '5', '6', '99']) {
        const d = withoutTimings(await duck.trace(doc, key, { simulate }));
        expect(withoutTimings(await click.trace(doc, key, { simulate })), `record ${key}`).toEqual(d);
      }
    }),
    { numRuns: 10 },
  );
}, 300_000);

test('a simulated channel: the same verdict, send time and timeline on both engines', async () => {
  const base = campaign([{ id: 'q', type: 'build-audience', config: { targetDimension: 'profiles', rule: { kind: 'group', id: 'g', combinator: 'and', children: [] } } }, { id: 'm', type: 'email', config: { subject: 's', body: '<a href="https://shop.example/a">A</a>' } }], [['t1', 'q', 'm']]);
  const doc = { ...base, settings: { ...base.settings, seed: 7, simulation: { launch: '2025-07-01T09:00', model: { email: { hardBounce: 0, softBounce: 0, open: 1, click: 1 } } } } };
  const d = await duck.trace(doc, '1', { simulate: true });
  const m = d.activities.find((a) => a.activityId === 'm')!;
  // Worked out by hand: the launch time, and a record with every event.
  expect(m.eligibility).toMatchObject({ verdict: 'to-send', address: 'ann@x.com', sendAt: '2025-07-01T09:00:00' });
  expect(m.timeline!.map((e) => e.event)).toEqual(expect.arrayContaining(['sent', 'delivered', 'open', 'click']));
  expect(withoutTimings(await click.trace(doc, '1', { simulate: true }))).toEqual(withoutTimings(d));
});

test('across Change dimensions (there and back, and a chain ending in an email): the same linked records and verdicts on both engines', async () => {
  const split = (id: string, label: string, filter: ConditionGroup) => ({ id: `${id}-s`, type: 'split', config: { complement: true, subsets: [{ id, label, filter }] } });
  const group = (...children: Condition[]): ConditionGroup => ({ kind: 'group', id: 'g', combinator: 'and', children: children.map((c, i) => ({ ...c, id: `c${i}` })) });
  const toPurchasesAndBack = campaign(
    [
      { id: 'a', type: 'build-audience', config: { targetDimension: 'profiles', rule: group() } },
      { id: 'cd', type: 'change-dimension', config: { targetDimension: 'purchases', path: ['purchases'] } },
      split('big', 'Big', group(attr('amount', 'gt', 30))),
      { id: 'back', type: 'change-dimension', config: { targetDimension: 'profiles', path: ['profile'] } },
      split('fr', 'French', group(attr('country', 'equals', 'FR'))),
      { id: 'e', type: 'end' },
    ],
    [['ta', 'a', 'cd'], ['tc', 'cd', 'big-s'], ['tb', 'big-s', 'back', 'big'], ['tr', 'big-s', 'e', 'complement'], ['tk', 'back', 'fr-s'], ['tf', 'fr-s', 'e', 'fr'], ['to', 'fr-s', 'e', 'complement']],
  );
  const chainToEmail = campaign(
    [
      { id: 'a', type: 'build-audience', config: { targetDimension: 'profiles', rule: group(attr('country', 'equals', 'FR')) } },
      { id: 'acc', type: 'change-dimension', config: { targetDimension: 'accounts', path: ['account'] } },
      { id: 'ppl', type: 'change-dimension', config: { targetDimension: 'profiles', path: ['people'] } },
      { id: 'm', type: 'email', config: { subject: 's', body: '<a href="https://shop.example/a">A</a>', emitOutbound: true } },
      { id: 'e', type: 'end' },
    ],
    [['ta', 'a', 'acc'], ['tp', 'acc', 'ppl'], ['tm', 'ppl', 'm'], ['te', 'm', 'e']],
  );
  const simulated = { ...chainToEmail, settings: { ...chainToEmail.settings, seed: 11, simulation: { launch: '2025-07-01T09:00', model: { email: { hardBounce: 0.2, softBounce: 0.1, open: 0.7, click: 0.5 } } } } };
  let followed = 0;
  for (const [doc, simulate] of [[toPurchasesAndBack, false], [simulated, true]] as const) {
    for (const key of ['1', '2', '3', '4', '5', '6']) {
      const d = withoutTimings(await duck.trace(doc, key, { simulate }));
      expect(withoutTimings(await click.trace(doc, key, { simulate })), `${doc.activities[1]!.id}: record ${key}`).toEqual(d);
      followed += d.activities.reduce((n, a) => n + (a.linked?.records.length ?? 0), 0);
    }
  }
  // Not vacuous: linked records were followed on both campaigns.
  expect(followed).toBeGreaterThan(10);
}, 120_000);

test('the search of records answers the same on both engines, texts bound as literals', async () => {
  const doc = campaign([{ id: 'q', type: 'build-audience', config: { targetDimension: 'profiles', rule: { kind: 'group', id: 'g', combinator: 'and', children: [] } } }], []);
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.constantFrom('4', 'X.COM', "o'eve", 'a\\', '\\', '%', '_', "'; DROP TABLE x; --", 'dee'), fc.string({ maxLength: 4 })), async (text) => {
      expect(await click.searchRecords(doc, text), JSON.stringify(text)).toEqual(await duck.searchRecords(doc, text));
    }),
    { numRuns: 40 },
  );
  expect((await click.searchRecords(doc, 'X.COM')).map((m) => m.key)).toEqual(['1', '2', '6']);
});
