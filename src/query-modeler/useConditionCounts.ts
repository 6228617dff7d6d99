import { useCallback, useEffect, useRef, useState } from 'react';
import type { Condition, ConditionGroup } from '../domain/rule';
import { stableStringify } from '../engine/compile/hash';
import type { RuleServices } from './services';

/** The count of one condition alone, for the rule it had when counted. */
export interface ConditionCount {
  /** What was counted (the condition without its id, and its entity); compared to tell stale counts. */
  key: string;
  state: 'loading' | 'done' | 'error';
  value?: number;
  error?: string;
}

/** Identity of what a condition selects, independent of its id. */
export function conditionKey(condition: Condition, entity: string): string {
  const strip = (c: Condition): unknown => {
    const { id: _id, ...rest } = c;
    if (c.kind === 'group') return { ...rest, children: c.children.map(strip) };
    if (c.kind === 'collection') return { ...rest, where: strip(c.where) };
    return rest;
  };
  return `${entity}:${stableStringify(strip(condition))}`;
}

/** Per-condition counts: asked one by one, kept by condition id until the next calculate. */
export function useConditionCounts(services: RuleServices | undefined) {
  const [counts, setCounts] = useState<ReadonlyMap<string, ConditionCount>>(new Map());
  const latest = useRef(counts);
  useEffect(() => {
    latest.current = counts;
  }, [counts]);

  const countOne = useCallback(
    (condition: Condition, entity: string) => {
      if (!services) return;
      const key = conditionKey(condition, entity);
      const existing = latest.current.get(condition.id);
      if (existing && existing.key === key && existing.state !== 'error') return;
      const set = (c: ConditionCount) => setCounts((m) => new Map(m).set(condition.id, c));
      set({ key, state: 'loading' });
      const rule: ConditionGroup = condition.kind === 'group' ? condition : { kind: 'group', id: 'one', combinator: 'and', children: [condition] };
      services.count(rule, entity).then(
        (value) => set({ key, state: 'done', value }),
        (e: unknown) => set({ key, state: 'error', error: e instanceof Error ? e.message : String(e) }),
      );
    },
    [services],
  );
  return { counts, countOne };
}
