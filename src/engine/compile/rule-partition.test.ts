import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { FieldType } from '../../domain/data-model';
import type { AttributeCondition, Condition, ConditionGroup } from '../../domain/rule';
import { operatorsFor, oppositeOperators } from '../../domain/rule-operators';
import { Engine } from '../engine';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import {
  attribute,
  countRules,
  dayOf,
  dayOffsets,
  fieldOfType,
  generatedData,
  generatedDataset,
  hasValue,
  numberPool,
  REFERENCE_DATE,
  valueAt,
  type GeneratedData,
} from '../testing/generated-data';

/**
 * Opposite operators partition the records that have a value: on generated data with blank and
 * spaced text, other case, dates after today and people without an account, for every pair and
 * every type, on the field itself and through a many-to-one link. Checked with counts on the same
 * engine: P and N never hold together, and P or N holds for exactly the records with a value.
 */

let engine: Engine;
beforeAll(async () => {
  engine = new Engine(await openNodeDuckDB());
}, 60_000);
afterAll(async () => engine.close());

const group = (combinator: 'and' | 'or', ...children: Condition[]): ConditionGroup => ({ kind: 'group', id: combinator, combinator, children });

/** Values a condition may compare with, drawn per run. */
const values = fc.record({
  text: fc.constantFrom('ann', 'ANN', ' bob', 'Anna', "O'Eve", 'x%y'),
  texts: fc.subarray(['ann', 'Bob', ' O\'EVE ', 'a_b'], { minLength: 1 }),
  part: fc.constantFrom('a', 'AN', 'n ', '%', '_', 'b', "'"),
  pattern: fc.constantFrom('a%', '%N', '_o_', '%', "O'%", 'A_B'),
  matchCase: fc.boolean(),
  tier: fc.constantFrom('gold', 'silver', 'none'),
  tiers: fc.subarray(['gold', 'silver', 'none'], { minLength: 1 }),
  number: fc.constantFrom(...numberPool),
  numbers: fc.subarray(numberPool, { minLength: 1 }),
  day: fc.constantFrom(...dayOffsets).map(dayOf),
  time: fc.constantFrom('', 'T13:45'),
  count: fc.constantFrom(0, 1, 4, 29, 30, 31),
  unit: fc.constantFrom('days' as const, 'weeks' as const, 'months' as const),
});
type Values = typeof values extends fc.Arbitrary<infer V> ? V : never;

/** The pairs offered for a field type, each with the value both sides compare with. */
function pairsFor(type: FieldType, v: Values): [Partial<AttributeCondition>, AttributeCondition['operator'], AttributeCondition['operator']][] {
  const offered = operatorsFor({ type });
  const extra = (pos: AttributeCondition['operator']): Partial<AttributeCondition> => {
    switch (type) {
      case 'string':
        return { matchCase: v.matchCase, value: pos === 'in' ? v.texts : pos === 'like' ? v.pattern : pos === 'equals' ? v.text : v.part };
      case 'enum':
        return { value: pos === 'in' ? v.tiers : v.tier };
      case 'integer':
        return { value: pos === 'in' ? v.numbers : v.number };
      case 'date':
      case 'timestamp':
        if (pos === 'in-last') return { value: v.count, unit: v.unit };
        return { value: type === 'timestamp' && pos !== 'equals' ? `${v.day}${v.time}` : v.day };
      default:
        return {};
    }
  };
  return oppositeOperators.filter(([p, n]) => offered.includes(p) && offered.includes(n)).map(([p, n]) => [extra(p), p, n]);
}

/** Whether the record's value can satisfy one of the pair: it has one, and for the last N / more than N ago it is not after today. */
function inDomain(type: FieldType, operator: AttributeCondition['operator'], value: unknown): boolean {
  if (operator === 'is-empty') return true;
  if (!hasValue(type, value as never)) return false;
  if (operator === 'in-last') return String(value).slice(0, 10) <= REFERENCE_DATE;
  return true;
}

async function checkPartition(data: GeneratedData, v: Values) {
  await engine.loadDataset(generatedDataset(data));
  const rules: ConditionGroup[] = [];
  const expected: { what: string; index: number; equals: number }[] = [];
  const expect0 = (what: string, rule: ConditionGroup, n: number) => {
    expected.push({ what, index: rules.length, equals: n });
    rules.push(rule);
  };
  const sums: { what: string; a: number; b: number; equals: number }[] = [];
  for (const [type, name] of Object.entries(fieldOfType) as [Exclude<FieldType, 'decimal'>, string][]) {
    for (const path of [[name], ['account', name]]) {
      for (const [extra, pos, neg] of pairsFor(type, v)) {
        const domain = data.people.filter((p) => inDomain(type, pos, valueAt(data, p, path))).length;
        const what = `${path.join('.')} ${pos} / ${neg} ${JSON.stringify(extra)}`;
        // Records without a value left out on both sides (the emptiness pair has no such choice).
        const emptiness = pos === 'is-empty';
        const p = attribute(path, pos, { ...extra, ...(emptiness ? {} : { missing: 'exclude' }) });
        const n = attribute(path, neg, { ...extra, ...(emptiness ? {} : { missing: 'exclude' }) });
        sums.push({ what, a: rules.length, b: rules.length + 1, equals: domain });
        rules.push(group('and', p), group('and', n));
        expect0(`${what}: never both`, group('and', p, n), 0);
        if (!emptiness) {
          // As written by default (the negative keeps records without a value): still one side each.
          const pd = attribute(path, pos, extra);
          const nd = attribute(path, neg, extra);
          expect0(`${what} (default): never both`, group('and', pd, nd), 0);
          const withValue = (c: Condition) => group('and', group('or', c), attribute(path, 'is-not-empty'));
          expect0(`${what} (default): one of them for each record with a value`, withValue(group('or', pd, nd)), data.people.filter((x) => hasValue(type, valueAt(data, x, path))).length - (pos === 'in-last' ? data.people.filter((x) => hasValue(type, valueAt(data, x, path)) && !inDomain(type, pos, valueAt(data, x, path))).length : 0));
        }
      }
    }
  }
  const counts = await countRules(engine, rules);
  for (const s of sums) expect(counts[s.a]! + counts[s.b]!, `${s.what}: one side each`).toBe(s.equals);
  for (const e of expected) expect(counts[e.index], e.what).toBe(e.equals);
}

describe('opposite operators partition the records with a value', () => {
  test('every pair, every type, on the field and through a link', async () => {
    await fc.assert(
      fc.asyncProperty(generatedData, values, async (data, v) => checkPartition(data, v)),
      { numRuns: 8, seed: 9 },
    );
  }, 300_000);

  test('the day exactly N days, weeks or months ago is on one side', async () => {
    // One person per day around each boundary: 30 days, 4 weeks and 1 month before 2025-06-30.
    const people = [-31, -30, -29, -28, -27, 0, 2].map((d, i) => ({ id: i + 1, name: null, tier: null, score: null, created: dayOf(d), seen: null, opt_in: null, account_id: null }));
    const data: GeneratedData = { people, accounts: [], purchases: [] };
    await engine.loadDataset(generatedDataset(data));
    const periods: [number, 'days' | 'weeks' | 'months', number][] = [
      // In the last 30 days: 2025-06-01 .. 2025-06-30 (4); 2025-05-31, 30 days ago, is more than 30 days ago.
      [30, 'days', 4],
      // In the last 4 weeks: after 2025-06-02 (2); 2025-06-02, 28 days ago, is more than 4 weeks ago.
      [4, 'weeks', 2],
      // In the last month: after 2025-05-30 (5); 2025-05-30, a month before, is more than a month ago.
      [1, 'months', 5],
    ];
    for (const [n, unit, recent] of periods) {
      const [inLast, ago] = await countRules(engine, [group('and', attribute(['created'], 'in-last', { value: n, unit })), group('and', attribute(['created'], 'more-than-ago', { value: n, unit }))]);
      // 2025-07-02 is after today: in neither.
      expect([inLast, ago], `${n} ${unit}`).toEqual([recent, 6 - recent]);
    }
  }, 60_000);
});
