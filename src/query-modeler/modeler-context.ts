import { createContext, useContext } from 'react';
import type { Condition, ConditionGroup } from '../domain/rule';
import type { DataModel } from '../domain/data-model';
import type { RuleProblem } from '../domain/rule-validation';
import type { WorkingTableColumn } from '../domain/rule-columns';
import type { RuleServices } from './services';
import type { SavedFilter } from './saved-filters';
import type { ConditionCount } from './useConditionCounts';

/** What every part of one query modeler shares: the model, the edit entry point, helpers. */
export interface ModelerContextValue {
  model: DataModel;
  services: RuleServices | undefined;
  /** Applies an edit to the whole rule (one undo step). */
  edit: (fn: (rule: ConditionGroup) => ConditionGroup) => void;
  problemsById: ReadonlyMap<string, RuleProblem[]>;
  /** Counts per condition id, once calculated. */
  counts: ReadonlyMap<string, ConditionCount>;
  /** Counts one condition alone (its entity given). */
  countOne: (condition: Condition, entity: string) => void;
  earlierChannels: readonly { id: string; label: string }[];
  savedFilters: readonly SavedFilter[];
  /** Prefix for element ids, unique per modeler instance. */
  idPrefix: string;
  /** Columns of the inbound working table that conditions on the rule's own records may read. */
  columns: readonly WorkingTableColumn[];
  /** Entity of the rule's records: columns are offered on its conditions, not inside collections. */
  rootEntity: string;
}

export const ModelerContext = createContext<ModelerContextValue | null>(null);

export function useModeler(): ModelerContextValue {
  const value = useContext(ModelerContext);
  if (!value) throw new Error('useModeler outside of a QueryModeler');
  return value;
}
