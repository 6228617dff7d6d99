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

// Fixture purchases by profile, and the product of each purchase (testing/fixture.ts).
const purchasesOf: Record<number, number[]> = { 1: [1, 2], 2: [3], 3: [], 4: [4, 5], 5: [], 6: [6] };
const productOf: Record<number, number> = { 1: 100, 2: 101, 3: 100, 4: 102, 5: 102, 6: 101 };

const purchaseCondition: fc.Arbitrary<Condition> = fc.oneof(
  fc.integer({ min: 0, max: 120 }).map((n) => attr('amount', 'gt', n)),
  fc.constantFrom(100, 101, 102).map((p) => attr('product_id', 'equals', p)),
  fc.constantFrom('FR', 'DE').map((c) => attr('profile.country', 'equals', c)),
);
const purchaseRule: fc.Arbitrary<ConditionGroup> = fc.record({
  combinator: fc.constantFrom<ConditionGroup['combinator']>('and', 'or'),
  children: fc.array(purchaseCondition, { minLength: 1, maxLength: 2 }),
}).map(({ combinator, children }) => ({ kind: 'group', id: 'pr', combinator, children: children.map((c, i) => ({ ...c, id: `p${i}` })) }));

/**
 * Across Change dimensions: profiles -> their purchases (a split with a filter and a limit, a
 * deduplication) -> back to their profile (an email), and purchases -> their product. For every
 * profile, the trace goes through a transition exactly when that transition's records hold one of
 * the records linked to it (its purchases, its own key back on profiles, the products of its
 * purchases that reached the change), and each linked purchase is in or out of an activity exactly
 * as that activity's outputs hold it.
 */
test('across Change dimensions, the trace agrees with membership in every working table', async () => {
  await fc.assert(
    fc.asyncProperty(rule, purchaseRule, fc.integer({ min: 0, max: 3 }), async (r1, filter, limit) => {
      const doc = campaign(
        [
          { id: 'a', type: 'build-audience', config: { targetDimension: 'profiles', rule: r1, emitWhenEmpty: true } },
          { id: 'cd', type: 'change-dimension', config: { targetDimension: 'purchases', path: ['purchases'] } },
          { id: 's', type: 'split', config: { complement: true, subsets: [{ id: 'x', label: 'X', filter, limit: { kind: 'count', value: limit }, order: { mode: 'random' } }, { id: 'y', label: 'Y' }] } },
          { id: 'd', type: 'deduplication', config: { fields: ['product_id'], keep: 1, method: 'random', complement: true } },
          { id: 'back', type: 'change-dimension', config: { targetDimension: 'profiles', path: ['profile'] } },
          { id: 'm', type: 'email', config: { subject: 's', body: 'b', emitOutbound: true } },
          { id: 'prod', type: 'change-dimension', config: { targetDimension: 'products', path: ['product'] } },
          { id: 'e', type: 'end' },
        ],
        [['ta', 'a', 'cd'], ['tc', 'cd', 's'], ['tx', 's', 'd', 'x'], ['ty', 's', 'prod', 'y'], ['tz', 's', 'e', 'complement'], ['td', 'd', 'back'], ['tdr', 'd', 'e', 'complement'], ['tk', 'back', 'm'], ['tm', 'm', 'e'], ['tp', 'prod', 'e']],
      );
      const counts = await engine.counts(doc);
      const keyColumn: Record<string, string> = { ta: 'profile_id', tk: 'profile_id', tm: 'profile_id', tp: 'product_id' };
      const members = new Map<string, Set<number>>();
      for (const t of doc.transitions) members.set(t.id, new Set(counts.counts[t.id] === undefined ? [] : await keysOf(engine, doc, t.id, keyColumn[t.id] ?? 'purchase_id')));
      for (const key of [1, 2, 3, 4, 5, 6]) {
        const trace = await engine.trace(doc, String(key));
        const mine = purchasesOf[key]!;
        const products = mine.filter((p) => members.get('ty')!.has(p)).map((p) => productOf[p]!);
        const linked = (t: string) => (keyColumn[t] === 'profile_id' ? [key] : t === 'tp' ? products : mine);
        for (const t of doc.transitions)
          expect(trace.transitions.includes(t.id), `record ${key}, transition ${t.id}`).toBe(linked(t.id).some((k) => members.get(t.id)!.has(k)));
        // Each linked purchase, activity by activity: in exactly when an output holds it.
        const reached = members.get('ta')!.has(key) ? mine : [];
        for (const [id, inbound, outbound] of [['s', 'tc', ['tx', 'ty', 'tz']], ['d', 'tx', ['td', 'tdr']]] as const) {
          const records = trace.activities.find((x) => x.activityId === id)!.linked?.records ?? [];
          expect(records.map((r) => Number(r.key)), `record ${key}, purchases followed into ${id}`).toEqual(reached);
          for (const r of records) {
            const k = Number(r.key);
            expect(r.status, `record ${key}, purchase ${k} at ${id}`).toBe(outbound.some((t) => members.get(t)!.has(k)) ? 'in' : members.get(inbound)!.has(k) ? 'out' : 'not-reached');
          }
        }
        const change = trace.activities.find((x) => x.activityId === 'cd')!.change;
        if (members.get('ta')!.has(key)) expect(change, `record ${key}, purchases linked`).toMatchObject({ received: 1, linked: mine.length, unlinked: mine.length === 0 ? 1 : 0 });
      }
    }),
    { numRuns: 10 },
  );
}, 240_000);
