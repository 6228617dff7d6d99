import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sampleDataModel as model } from '../../engine/data/sample-model';
import type { AttributeCondition, Condition, ConditionGroup } from '../rule';
import { validateRule } from '../rule-validation';
import { defaultOperator, operatorLabel, operatorsFor, valueShape } from '../rule-operators';
import { attributeChoices, collectionChoices, walkPath } from '../rule-paths';

const group = (children: Condition[], combinator: ConditionGroup['combinator'] = 'and', id = 'root'): ConditionGroup => ({
  kind: 'group',
  id,
  combinator,
  children,
});
const attr = (path: string[], operator: AttributeCondition['operator'], value?: AttributeCondition['value'], extra: Partial<AttributeCondition> = {}): AttributeCondition => ({
  kind: 'attribute',
  id: 'c1',
  path,
  operator,
  ...(value === undefined ? {} : { value }),
  ...extra,
});
const messages = (rule: ConditionGroup, entity = 'profiles', options = {}) => validateRule(rule, model, entity, options).map((p) => `${p.conditionId}:${p.severity}:${p.message}`);

describe('validateRule', () => {
  it('asks for the field of a condition just added, as a warning (not set up yet), not an error', () => {
    expect(messages(group([attr([], 'equals')]))).toEqual(['c1:warning:Choose a field.']);
  });

  it('accepts an empty root rule and well-formed conditions', () => {
    expect(validateRule(group([]), model, 'profiles')).toEqual([]);
    const rule = group([
      attr(['country'], 'in', ['FR', 'DE']),
      { ...attr(['lifetime_value'], 'between', 10, { value2: 100 }), id: 'c2' },
      { ...attr(['created_date'], 'in-last', 30, { unit: 'days' }), id: 'c3' },
      { ...attr(['account', 'industry'], 'is-not-empty'), id: 'c4' },
      { ...attr(['email_opt_in'], 'is-true'), id: 'c5' },
      {
        kind: 'collection',
        id: 'c6',
        path: ['purchases'],
        quantifier: 'aggregate',
        where: group([{ ...attr(['product', 'category'], 'equals', 'electronics'), id: 'c7' }], 'and', 'w'),
        aggregate: { fn: 'sum', field: 'amount', operator: 'gte', value: 100 },
      },
    ]);
    expect(messages(rule)).toEqual([]);
  });

  it('names an operator without a value', () => {
    expect(messages(group([attr(['first_name'], 'starts-with')]))).toEqual(['c1:error:Enter some text.']);
    expect(messages(group([attr(['country'], 'in', [])]))).toEqual(['c1:error:Choose at least one value.']);
    expect(messages(group([attr(['created_date'], 'in-last')]))).toEqual(['c1:error:Enter a number of days, weeks or months.']);
  });

  it('names values of the wrong type', () => {
    expect(messages(group([attr(['engagement_score'], 'gt', 'lots')]))).toEqual(['c1:error:Engagement score needs a number, not “lots”.']);
    expect(messages(group([attr(['engagement_score'], 'gt', 2.5)]))).toEqual(['c1:error:Engagement score needs a whole number.']);
    expect(messages(group([attr(['birth_date'], 'before', '2024-02-30')]))).toEqual(['c1:error:Birth date needs a date, not “2024-02-30”.']);
    expect(messages(group([attr(['created_date'], 'in-last', -3)]))).toEqual(['c1:error:Enter a whole number, 0 or more.']);
  });

  it('takes dates of every year from 0001 to 9999, and no other', () => {
    // Date.UTC reads the years 0–99 as 1900–1999: 0050-03-01 was refused as not a date.
    for (const day of ['0001-01-01', '0050-03-01', '1899-12-31', '2039-01-01', '9999-12-31']) expect(messages(group([attr(['birth_date'], 'before', day)]))).toEqual([]);
    expect(messages(group([attr(['birth_date'], 'before', '0000-06-01')]))).toEqual(['c1:error:Birth date needs a date, not “0000-06-01”.']);
  });

  it('checks both bounds of between, and their order', () => {
    expect(messages(group([attr(['lifetime_value'], 'between', 10)]))).toEqual(['c1:error:Enter both bounds.']);
    expect(messages(group([attr(['lifetime_value'], 'between', 100, { value2: 10 })]))).toEqual(['c1:error:The first bound is after the second: swap them.']);
    expect(messages(group([attr(['birth_date'], 'between', '2000-01-01', { value2: '1990-01-01' })]))).toHaveLength(1);
  });

  it('names fields and links missing from the data model', () => {
    expect(messages(group([attr(['shoe_size'], 'equals', 42)]))).toEqual(['c1:error:Profiles have no field “shoe_size” in this data.']);
    expect(messages(group([attr(['spaceship', 'name'], 'equals', 'x')]))).toEqual(['c1:error:Profiles have no link “spaceship” in this data.']);
    expect(messages(group([attr(['purchases', 'amount'], 'gt', 1)]))[0]).toContain('is a list of records');
  });

  it('rejects enum values the field does not have', () => {
    expect(messages(group([attr(['loyalty_tier'], 'equals', 'diamond')]))).toEqual(['c1:error:“diamond” is not one of the values of Loyalty tier.']);
  });

  it('rejects operators that do not fit the type', () => {
    expect(messages(group([attr(['engagement_score'], 'contains', 'x')]))).toEqual(['c1:error:“contains” does not apply to Engagement score.']);
  });

  it('checks aggregates', () => {
    const agg = (a: object) => group([{ kind: 'collection', id: 'k', path: ['purchases'], quantifier: 'aggregate', where: group([], 'and', 'w'), aggregate: a as never }]);
    expect(messages(agg({ fn: 'sum', field: 'status', operator: 'gt', value: 1 }))).toEqual(['k:error:Status is not a number: only counts apply to it.']);
    expect(messages(agg({ fn: 'count', operator: 'gt', value: null }))).toEqual(['k:error:Enter a number to compare with.']);
    expect(messages(agg({ fn: 'count-distinct', field: 'status', operator: 'between', value: 3, value2: 1 }))).toEqual(['k:error:The lower bound is above the upper bound.']);
    expect(messages(agg({ fn: 'avg', operator: 'gt', value: 1 }))).toEqual(['k:error:Choose a field of purchases to compute on.']);
  });

  it('checks sub-conditions against the collection entity, with their path', () => {
    const rule = group([
      { kind: 'collection', id: 'k', path: ['purchases'], quantifier: 'exists', where: group([attr(['loyalty_tier'], 'is-empty')], 'and', 'w') },
    ]);
    expect(validateRule(rule, model, 'profiles')).toEqual([
      { conditionId: 'c1', severity: 'error', message: 'Purchases have no field “loyalty_tier” in this data.', path: ['children', 0, 'where', 'children', 0] },
    ]);
  });

  it('warns about empty nested groups and a lone except', () => {
    expect(messages(group([group([], 'or', 'g')]))).toEqual(['g:warning:This group is empty: add a condition or remove it.']);
    expect(messages(group([attr(['email_opt_in'], 'is-true')], 'except'))[0]).toContain('warning');
  });

  it('checks delivery conditions against earlier channel activities', () => {
    const rule = group([{ kind: 'delivery', id: 'd', activityId: 'email-2', event: 'opened' }]);
    expect(messages(rule)).toEqual([]);
    expect(messages(rule, 'profiles', { earlierChannels: [{ id: 'email-1', label: 'Welcome' }] })).toEqual([
      'd:error:This message is not sent before this activity: choose a channel activity upstream of it.',
    ]);
    expect(messages(rule, 'profiles', { earlierChannels: [{ id: 'email-2', label: 'Welcome' }] })).toEqual([]);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), (junk, entity) => {
        const problems = validateRule(junk as ConditionGroup, model, entity);
        expect(Array.isArray(problems)).toBe(true);
        const nested = validateRule(group([junk as Condition, { kind: 'group', id: 'x', combinator: 'or', children: [junk as Condition] }]), model, 'profiles');
        expect(Array.isArray(nested)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('operators and paths', () => {
  it('offers operators by type with marketer words', () => {
    expect(operatorsFor({ type: 'boolean' })).toEqual(['is-true', 'is-false', 'is-empty', 'is-not-empty']);
    expect(operatorsFor({ type: 'date' })).toContain('anniversary-within');
    expect(operatorsFor({ type: 'enum' })).not.toContain('contains');
    expect(defaultOperator({ type: 'date' })).toBe('in-last');
    expect(operatorLabel('equals', { type: 'date' })).toBe('is on');
    expect(operatorLabel('not-starts-with')).toBe('does not start with');
    expect(valueShape('between')).toBe('range');
    expect(valueShape('in-last')).toBe('period');
  });

  it('walks to-one links to attributes and lists collections', () => {
    const walked = walkPath(model, 'purchases', ['product', 'category'], 'field');
    expect(walked.ok && walked.labels).toEqual(['Product', 'Category']);
    const paths = attributeChoices(model, 'purchases').map((c) => c.path.join('.'));
    expect(paths).toContain('product.category');
    expect(paths).toContain('profile.account.industry');
    expect(paths).not.toContain('profile.account.people');
    expect(collectionChoices(model, 'profiles').map((c) => c.path.join('.'))).toEqual(
      expect.arrayContaining(['purchases', 'bookings', 'account.buying_groups']),
    );
  });
});
