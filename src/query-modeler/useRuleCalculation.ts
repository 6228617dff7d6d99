import { useCallback, useState } from 'react';
import type { Condition, ConditionGroup } from '../domain/rule';
import type { DataModel } from '../domain/data-model';
import { walkPath } from '../domain/rule-paths';
import type { RuleServices } from './services';
import { useConditionCounts, type ConditionCount } from './useConditionCounts';

/** The count of the whole rule, for the rule it had when counted. */
export interface RuleTotal {
  key: string;
  state: 'loading' | 'done' | 'error';
  value?: number;
  error?: string;
}

/** Counts of a rule and of its conditions; shared by the inline editor and its large dialog. */
export interface RuleCalculation {
  total: RuleTotal | undefined;
  counts: ReadonlyMap<string, ConditionCount>;
  countOne: (condition: Condition, entity: string) => void;
  /** Counts `rule` and each of its conditions alone. */
  calculate: (rule: ConditionGroup) => void;
}

/** Every condition with the entity it is evaluated on (collection sub-conditions on theirs). */
function conditionsWithEntity(model: DataModel, group: ConditionGroup, entity: string, out: { condition: Condition; entity: string }[] = []) {
  for (const c of group.children) {
    out.push({ condition: c, entity });
    if (c.kind === 'group') conditionsWithEntity(model, c, entity, out);
    if (c.kind === 'collection') {
      const w = walkPath(model, entity, c.path, 'collection');
      if (w.ok) conditionsWithEntity(model, c.where, w.entity.name, out);
    }
  }
  return out;
}

/** Calculate: the rule's count and each condition's, asked of the engine. */
export function useRuleCalculation(services: RuleServices | undefined, model: DataModel, entity: string): RuleCalculation {
  const { counts, countOne } = useConditionCounts(services);
  const [total, setTotal] = useState<RuleTotal>();
  const calculate = useCallback(
    (rule: ConditionGroup) => {
      if (!services) return;
      const key = JSON.stringify(rule);
      setTotal({ key, state: 'loading' });
      // The rule's total first, then each condition's: the engine computes one query at a time,
      // and the total is the answer asked for; the conditions' counts follow it.
      const countConditions = () => {
        for (const { condition, entity: e } of conditionsWithEntity(model, rule, entity)) countOne(condition, e);
      };
      services.count(rule, entity).then(
        (value) => {
          setTotal((t) => (t?.key === key ? { key, state: 'done', value } : t));
          countConditions();
        },
        (e: unknown) => {
          setTotal((t) => (t?.key === key ? { key, state: 'error', error: e instanceof Error ? e.message : String(e) } : t));
          countConditions();
        },
      );
    },
    [services, entity, model, countOne],
  );
  return { total, counts, countOne, calculate };
}
