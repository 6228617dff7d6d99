import { describe, expect, it } from 'vitest';
import { sampleDataModel as model } from '../data/sample-model';
import { findEntity } from '../../domain/data-model';
import type { ConditionGroup } from '../../domain/rule';
import { CompileError } from '../../activities/compile-types';
import { ruleSql } from './rule-sql';
import type { RuleScope } from './rule-sql';

const rule = (children: ConditionGroup['children']): ConditionGroup => ({ kind: 'group', id: 'g', combinator: 'and', children });
const optIn = rule([{ kind: 'attribute', id: 'a', path: ['email_opt_in'], operator: 'is-true' }]);
const loop = rule([{ kind: 'saved-filter', id: 's', filterId: 'loop' }]);
const filters: Record<string, { entity: string; rule: ConditionGroup }> = {
  'opt-in': { entity: 'profiles', rule: optIn },
  loop: { entity: 'profiles', rule: loop },
  accounts: { entity: 'accounts', rule: rule([]) },
};
const scope = (withLookup: boolean): RuleScope => ({
  model,
  entity: findEntity(model, 'profiles')!,
  alias: 't',
  facts: (sql) => `(${sql})`,
  referenceDate: model.referenceDate,
  table: (e) => `"ds"."${e}"`,
  aliases: { next: 0 },
  ...(withLookup ? { savedFilter: (id: string) => filters[id] } : {}),
});

describe('saved-filter conditions', () => {
  it('compile to the saved rule through the lookup', () => {
    const sql = ruleSql(rule([{ kind: 'saved-filter', id: 's', filterId: 'opt-in' }]), scope(true));
    expect(sql).toBe(ruleSql(optIn, scope(true)));
  });
  it('explain what is wrong instead of compiling', () => {
    const use = (filterId: string, s: RuleScope) => () => ruleSql(rule([{ kind: 'saved-filter', id: 's', filterId }]), s);
    expect(use('opt-in', scope(false))).toThrow(CompileError);
    expect(use('missing', scope(true))).toThrow('not available');
    expect(use('accounts', scope(true))).toThrow('cannot be used on Profiles');
    expect(use('loop', scope(true))).toThrow('refers to itself');
  });
});
