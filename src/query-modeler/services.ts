import type { ConditionGroup } from '../domain/rule';

/** One of the most frequent values of a field, with how many records have it. */
export interface TopValue {
  value: string | number | boolean | null;
  count: number;
  /** Share of the records, 0-100. */
  percent: number;
}

/** The first rows of what a rule selects. */
export interface RuleRows {
  columns: { name: string; type: string }[];
  rows: Record<string, unknown>[];
  /** Records the rule selects in all. */
  total: number;
}

/**
 * What the query modeler asks of the engine. Absent services turn the helpers (Calculate, value
 * suggestions, View results, Code view) off; the editing itself never needs the engine.
 */
export interface RuleServices {
  /** Exact number of records of `entity` that satisfy `rule`. */
  count(rule: ConditionGroup, entity: string, signal?: AbortSignal): Promise<number>;
  /** The 20 most frequent values of the field at `path` (links then field) from `entity`. */
  topValues(entity: string, path: string[], signal?: AbortSignal): Promise<TopValue[]>;
  /** The first `limit` records that satisfy `rule`. */
  rows(rule: ConditionGroup, entity: string, limit: number, signal?: AbortSignal): Promise<RuleRows>;
  /** The SQL the rule compiles to. */
  sql(rule: ConditionGroup, entity: string, signal?: AbortSignal): Promise<string>;
}
