import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { FieldType } from '../../domain/data-model';
import type { AttributeCondition, CollectionCondition, Condition, ConditionGroup } from '../../domain/rule';
import { aggregateFunctions } from '../../domain/rule';
import { aggregateIncludesMissing, aggregateOperators, includesMissing, isEmptinessTest, operatorsFor } from '../../domain/rule-operators';
import { missingValueConditions } from '../../domain/rule-missing';
import { Engine } from '../engine';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import { attribute, countRules, dayOf, dayOffsets, fieldOfType, generatedData, generatedDataset, hasValue, numberPool, valueAt, type GeneratedData } from '../testing/generated-data';
import { generatedModel } from '../testing/generated-data';

/**
 * The "records without a value" switch, on generated data: for every operator, on the field, through
 * a many-to-one link and on every aggregate, keeping them adds exactly the records without a value
 * to leaving them out, and the default is what the operator documents. The records without a value
 * are counted by the conditions the query modeler counts them with (missingValueConditions).
 */

let engine: Engine;
beforeAll(async () => {
  engine = new Engine(await openNodeDuckDB());
}, 60_000);
afterAll(async () => engine.close());

const group = (combinator: 'and' | 'or', ...children: Condition[]): ConditionGroup => ({ kind: 'group', id: combinator, combinator, children });

const values = fc.record({
  text: fc.constantFrom('ann', ' BOB ', 'a'),
  tier: fc.constantFrom('gold', 'none'),
  number: fc.constantFrom(...numberPool),
  day: fc.constantFrom(...dayOffsets).map(dayOf),
  count: fc.constantFrom(0, 7, 30),
  amount: fc.constantFrom(0, 10, 15.5),
  filtered: fc.boolean(),
});
type Values = typeof values extends fc.Arbitrary<infer V> ? V : never;

function valueFor(type: FieldType, operator: AttributeCondition['operator'], v: Values): Partial<AttributeCondition> {
  switch (type) {
    case 'string':
      return { value: operator === 'in' || operator === 'not-in' ? [v.text] : v.text, ...(operator === 'between' ? { value2: 'z' } : {}) };
    case 'enum':
      return { value: operator === 'in' || operator === 'not-in' ? [v.tier] : v.tier };
    case 'integer':
      return { value: operator === 'in' || operator === 'not-in' ? [v.number] : v.number, value2: v.number + 2 };
    case 'date':
    case 'timestamp':
      if (operator === 'in-last' || operator === 'more-than-ago') return { value: v.count, unit: 'days' };
      if (operator === 'anniversary-within') return { value: v.count };
      return { value: v.day, value2: dayOf(5) };
    default:
      return {};
  }
}

/** People whose purchases (those of sales channel "web", any case, when filtered) give the aggregate no value. */
function withoutAggregate(data: GeneratedData, c: CollectionCondition): number {
  const zero = ['count', 'count-distinct', 'sum'].includes(c.aggregate!.fn);
  const lines = (id: unknown) => data.purchases.filter((p) => p.person_id === id && (c.where.children.length === 0 || String(p.channel ?? '').trim().toLowerCase().includes('web')));
  return data.people.filter((person) => {
    const mine = lines(person.id);
    return zero ? mine.length === 0 : mine.every((p) => p.amount === null);
  }).length;
}

async function checkSwitch(data: GeneratedData, v: Values) {
  await engine.loadDataset(generatedDataset(data));
  const rules: ConditionGroup[] = [];
  const checks: ((counts: number[]) => void)[] = [];
  /** Counts the condition kept, left out, as written by default, and the records without a value it is shown with. */
  const add = (what: string, kept: Condition, leftOut: Condition, byDefault: Condition, defaultKeeps: boolean, missing: readonly Condition[], expectedMissing: number) => {
    const at = rules.length;
    rules.push(group('and', kept), group('and', leftOut), group('and', byDefault), group('or', ...missing), group('and', leftOut, group('or', ...missing)), group('and', kept, group('or', ...missing)));
    checks.push((counts) => {
      const [k, l, d, m, lm, km] = counts.slice(at, at + 6);
      expect(m, `${what}: records without a value`).toBe(expectedMissing);
      expect(k! - l!, `${what}: keeping them adds them`).toBe(expectedMissing);
      expect(lm, `${what}: left out, none of them`).toBe(0);
      expect(km, `${what}: kept, all of them`).toBe(expectedMissing);
      expect(d, `${what}: default`).toBe(defaultKeeps ? k : l);
    });
  };
  for (const [type, name] of Object.entries(fieldOfType) as [Exclude<FieldType, 'decimal'>, string][]) {
    for (const path of [[name], ['account', name]]) {
      const expectedMissing = data.people.filter((p) => !hasValue(type, valueAt(data, p, path))).length;
      for (const operator of operatorsFor({ type }).filter((o) => !isEmptinessTest(o))) {
        const c = attribute(path, operator, valueFor(type, operator, v));
        const missing = missingValueConditions(generatedModel, 'people', c);
        add(`${path.join('.')} ${operator}`, { ...c, missing: 'include' }, { ...c, missing: 'exclude' }, c, includesMissing(c), missing.map((m) => m.condition), expectedMissing);
      }
    }
  }
  for (const fn of aggregateFunctions) {
    for (const { id: operator } of aggregateOperators) {
      const c: CollectionCondition = {
        kind: 'collection',
        id: 'c',
        path: ['purchases'],
        quantifier: 'aggregate',
        where: group('and', ...(v.filtered ? [attribute(['channel'], 'contains', { value: 'WEB' })] : [])),
        aggregate: { fn, ...(fn === 'count' ? {} : { field: 'amount' }), operator, value: v.amount, ...(operator === 'between' ? { value2: v.amount + 10 } : {}) },
      };
      const missing = missingValueConditions(generatedModel, 'people', c);
      const w = (choice: 'include' | 'exclude'): CollectionCondition => ({ ...c, aggregate: { ...c.aggregate!, missing: choice } });
      add(`${fn} ${operator} ${v.amount}`, w('include'), w('exclude'), c, aggregateIncludesMissing(c.aggregate!), missing.map((m) => m.condition), withoutAggregate(data, c));
    }
  }
  const counts = await countRules(engine, rules);
  for (const check of checks) check(counts);
}

describe('records without a value, kept or left out', () => {
  test('every operator, on the field, through a link and on aggregates', async () => {
    await fc.assert(
      fc.asyncProperty(generatedData, values, async (data, v) => checkSwitch(data, v)),
      { numRuns: 3, seed: 11 },
    );
  }, 300_000);
});
