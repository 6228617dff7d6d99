import { useCallback, useEffect, useId, useMemo, useRef } from 'react';
import { DndContext, closestCenter } from '@dnd-kit/core';
import type { ConditionGroup } from '../domain/rule';
import type { DataModel } from '../domain/data-model';
import { findEntity } from '../domain/data-model';
import { validateRule, type RuleProblem } from '../domain/rule-validation';
import { labelOf } from '../domain/rule-paths';
import { GroupEditor } from './GroupEditor';
import { ModelerContext, type ModelerContextValue } from './modeler-context';
import { RuleToolbar } from './RuleToolbar';
import type { RuleServices } from './services';
import { withColumnGuard } from './column-guard';
import type { WorkingTableColumn } from '../domain/rule-columns';
import { filterDepths, type SavedFilter } from './saved-filters';
import { useRuleCalculation, type RuleCalculation } from './useRuleCalculation';
import { useRuleDnd } from './useRuleDnd';
import './query-modeler.css';

export interface QueryModelerProps {
  rule: ConditionGroup;
  /** Receives the whole new rule after each edit (one edit, one undo step). */
  onChange: (rule: ConditionGroup) => void;
  model: DataModel;
  /** Entity whose records the rule selects, e.g. `profiles`. */
  entity: string;
  /** Engine helpers (Calculate, value suggestions, results, SQL); without them, editing only. */
  services?: RuleServices;
  /** Problems to show on conditions; computed with validateRule when absent. */
  problems?: RuleProblem[];
  /** Channel activities whose results the rule may read (retargeting). */
  earlierChannels?: readonly { id: string; label: string }[];
  /** Saved filters available to apply or link. */
  savedFilters?: readonly SavedFilter[];
  /** Offer to open the rule in a large dialog (off inside that dialog). */
  allowExpand?: boolean;
  /** Accessible name of the rule, e.g. "Audience rule". */
  label?: string;
  /** Counts from another editor of the same rule (the large dialog shares the inline one's). */
  calculation?: RuleCalculation;
  /**
   * Columns of the inbound working table (an Enrichment's, a loaded file's), told from the document:
   * conditions may read them. Absent: the rule selects from the data alone (Build audience).
   * `unknown`: there are inbound records but what they carry cannot be told (something upstream
   * does not compile), so column conditions are kept as they are and not checked.
   */
  columns?: readonly WorkingTableColumn[] | 'unknown';
}

const noChannels: readonly { id: string; label: string }[] = [];
const noFilters: readonly SavedFilter[] = [];
const noColumns: readonly WorkingTableColumn[] = [];

/**
 * The query modeler: a rule as a tree of conditions, edited in place. Reusable wherever a rule is
 * edited (Build audience, Split subsets, Enrichment filters); it never throws on a rule that does
 * not make sense, it shows the problem on the condition.
 */
export function QueryModeler({ rule, onChange, model, entity, services: engineServices, problems, earlierChannels = noChannels, savedFilters = noFilters, allowExpand = true, label = 'Rule', calculation, columns }: QueryModelerProps) {
  const idPrefix = useId().replace(/:/g, '');
  const services = useMemo(() => engineServices && withColumnGuard(engineServices), [engineServices]);
  // Edits apply to the latest rule even when several arrive before the parent re-renders.
  const latest = useRef(rule);
  useEffect(() => {
    latest.current = rule;
  }, [rule]);
  const edit = useCallback(
    (fn: (r: ConditionGroup) => ConditionGroup) => {
      const next = fn(latest.current);
      if (next !== latest.current) {
        latest.current = next;
        onChange(next);
      }
    },
    [onChange],
  );
  const savedFilterIds = useMemo(() => new Set(savedFilters.map((f) => f.id)), [savedFilters]);
  // Linked filters count towards the rule's depth, as they are replaced by their rules when counted.
  const savedFilterDepth = useMemo(() => filterDepths(savedFilters), [savedFilters]);
  const shown = useMemo(() => problems ?? validateRule(rule, model, entity, { earlierChannels, ...(columns === 'unknown' ? {} : { columns: columns ?? null }), ...(savedFilters.length > 0 ? { savedFilterIds, savedFilterDepth } : {}) }), [problems, rule, model, entity, earlierChannels, savedFilters.length, savedFilterIds, savedFilterDepth, columns]);
  const problemsById = useMemo(() => {
    const map = new Map<string, RuleProblem[]>();
    for (const p of shown) map.set(p.conditionId, [...(map.get(p.conditionId) ?? []), p]);
    return map;
  }, [shown]);
  const own = useRuleCalculation(services, model, entity);
  const { counts, countOne, total } = calculation ?? own;
  const calculateWith = (calculation ?? own).calculate;
  const calculate = useCallback(() => calculateWith(latest.current), [calculateWith]);
  const ruleKey = JSON.stringify(rule);

  const dnd = useRuleDnd(rule, edit);
  const context: ModelerContextValue = useMemo(
    () => ({ model, services, edit, problemsById, counts, countOne, earlierChannels, savedFilters, idPrefix, columns: columns === undefined || columns === 'unknown' ? noColumns : columns, rootEntity: entity }),
    [model, services, edit, problemsById, counts, countOne, earlierChannels, savedFilters, idPrefix, columns, entity],
  );
  const entityDef = findEntity(model, entity);
  const entityLabel = entityDef ? labelOf(entityDef) : entity;

  return (
    <ModelerContext.Provider value={context}>
      <section className="qm" aria-label={label}>
        <RuleToolbar
          rule={rule}
          entity={entity}
          entityLabel={entityLabel}
          total={total ? { ...total, stale: total.key !== ruleKey } : undefined}
          onCalculate={calculate}
          invalid={shown.filter((p) => p.severity === 'error').length}
          allowExpand={allowExpand}
          expanded={
            <QueryModeler rule={rule} onChange={onChange} model={model} entity={entity} services={engineServices} {...(problems ? { problems } : {})} earlierChannels={earlierChannels} savedFilters={savedFilters} allowExpand={false} label={label} calculation={calculation ?? own} {...(columns ? { columns } : {})} />
          }
        />
        {rootProblems(problemsById, rule.id)}
        <DndContext sensors={dnd.sensors} collisionDetection={closestCenter} onDragEnd={dnd.onDragEnd} accessibility={{ announcements: dnd.announcements }}>
          <GroupEditor group={rule} entity={entity} />
        </DndContext>
      </section>
    </ModelerContext.Provider>
  );
}

function rootProblems(problemsById: ReadonlyMap<string, RuleProblem[]>, rootId: string) {
  const list = problemsById.get(rootId) ?? [];
  if (list.length === 0) return null;
  return (
    <ul className="qm-cond__problems qm-cond__problems--root">
      {list.map((p, i) => (
        <li key={i} className={`qm-problem qm-problem--${p.severity}`}>
          {p.message}
        </li>
      ))}
    </ul>
  );
}
