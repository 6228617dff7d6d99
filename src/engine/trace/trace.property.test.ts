import { afterAll, beforeAll, expect, test } from 'vitest';
import fc from 'fast-check';
import { campaign } from '../testing/fixture';
import { attr, engineWith, keysOf } from '../testing/activity-harness';
import type { Engine } from '../engine';
import type { Condition, ConditionGroup } from '../../domain/rule';

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith();
});
afterAll(async () => {
  await engine.close();
});

const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.constantFrom('FR', 'US', 'DE').map((c) => attr('country', 'equals', c)),
  fc.constantFrom('FR', 'US').map((c) => attr('country', 'not-equals', c)),
  fc.integer({ min: 0, max: 100 }).map((n) => attr('score', 'gt', n)),
  fc.constant(attr('opt_in', 'is-true')),
  fc.constant(attr('email', 'is-empty')),
  fc.constant<Condition>({ kind: 'collection', id: 'p', path: ['purchases'], quantifier: 'exists', where: { kind: 'group', id: 'w', combinator: 'and', children: [] } }),
  fc.constant<Condition>({ kind: 'collection', id: 'n', path: ['purchases'], quantifier: 'not-exists', where: { kind: 'group', id: 'w', combinator: 'and', children: [] } }),
  // Facts read for the traced record alone (a point lookup): aggregates that keep or leave out records without lines.
  fc.integer({ min: 0, max: 3 }).map<Condition>((n) => ({ kind: 'collection', id: 'k', path: ['purchases'], quantifier: 'aggregate', where: { kind: 'group', id: 'w', combinator: 'and', children: [] }, aggregate: { fn: 'count', operator: 'lt', value: n } })),
  fc.integer({ min: 0, max: 100 }).map<Condition>((n) => ({ kind: 'collection', id: 'v', path: ['purchases'], quantifier: 'aggregate', where: { kind: 'group', id: 'w', combinator: 'and', children: [] }, aggregate: { fn: 'avg', field: 'amount', operator: 'gte', value: n } })),
);
const rule: fc.Arbitrary<ConditionGroup> = fc.record({
  combinator: fc.constantFrom<ConditionGroup['combinator']>('and', 'or', 'except'),
  children: fc.array(condition, { minLength: 1, maxLength: 3 }),
}).map(({ combinator, children }) => ({ kind: 'group', id: 'r', combinator, children: children.map((c, i) => ({ ...c, id: `c${i}` })) }));

/**
 * A representative campaign with random rules: two audiences combined, a split with a filter and a
 * limit, a deduplication and an email. For every record, the trace must agree with the working
 * tables the counts computed: it went through a transition exactly when that transition's records
 * hold it, and a rule's value is exactly whether the audience selected it.
 */
test('the trace agrees with membership in every working table', async () => {
  await fc.assert(
    fc.asyncProperty(rule, rule, rule, fc.constantFrom<'union' | 'intersection' | 'exclusion'>('union', 'intersection', 'exclusion'), fc.integer({ min: 0, max: 3 }), async (r1, r2, filter, mode, limit) => {
      const doc = campaign(
        [
          { id: 'a', type: 'build-audience', config: { targetDimension: 'profiles', rule: r1, emitWhenEmpty: true } },
          { id: 'b', type: 'build-audience', config: { targetDimension: 'profiles', rule: r2, emitWhenEmpty: true } },
          { id: 'c', type: 'combine', config: { mode, complement: true, primaryTransitionId: 'ta' } },
          { id: 's', type: 'split', config: { complement: true, subsets: [{ id: 'x', label: 'X', filter, limit: { kind: 'count', value: limit }, order: { mode: 'random' } }, { id: 'y', label: 'Y' }] } },
          { id: 'd', type: 'deduplication', config: { fields: ['country'], keep: 1, method: 'random', complement: true } },
          { id: 'm', type: 'email', config: { subject: 's', body: 'b', emitOutbound: true } },
          { id: 'e', type: 'end' },
        ],
        [['ta', 'a', 'c'], ['tb', 'b', 'c'], ['tc', 'c', 's'], ['tr', 'c', 'e', 'complement'], ['tx', 's', 'd', 'x'], ['ty', 's', 'e', 'y'], ['tz', 's', 'e', 'complement'], ['td', 'd', 'm'], ['tdr', 'd', 'e', 'complement'], ['tm', 'm', 'e']],
      );
      const counts = await engine.counts(doc);
      const members = new Map<string, Set<number>>();
      for (const t of doc.transitions) members.set(t.id, new Set(counts.counts[t.id] === undefined ? [] : await keysOf(engine, doc, t.id)));
      for (const key of [1, 2, 3, 4, 5, 6]) {
        const trace = await engine.trace(doc, String(key));
        for (const t of doc.transitions) expect(trace.transitions.includes(t.id), `record ${key}, transition ${t.id}`).toBe(members.get(t.id)!.has(key));
        for (const [id, t] of [['a', 'ta'], ['b', 'tb']] as const) {
          const a = trace.activities.find((x) => x.activityId === id)!;
          expect(a.rules![0]!.value, `record ${key}, rule of ${id}`).toBe(members.get(t)!.has(key));
          expect(a.status).toBe(members.get(t)!.has(key) ? 'in' : 'out');
        }
        const deliveries = trace.activities.find((x) => x.activityId === 'm')!;
        if (members.get('td')!.has(key)) expect(deliveries.eligibility).toBeDefined();
        else expect(deliveries.status).toMatch(/not-reached|not-computed/);
      }
    }),
    { numRuns: 12 },
  );
}, 240_000);
