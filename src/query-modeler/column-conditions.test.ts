import { describe, expect, test } from 'vitest';
import type { AttributeCondition, ConditionGroup } from '../domain/rule';
import { validateRule } from '../domain/rule-validation';
import { columnField, COLUMNS_COUNTED_ON_CANVAS, readsColumns } from '../domain/rule-columns';
import { isNotCountedHere, withColumnGuard } from './column-guard';
import { MESSAGE_RESULTS_NEED_A_RUN, readsMessageResults } from '../domain/rule-needs-run';
import { knownColumns } from './known-columns';
import { fixtureModel } from '../engine/testing/fixture';
import { withPath } from './attribute-edits';

const col = (name: string, operator: AttributeCondition['operator'], value?: AttributeCondition['value']): AttributeCondition => ({ kind: 'attribute', id: name, source: 'column', path: [name], operator, ...(value !== undefined ? { value } : {}) });
const rule = (...children: ConditionGroup['children']): ConditionGroup => ({ kind: 'group', id: 'root', combinator: 'and', children });
const columns = [
  { name: 'spent', type: 'decimal' },
  { name: 'who', type: 'string' },
];

describe('conditions on the inbound working table columns', () => {
  test('a known column is checked like a field of its type', () => {
    expect(validateRule(rule(col('spent', 'gt', 30), col('who', 'contains', 'a')), fixtureModel, 'profiles', { columns })).toEqual([]);
    expect(validateRule(rule(col('spent', 'gt', 'lots')), fixtureModel, 'profiles', { columns })).toEqual([expect.objectContaining({ conditionId: 'spent', message: 'spent needs a number, not “lots”.' })]);
    expect(validateRule(rule(col('who', 'in-last', 3)), fixtureModel, 'profiles', { columns })[0]?.message).toMatch(/does not apply to who/);
  });

  test('a column that is gone is a problem on its condition; without inbound records, any column is one', () => {
    expect(validateRule(rule(col('score_x', 'gt', 1)), fixtureModel, 'profiles', { columns })).toEqual([expect.objectContaining({ conditionId: 'score_x', message: expect.stringMatching(/no longer have a column “score_x”/) })]);
    expect(validateRule(rule(col('spent', 'gt', 1)), fixtureModel, 'profiles', { columns: null })[0]?.message).toMatch(/Only an activity with inbound records/);
    // Unknown columns (something upstream does not compile): nothing to say yet.
    expect(validateRule(rule(col('spent', 'gt', 1)), fixtureModel, 'profiles')).toEqual([]);
  });

  test('a column inside a list condition is refused', () => {
    const inList = rule({ kind: 'collection', id: 'p', path: ['purchases'], quantifier: 'exists', where: rule(col('spent', 'gt', 1)) });
    expect(validateRule(inList, fixtureModel, 'profiles', { columns })[0]?.message).toMatch(/inside a list condition/);
  });

  test('a column typed as an enumeration or an unknown type reads as text', () => {
    expect(columnField({ name: 'segment', type: 'enum' }).type).toBe('string');
    expect(columnField({ name: 'x', type: 'BLOB' }).type).toBe('string');
    expect(columnField({ name: 'n', type: 'integer' }).type).toBe('integer');
  });

  test('moving a condition from a field to a column of the same type keeps its value; of another type starts afresh', () => {
    const onScore: AttributeCondition = { kind: 'attribute', id: 'c', path: ['score'], operator: 'gt', value: 30 };
    expect(withPath(fixtureModel, 'profiles', onScore, { path: ['spent'], source: 'column' }, [{ name: 'spent', type: 'integer' }])).toEqual({ ...onScore, path: ['spent'], source: 'column' });
    expect(withPath(fixtureModel, 'profiles', col('who', 'contains', 'a'), { path: ['score'] }, columns)).toEqual({ kind: 'attribute', id: 'who', path: ['score'], operator: 'equals' });
  });
});

describe('the rule helpers and column conditions', () => {
  const engine = {
    count: async () => 7,
    rows: async () => ({ columns: [], rows: [], total: 0 }),
    sql: async () => 'SELECT 1',
    topValues: async () => [],
  };
  const guarded = withColumnGuard(engine);

  test('a rule reading a column is explained rather than sent to the engine; others are counted', async () => {
    expect(readsColumns(rule(col('spent', 'gt', 1)))).toBe(true);
    expect(readsColumns(rule({ kind: 'group', id: 'g', combinator: 'or', children: [col('spent', 'gt', 1)] }))).toBe(true);
    expect(readsColumns(rule({ kind: 'attribute', id: 'a', path: ['score'], operator: 'gt', value: 1 }))).toBe(false);
    await expect(guarded.count(rule(col('spent', 'gt', 1)), 'profiles')).rejects.toThrow(COLUMNS_COUNTED_ON_CANVAS);
    await expect(guarded.sql(rule(col('spent', 'gt', 1)), 'profiles')).rejects.toThrow(/on the transitions/);
    expect(await guarded.count(rule({ kind: 'attribute', id: 'a', path: ['score'], operator: 'gt', value: 1 }), 'profiles')).toBe(7);
  });

  test('a rule reading message results says it needs a run, at any depth, and is not an error', async () => {
    const opened = { kind: 'delivery', id: 'd', activityId: 'mail', event: 'opened' } as const;
    expect(readsMessageResults(rule({ kind: 'group', id: 'g', combinator: 'except', children: [col('spent', 'gt', 1), opened] }))).toBe(true);
    expect(readsMessageResults(rule(col('spent', 'gt', 1)))).toBe(false);
    await expect(guarded.count(rule(opened), 'profiles')).rejects.toThrow(MESSAGE_RESULTS_NEED_A_RUN);
    await expect(guarded.rows(rule({ kind: 'group', id: 'g', combinator: 'or', children: [opened] }), 'profiles', 10)).rejects.toThrow(MESSAGE_RESULTS_NEED_A_RUN);
    expect(isNotCountedHere(MESSAGE_RESULTS_NEED_A_RUN)).toBe(true);
    expect(isNotCountedHere(COLUMNS_COUNTED_ON_CANVAS)).toBe(true);
    expect(isNotCountedHere('Binder Error: no such column')).toBe(false);
  });
});

test('forms offer the engine’s columns, then the ones only the document declares yet, each once', () => {
  expect(knownColumns([{ name: 'line', type: 'integer' }, { name: 'mail', type: 'string' }], [{ name: 'mail', type: 'string' }, { name: 'spent', type: 'decimal' }])).toEqual([
    { name: 'line', type: 'integer' },
    { name: 'mail', type: 'string' },
    { name: 'spent', type: 'decimal' },
  ]);
  expect(knownColumns([], undefined)).toEqual([]);
});
