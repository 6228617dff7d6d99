import fc from 'fast-check';
import type { z } from 'zod';
import { dataModelSchema, type DataModel, type FieldType } from '../../domain/data-model';
import type { AttributeCondition, Condition, ConditionGroup } from '../../domain/rule';
import type { Dataset } from '../data/dataset';
import { rowsToArrow, type Cell } from '../data/rows-to-arrow';
import type { Engine } from '../engine';
import { campaign } from './fixture';

/**
 * Generated data for property tests of the rule operators: people with a field of every type, an
 * account (many-to-one, sometimes missing or pointing nowhere) with the same fields, and purchases.
 * Values are drawn from small pools with the hostile cases (blank text, surrounding spaces, other
 * case, quotes and pattern characters, dates after today) so that generated values often collide.
 */
export const REFERENCE_DATE = '2025-06-30';

/** The field of each type, the same name on people and on their account. */
export const fieldOfType: Record<Exclude<FieldType, 'decimal'>, string> = {
  string: 'name',
  enum: 'tier',
  integer: 'score',
  date: 'created',
  timestamp: 'seen',
  boolean: 'opt_in',
};

const tiers = ['gold', 'silver', 'none'];
const fields = [
  { name: 'name', type: 'string' },
  { name: 'tier', type: 'enum', values: tiers.map((v) => ({ value: v, label: v.toUpperCase() })) },
  { name: 'score', type: 'integer' },
  { name: 'created', type: 'date' },
  { name: 'seen', type: 'timestamp' },
  { name: 'opt_in', type: 'boolean' },
] as const;

const modelInput: z.input<typeof dataModelSchema> = {
  name: 'Generated',
  referenceDate: REFERENCE_DATE,
  entities: [
    {
      name: 'people',
      primaryKey: 'id',
      fields: [{ name: 'id', type: 'integer' }, ...fields, { name: 'account_id', type: 'integer' }],
      links: [
        { name: 'account', target: 'accounts', cardinality: 'many-to-one', on: [{ from: 'account_id', to: 'id' }] },
        { name: 'purchases', target: 'purchases', cardinality: 'one-to-many', on: [{ from: 'id', to: 'person_id' }] },
      ],
    },
    { name: 'accounts', primaryKey: 'id', fields: [{ name: 'id', type: 'integer' }, ...fields] },
    {
      name: 'purchases',
      primaryKey: 'id',
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'person_id', type: 'integer' },
        { name: 'amount', type: 'decimal' },
        { name: 'channel', type: 'string' },
      ],
    },
  ],
  dimensions: [{ entity: 'people' }],
};
export const generatedModel: DataModel = dataModelSchema.parse(modelInput);

export const textPool = ['Ann', ' ann ', 'ANN', 'Bob', 'bob', '', '   ', "O'Eve", 'x%y', 'a_b', 'Anna'];
export const enumPool = ['gold', 'silver', 'none', ''];
export const numberPool = [-1, 0, 1, 2, 5];
/** Days from the reference date: some after it, some exactly N days, weeks or months before. */
export const dayOffsets = [-40, -31, -30, -29, -14, -7, -1, 0, 1, 3];

export function dayOf(offset: number): string {
  const d = new Date(`${REFERENCE_DATE}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}
const withNull = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { freq: 4, nil: null });

const fieldValues = {
  name: withNull(fc.constantFrom(...textPool)),
  tier: withNull(fc.constantFrom(...enumPool)),
  score: withNull(fc.constantFrom(...numberPool)),
  created: withNull(fc.constantFrom(...dayOffsets).map(dayOf)),
  seen: withNull(fc.tuple(fc.constantFrom(...dayOffsets), fc.constantFrom('00:00:00', '13:45:00', '23:59:00')).map(([d, t]) => `${dayOf(d)}T${t}`)),
  opt_in: withNull(fc.boolean()),
};
const recordOf = fc.record(fieldValues);

export type Row = Record<string, Cell>;
export interface GeneratedData {
  people: Row[];
  accounts: Row[];
  purchases: Row[];
}

/** Up to 14 people, 3 accounts (ids 1-3; people may point to 4, which does not exist), up to 12 purchases. */
export const generatedData: fc.Arbitrary<GeneratedData> = fc
  .record({
    people: fc.array(fc.tuple(recordOf, withNull(fc.constantFrom(1, 2, 3, 4))), { minLength: 1, maxLength: 14 }),
    accounts: fc.array(recordOf, { minLength: 3, maxLength: 3 }),
    purchases: fc.array(fc.tuple(fc.nat(16), withNull(fc.constantFrom(-5, 0, 10, 15.5)), withNull(fc.constantFrom('web', ' Web', 'shop'))), { maxLength: 12 }),
  })
  .map(({ people, accounts, purchases }) => ({
    people: people.map(([r, account], i) => ({ id: i + 1, ...r, account_id: account })),
    accounts: accounts.map((r, i) => ({ id: i + 1, ...r })),
    purchases: purchases.map(([person, amount, channel], i) => ({ id: i + 1, person_id: person, amount, channel })),
  }));

let loads = 0;
export function generatedDataset(data: GeneratedData): Dataset {
  return {
    id: `generated-${++loads}`,
    model: generatedModel,
    tables: generatedModel.entities.map((e) => ({
      entity: e.name,
      *batches() {
        yield rowsToArrow(e, data[e.name as keyof GeneratedData]);
      },
    })),
  };
}

/** Whether a value of a field of `type` is there: not missing, and for text not blank. */
export function hasValue(type: FieldType, v: Cell | undefined): boolean {
  if (v === null || v === undefined) return false;
  if (type === 'string') return String(v).trim() !== '';
  if (type === 'enum') return v !== '';
  return true;
}

/** The value a person has at `path` (a field, or account then field): null without an account. */
export function valueAt(data: GeneratedData, person: Row, path: string[]): Cell {
  if (path.length === 1) return person[path[0]!] ?? null;
  const account = data.accounts.find((a) => a.id === person.account_id);
  return account ? (account[path[1]!] ?? null) : null;
}

/** A rule of one condition. */
export function only(condition: Condition): ConditionGroup {
  return { kind: 'group', id: 'g', combinator: 'and', children: [condition] };
}

export function attribute(path: string[], operator: AttributeCondition['operator'], extra: Partial<AttributeCondition> = {}): AttributeCondition {
  return { kind: 'attribute', id: 'a', path, operator, ...extra };
}

/**
 * Counts of many rules at once on the loaded data: one Build audience per rule (emitted even when
 * empty), each to its own End, counted in one request.
 */
export async function countRules(engine: Engine, rules: ConditionGroup[]): Promise<number[]> {
  const doc = campaign(
    rules.flatMap((rule, i) => [
      { id: `q${i}`, type: 'build-audience', config: { targetDimension: 'people', rule, emitWhenEmpty: true } },
      { id: `e${i}`, type: 'end' },
    ]),
    rules.map((_, i) => [`t${i}`, `q${i}`, `e${i}`] as [string, string, string]),
  );
  const result = await engine.counts(doc);
  return rules.map((_, i) => {
    const error = result.errors[`q${i}`];
    if (error) throw new Error(`${JSON.stringify(rules[i])}: ${error}`);
    const n = result.counts[`t${i}`];
    if (typeof n !== 'number') throw new Error(`no count for ${JSON.stringify(rules[i])}`);
    return n;
  });
}
